import type { Metadata } from "next";
import Link from "next/link";

import { productSortSchema } from "@ultramarket/api/catalog-schema";
import type { ProductSort } from "@ultramarket/api/catalog-schema";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { resolveLocale } from "~/components/locale";
import { orNotFound } from "~/components/not-found-error";
import { ProductList } from "~/components/product-list";
import { alternatesFor } from "~/components/seo";
import { serverApi } from "~/server/runtime";
import { LoadMore } from "./load-more";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ sort?: string }>;
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
  const parsedSort = productSortSchema.safeParse((await searchParams).sort);
  const sort: ProductSort = parsedSort.success ? parsedSort.data : "newest";
  const api = await serverApi();
  const [category, firstPage] = await Promise.all([
    orNotFound(api.catalog.categoryBySlug({ slug, locale })),
    orNotFound(api.catalog.listProducts({ categorySlug: slug, sort, limit: 24, locale })),
  ]);
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
            href={`/${locale}/c/${slug}?sort=${option.value}`}
            aria-current={option.value === sort ? "page" : undefined}
            className={option.value === sort ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-indigo-700"}
          >
            {option.label}
          </Link>
        ))}
      </div>

      <ProductList items={firstPage.items} locale={locale} t={t}>
        {firstPage.nextCursor ? (
          <LoadMore
            key={sort}
            categorySlug={slug}
            sort={sort}
            locale={locale}
            firstCursor={firstPage.nextCursor}
            labels={{ loadMore: t.loadMore, loading: t.loading, outOfStock: t.outOfStock }}
          />
        ) : null}
      </ProductList>
    </div>
  );
}
