import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";

import { EmptyState, formatPrice, ProductGrid } from "@ultramarket/ui";
import type { FilterChip } from "~/components/facets";
import { ActiveFilterChips, priceRangeLabel } from "~/components/facets";
import { FiltersPanel } from "~/components/filters-panel";
import { fill } from "~/components/form-value";
import { resolveLocale } from "~/components/locale";
import { PendingLink, PendingNavigation, PendingRegion } from "~/components/pending-navigation";
import type { SearchParams } from "~/components/search-params";
import { alternatesFor } from "~/components/seo";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";
import { looksLikePhone } from "~/server/device";
import { serverApi } from "~/server/runtime";
import { ResultClickLogger } from "./click-logger";
import { SearchFacetFields } from "./facet-fields";
import { Pagination } from "./pagination";
import type { ActiveSearchFilter, SearchPageQuery, SearchSort } from "./query";
import { activeSearchFilters, narrowsBeyondText, PAGE_SIZE, pageCount, parseSearchQuery, searchHref, withoutSearchFilters } from "./query";
import { SearchResultCard } from "./result-card";
import type { SearchResult } from "./results";
import { loadResults } from "./results";
import { SortSelect } from "./sort-select";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

/**
 * Search engines may index the plain words' page (`?q=…`: first page, default order) when it finds products as
 * typed. Filtered, re-sorted and later pages, corrected or fallback results and empty pages are for shoppers only
 * (noindex, follow: their links are still followed); every variant names the plain words' page as canonical.
 */
async function indexable(locale: Locale, query: SearchPageQuery): Promise<boolean> {
  if (!query.q || narrowsBeyondText(query)) return false;
  const result = await loadResults(locale, query);
  return result.items.length > 0 && result.fallback === null && result.correctedText === null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, t } = await resolveLocale(params);
  const query = parseSearchQuery(await searchParams);
  return {
    title: query.q ? fill(t.search.titleFor, { q: query.q }) : t.search.title,
    alternates: alternatesFor(locale, query.q ? `/search?${new URLSearchParams({ q: query.q }).toString()}` : "/search"),
    ...((await indexable(locale, query)) ? {} : { robots: { index: false, follow: true } }),
  };
}

