import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import Link from "next/link";

import type { ProductSort } from "@ultramarket/api/catalog-schema";
import { EmptyState, formatPrice } from "@ultramarket/ui";
import { Breadcrumbs } from "~/components/breadcrumbs";
import type { FilterChip } from "~/components/facets";
import { ActiveFilterChips, CheckboxFacet, PriceRangeFields, priceRangeLabel, withSelected } from "~/components/facets";
import { FiltersPanel } from "~/components/filters-panel";
import { resolveLocale } from "~/components/locale";
import { orNotFound } from "~/components/not-found-error";
import { ProductList } from "~/components/product-list";
import { localizedAlternates } from "~/components/seo";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";
import { looksLikePhone } from "~/server/device";
import { serverApi } from "~/server/runtime";
import { LoadMore } from "./load-more";
import type { ActiveFilter, AttributeFacets, SearchParams } from "./query";
import { activeFilterCount, activeFilters, ATTRIBUTE_PARAM, categoryHref, listFilters, parseCategoryQuery, withoutFilters } from "./query";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveLocale(params);
  const { slug } = await params;
  const api = await serverApi();
  const category = await orNotFound(api.catalog.categoryBySlug({ slug, locale }));
  // Filtered and sorted URLs name the plain category as canonical; each language has its own slug.
  const path = (l: Locale) => `/c/${encodeURIComponent(category.slugs[l])}`;
  return {
    title: category.title,
    description: category.description || undefined,
    alternates: localizedAlternates(locale, { uz: path("uz"), ru: path("ru"), en: path("en") }),
  };
}

/** The words on an active filter's "remove" chip. */
function chipLabel(filter: ActiveFilter, facets: AttributeFacets, locale: Locale, t: Messages): string {
  switch (filter.kind) {
    case "price":
      return `${t.filters.price}: ${priceRangeLabel(filter, (value) => formatPrice(value * 100, "UZS", locale))}`;
    case "brand":
      return `${t.filters.brand}: ${filter.brand}`;
    case "attribute": {
      const facet = facets.find((f) => f.key === filter.key);
      const value = facet?.values.find((v) => v.value === filter.value);
      return `${facet?.name ?? filter.key}: ${value?.name ?? filter.value}`;
    }
    case "inStock":
      return t.filters.inStock;
  }
}

