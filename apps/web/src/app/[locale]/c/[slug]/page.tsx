import type { Metadata } from "next";
import Link from "next/link";

import { productSortSchema } from "@ultramarket/api/catalog-schema";
import type { ProductSort } from "@ultramarket/api/catalog-schema";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { resolveLocale } from "~/components/locale";
import { buttonClass } from "@ultramarket/ui";
import { orNotFound } from "~/components/not-found-error";
import { ProductList } from "~/components/product-list";
import { alternatesFor } from "~/components/seo";
import { serverApi } from "~/server/runtime";
import { LoadMore } from "./load-more";

type Query = { min?: string; max?: string; brand?: string | string[]; instock?: string };

/** Filters from the URL (prices typed in so'm, sent in tiyin); anything malformed is ignored. */
function filtersFrom(query: Query) {
  const price = (value: string | undefined) => (value && /^\d{1,12}$/.test(value) ? Number(value) * 100 : undefined);
  let priceMin = price(query.min);
  let priceMax = price(query.max);
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) [priceMin, priceMax] = [priceMax, priceMin];
  const brands = (Array.isArray(query.brand) ? query.brand : query.brand ? [query.brand] : [])
    .filter((b) => b.length > 0 && b.length <= 80)
    .slice(0, 20);
  const filters = { priceMin, priceMax, brands: brands.length ? brands : undefined, inStock: query.instock === "1" ? true : undefined };
  return Object.values(filters).some((v) => v !== undefined) ? filters : undefined;
}

/** The filters as query-string parameters, to keep them when the sort changes. */
function filterQuery(filters: ReturnType<typeof filtersFrom>): string {
  if (!filters) return "";
  const params = new URLSearchParams();
  if (filters.priceMin !== undefined) params.set("min", String(filters.priceMin / 100));
  if (filters.priceMax !== undefined) params.set("max", String(filters.priceMax / 100));
  for (const brand of filters.brands ?? []) params.append("brand", brand);
  if (filters.inStock) params.set("instock", "1");
  return `&${params.toString()}`;
}

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ sort?: string; min?: string; max?: string; brand?: string | string[]; instock?: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveLocale(params);
  const { slug } = await params;
  const api = await serverApi();
  const category = await orNotFound(api.catalog.categoryBySlug({ slug, locale }));
  return { title: category.title, alternates: alternatesFor(locale, `/c/${encodeURIComponent(category.slug)}`) };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { slug } = await params;
  const query = await searchParams;
  const parsedSort = productSortSchema.safeParse(query.sort);
  const sort: ProductSort = parsedSort.success ? parsedSort.data : "newest";
  const filters = filtersFrom(query);
  const api = await serverApi();
  const [category, firstPage] = await Promise.all([
    orNotFound(api.catalog.categoryBySlug({ slug, locale })),
    orNotFound(api.catalog.listProducts({ categorySlug: slug, sort, limit: 24, locale, filters })),
  ]);
  const facets = await api.catalog.categoryFilters({ categorySlug: slug });
  const keep = filterQuery(filters);
  const sorts: { value: ProductSort; label: string }[] = [
    { value: "newest", label: t.sortNewest },
    { value: "price_asc", label: t.sortPriceAsc },
    { value: "price_desc", label: t.sortPriceDesc },
  ];

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

      <div className="my-6 flex items-center gap-3 text-sm">
        <span className="text-slate-500">{t.sort}:</span>
        {sorts.map((option) => (
          <Link
            key={option.value}
            href={`/${locale}/c/${slug}?sort=${option.value}${keep}`}
            aria-current={option.value === sort ? "page" : undefined}
            className={option.value === sort ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-indigo-700"}
          >
            {option.label}
          </Link>
        ))}
      </div>

      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 text-sm"
        aria-label={t.filters.title}
      >
        <input type="hidden" name="sort" value={sort} />
        <label className="flex flex-col gap-1">
          {t.filters.priceFrom}
          <input
            name="min"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={query.min}
            placeholder={facets.priceMin ? String(Math.floor(facets.priceMin / 100)) : undefined}
            className="w-36 rounded-lg border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          {t.filters.priceTo}
          <input
            name="max"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={query.max}
            placeholder={facets.priceMax ? String(Math.ceil(facets.priceMax / 100)) : undefined}
            className="w-36 rounded-lg border border-slate-300 px-2 py-1"
          />
        </label>
        {facets.brands.length > 0 ? (
          <fieldset className="flex flex-wrap items-center gap-3">
            <legend className="mb-1">{t.filters.brand}</legend>
            {facets.brands.map(({ brand, count }) => (
              <label key={brand} className="flex items-center gap-1">
                <input type="checkbox" name="brand" value={brand} defaultChecked={filters?.brands?.includes(brand)} />
                {brand} <span className="text-slate-400">({count})</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="instock" value="1" defaultChecked={filters?.inStock} />
          {t.filters.inStock}
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t.filters.apply}
        </button>
        {keep ? (
          <Link href={`/${locale}/c/${slug}?sort=${sort}`} className="text-indigo-700 hover:underline">
            {t.filters.reset}
          </Link>
        ) : null}
      </form>

      <ProductList items={firstPage.items} locale={locale} t={t}>
        {firstPage.nextCursor ? (
          <LoadMore
            key={`${sort}${keep}`}
            categorySlug={slug}
            sort={sort}
            filters={filters}
            locale={locale}
            firstCursor={firstPage.nextCursor}
            labels={{ loadMore: t.loadMore, loading: t.loading, outOfStock: t.outOfStock }}
          />
        ) : null}
      </ProductList>
    </div>
  );
}