/** The filtered category's name for its chip (the facets name only the matches' own categories). */
async function categoryName(slug: string | undefined, locale: Locale): Promise<string | null> {
  if (!slug) return null;
  try {
    return (await (await serverApi()).catalog.categoryBySlug({ slug, locale })).title;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The words on an active filter's "remove" chip. */
function chipLabel(filter: ActiveSearchFilter, result: SearchResult, category: string | null, locale: Locale, t: Messages): string {
  switch (filter.kind) {
    case "category":
      return `${t.search.category}: ${category ?? filter.slug}`;
    case "brand":
      return `${t.filters.brand}: ${filter.brand}`;
    case "vendor":
      return `${t.search.vendor}: ${result.facets?.vendors.find((v) => v.slug === filter.slug)?.name ?? filter.slug}`;
    case "price":
      return `${t.filters.price}: ${priceRangeLabel(filter, (value) => formatPrice(value * 100, "UZS", locale))}`;
    case "rating":
      return `${t.search.rating}: ${fill(t.search.ratingAtLeast, { n: filter.atLeast })}`;
    case "attribute": {
      const facet = result.facets?.attributes.find((f) => f.key === filter.key);
      const value = facet?.values.find((v) => v.value === filter.value);
      return `${facet?.name ?? filter.key}: ${value?.name ?? filter.value}`;
    }
    case "inStock":
      return t.filters.inStock;
  }
}

function chipKey(filter: ActiveSearchFilter): string {
  switch (filter.kind) {
    case "brand":
      return `brand:${filter.brand}`;
    case "vendor":
      return `vendor:${filter.slug}`;
    case "attribute":
      return `attr:${filter.key}:${filter.value}`;
    default:
      return filter.kind;
  }
}

/** A count as shoppers read it: groups of three digits split by a non-breaking space, as prices are. */
const countText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const query = parseSearchQuery(await searchParams);
  const [result, phone, category] = await Promise.all([loadResults(locale, query), looksLikePhone(), categoryName(query.category, locale)]);

  const action = `/${locale}/search`;
  const here = searchHref(locale, query);
  /** This query with some changes, from the first page. */
  const hrefWith = (changes: Partial<SearchPageQuery>) => searchHref(locale, { ...query, page: 1, ...changes });
  const active = activeSearchFilters(query);
  const chips: FilterChip[] = active.map((filter) => ({
    key: chipKey(filter),
    label: chipLabel(filter, result, category, locale, t),
    href: searchHref(locale, filter.without),
  }));
  const clearHref = searchHref(locale, withoutSearchFilters(query));
  const sorts: { value: SearchSort; label: string }[] = [
    { value: "relevance", label: t.search.sortRelevance },
    { value: "price_asc", label: t.sortPriceAsc },
    { value: "price_desc", label: t.sortPriceDesc },
    { value: "newest", label: t.sortNewest },
    { value: "rating", label: t.search.sortRating },
  ];
  const unsorted = searchHref(locale, { ...query, sort: "relevance", page: 1 });
  const keepForSort = [...new URLSearchParams(unsorted.split("?")[1] ?? "").entries()];
  // Fallback results (any word, or popular products) come on the first page only.
  const paged = result.fallback === null;
  const lastPage = result.nextCursor ? Math.max(query.page + 1, pageCount(result.total)) : query.page;
  const firstPosition = (query.page - 1) * PAGE_SIZE;
  const facets = result.facets;
  const [beforeSuggestion, afterSuggestion] = t.search.didYouMean.split("{q}");

  return (
    <PendingNavigation>
      <h1 className="text-2xl font-bold break-words" data-testid="search-title">
        {query.q ? fill(t.search.titleFor, { q: query.q }) : t.search.title}
      </h1>
      <div className="mt-2 space-y-2 text-sm text-slate-600">
        {result.items.length > 0 && result.fallback !== "popular" ? (
          <p data-testid="search-total">{fill(t.search.total, { n: `${countText(result.total)}${result.totalIsEstimate ? "+" : ""}` })}</p>
        ) : null}
        {result.correctedText ? (
          <p data-testid="search-corrected" className="font-medium text-slate-800">
            {fill(t.search.corrected, { corrected: result.correctedText })}
          </p>
        ) : null}
        {result.didYouMean ? (
          <p data-testid="search-did-you-mean">
            {beforeSuggestion}
            <PendingLink href={hrefWith({ q: result.didYouMean })} className="font-medium text-indigo-700 hover:underline">
              {result.didYouMean}
            </PendingLink>
            {afterSuggestion}
          </p>
        ) : null}
        {result.fallback ? (
          <p data-testid="search-fallback" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
            {result.fallback === "relaxed" ? t.search.relaxed : t.search.popular}
          </p>
        ) : null}
      </div>

      <div
        className={facets ? "mt-6 grid items-start gap-6 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[17rem_minmax(0,1fr)]" : "mt-6"}
      >
        {facets ? (
          <aside>
            <FiltersPanel
              key={here}
              action={action}
              initiallyOpen={!phone}
              activeCount={chips.length}
              resetHref={chips.length > 0 ? clearHref : null}
              labels={{ title: t.filters.title, apply: t.filters.apply, reset: t.filters.reset, loading: t.loading }}
            >
              <SearchFacetFields query={query} facets={facets} hrefWith={hrefWith} t={t} />
            </FiltersPanel>
          </aside>
        ) : null}

        <PendingRegion>
          {result.items.length > 0 && result.fallback !== "popular" ? (
            <div className="mb-4 flex justify-end">
              <SortSelect
                key={here}
                action={action}
                keep={keepForSort}
                current={query.sort}
                options={sorts.map((option) => ({ ...option, href: hrefWith({ sort: option.value }) }))}
                labels={{ sort: t.sort, show: t.search.showSort }}
              />
            </div>
          ) : null}

          <ActiveFilterChips chips={chips} clearHref={clearHref} t={t} />

          {result.items.length > 0 ? (
            <ResultClickLogger queryId={result.queryId}>
              <ProductGrid>
                {result.items.map((item, i) => (
                  <SearchResultCard key={item.id} item={item} position={firstPosition + i + 1} eager={i < 4} locale={locale} t={t} />
                ))}
              </ProductGrid>
            </ResultClickLogger>
          ) : query.page > 1 ? (
            <EmptyState title={t.search.emptyPage}>
              <PendingLink href={hrefWith({})} className="text-indigo-700 hover:underline">
                {t.search.firstPage}
              </PendingLink>
            </EmptyState>
          ) : chips.length > 0 ? (
            <EmptyState title={t.filters.noMatch}>
              <p>{t.filters.noMatchHint}</p>
              <PendingLink href={clearHref} className="mt-2 inline-block text-indigo-700 hover:underline">
                {t.filters.clearAll}
              </PendingLink>
            </EmptyState>
          ) : (
            <EmptyState title={t.search.empty}>
              <p>{t.search.emptyHint}</p>
            </EmptyState>
          )}

          {paged ? (
            <Pagination current={query.page} last={lastPage} hrefFor={(page) => searchHref(locale, { ...query, page })} t={t} />
          ) : null}
        </PendingRegion>
      </div>
    </PendingNavigation>
  );
}