const chipKey = (filter: ActiveFilter): string =>
  filter.kind === "brand" ? `brand:${filter.brand}` : filter.kind === "attribute" ? `attr:${filter.key}:${filter.value}` : filter.kind;

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { slug } = await params;
  const api = await serverApi();
  const [category, facets] = await Promise.all([
    orNotFound(api.catalog.categoryBySlug({ slug, locale })),
    orNotFound(api.catalog.categoryFilters({ categorySlug: slug, locale })),
  ]);
  const raw = await searchParams;
  // Reached by another language's slug: the page lives at this language's own.
  if (category.slug !== slug) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(raw))
      for (const v of Array.isArray(value) ? value : value ? [value] : []) search.append(key, v);
    permanentRedirect(`/${locale}/c/${encodeURIComponent(category.slug)}${search.size ? `?${search}` : ""}`);
  }
  // Attribute filters are read against the facets, so only what this category offers applies.
  const query = parseCategoryQuery(raw, facets.attributes);
  const filters = listFilters(query);
  const [firstPage, phone] = await Promise.all([
    orNotFound(api.catalog.listProducts({ categorySlug: category.slug, sort: query.sort, limit: 24, locale, filters })),
    looksLikePhone(),
  ]);

  const path = `/${locale}/c/${encodeURIComponent(category.slug)}`;
  const here = categoryHref(path, query);
  const active = activeFilters(query);
  const clearHref = categoryHref(path, withoutFilters(query));
  const chips: FilterChip[] = active.map((filter) => ({
    key: chipKey(filter),
    label: chipLabel(filter, facets.attributes, locale, t),
    href: categoryHref(path, filter.without),
  }));
  const sorts: { value: ProductSort; label: string }[] = [
    { value: "newest", label: t.sortNewest },
    { value: "popular", label: t.sortPopular },
    { value: "price_asc", label: t.sortPriceAsc },
    { value: "price_desc", label: t.sortPriceDesc },
  ];
  // A brand set in the URL but outside the facets' top brands still shows, ticked.
  const brandOptions = withSelected(
    facets.brands.map(({ brand, count }) => ({ value: brand, label: brand, count })),
    query.brands,
  );

  return (
    <div>
      <Breadcrumbs
        label={t.home}
        items={[
          { href: `/${locale}`, title: t.home },
          ...category.breadcrumbs.map((c) => ({ href: `/${locale}/c/${c.slug}`, title: c.title })),
        ]}
      />
      <h1 className="text-2xl font-bold" data-testid="category-title">
        {category.title}
      </h1>
      {category.description ? (
        <p className="mt-2 max-w-3xl text-slate-600" data-testid="category-description">
          {category.description}
        </p>
      ) : null}
      {category.children.length > 0 ? (
        <ul className="mt-4 flex flex-wrap gap-2">
          {category.children.map((child) => (
            <li key={child.slug}>
              <Link
                href={`/${locale}/c/${child.slug}`}
                className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:border-indigo-400 hover:text-indigo-700"
              >
                {child.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      <div className="mt-6 grid items-start gap-6 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[17rem_minmax(0,1fr)]">
        <aside>
          <FiltersPanel
            key={here}
            action={path}
            initiallyOpen={!phone}
            activeCount={activeFilterCount(query)}
            resetHref={active.length > 0 ? clearHref : null}
            labels={{ title: t.filters.title, apply: t.filters.apply, reset: t.filters.reset, loading: t.loading }}
          >
            <input type="hidden" name="sort" value={query.sort} />
            <PriceRangeFields
              min={query.min}
              max={query.max}
              offered={facets.priceMin !== null && facets.priceMax !== null ? { min: facets.priceMin, max: facets.priceMax } : null}
              t={t}
            />
            <CheckboxFacet legend={t.filters.brand} name="brand" options={brandOptions} selected={query.brands} />
            {facets.attributes.map((facet) => (
              <CheckboxFacet
                key={facet.key}
                legend={facet.name}
                name={`${ATTRIBUTE_PARAM}${facet.key}`}
                options={facet.values.map((v) => ({ value: v.value, label: v.name, count: v.count }))}
                selected={query.attributes[facet.key] ?? []}
              />
            ))}
            <label className="flex cursor-pointer items-center gap-2">
              <input type="checkbox" name="instock" value="1" defaultChecked={query.inStock} className="h-4 w-4 accent-indigo-600" />
              {t.filters.inStock}
            </label>
          </FiltersPanel>
        </aside>

        <div>
          <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <span className="text-slate-500">{t.sort}:</span>
            {sorts.map((option) => (
              <Link
                key={option.value}
                href={categoryHref(path, { ...query, sort: option.value })}
                aria-current={option.value === query.sort ? "page" : undefined}
                className={option.value === query.sort ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-indigo-700"}
              >
                {option.label}
              </Link>
            ))}
          </div>

          <ActiveFilterChips chips={chips} clearHref={clearHref} t={t} />

          {firstPage.items.length === 0 && active.length > 0 ? (
            <EmptyState title={t.filters.noMatch}>
              <p>{t.filters.noMatchHint}</p>
              <Link href={clearHref} className="mt-2 inline-block text-indigo-700 hover:underline">
                {t.filters.clearAll}
              </Link>
            </EmptyState>
          ) : (
            <ProductList items={firstPage.items} locale={locale} t={t}>
              {firstPage.nextCursor ? (
                <LoadMore
                  key={here}
                  categorySlug={category.slug}
                  sort={query.sort}
                  filters={filters}
                  locale={locale}
                  firstCursor={firstPage.nextCursor}
                  labels={{ loadMore: t.loadMore, loading: t.loading, outOfStock: t.outOfStock }}
                />
              ) : null}
            </ProductList>
          )}
        </div>
      </div>
    </div>
  );
}
