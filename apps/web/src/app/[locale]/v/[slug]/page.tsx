import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { EmptyState } from "@ultramarket/ui";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { resolveLocale } from "~/components/locale";
import { ProductList } from "~/components/product-list";
import { alternatesFor } from "~/components/seo";
import { vendorBySlug, vendorProducts } from "~/server/seo-data";

const PAGE_SIZE = 48;

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}

const cursorOf = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" && value.length > 0 && value.length <= 500 ? value : undefined;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await resolveLocale(params);
  const { slug } = await params;
  const vendor = await vendorBySlug(slug, locale);
  if (!vendor) notFound();
  const paged = cursorOf((await searchParams).cursor) !== undefined;
  return {
    title: vendor.name,
    description: vendor.description.slice(0, 160) || undefined,
    alternates: alternatesFor(locale, `/v/${encodeURIComponent(vendor.slug)}`),
    // Later pages of the listing are reachable for crawlers but only the first is indexed.
    ...(paged ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function VendorPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { slug } = await params;
  const cursor = cursorOf((await searchParams).cursor);
  const [vendor, listing] = await Promise.all([
    vendorBySlug(slug, locale),
    vendorProducts({ vendorSlug: slug, cursor, limit: PAGE_SIZE, locale }),
  ]);
  if (!vendor) notFound();
  // An invalid or stale cursor shows the first page rather than an error.
  const page = listing ?? (await vendorProducts({ vendorSlug: slug, limit: PAGE_SIZE, locale })) ?? { items: [], nextCursor: null };
  const base = `/${locale}/v/${encodeURIComponent(vendor.slug)}`;

  return (
    <div>
      <Breadcrumbs
        label={t.home}
        items={[
          { href: `/${locale}`, title: t.home },
          { href: base, title: vendor.name },
        ]}
      />
      <header className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <p className="text-sm text-slate-500">{t.seller}</p>
        <h1 className="mt-1 text-2xl font-bold" data-testid="vendor-title">
          {vendor.name}
        </h1>
        {vendor.description ? (
          <p className="mt-3 max-w-3xl whitespace-pre-line text-slate-700" data-testid="vendor-description">
            {vendor.description}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="vendor-products-heading">
        <h2 id="vendor-products-heading" className="mb-4 text-xl font-semibold">
          {t.vendorPage.products}
        </h2>
        {page.items.length === 0 ? <EmptyState title={t.vendorPage.empty} /> : <ProductList items={page.items} locale={locale} t={t} />}
        <div className="mt-6 flex flex-wrap items-center justify-center gap-4 text-sm">
          {cursor ? (
            <Link href={base} className="text-slate-600 hover:text-indigo-700">
              {t.vendorPage.backToStart}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              href={`${base}?cursor=${encodeURIComponent(page.nextCursor)}`}
              data-testid="vendor-show-more"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:border-indigo-400 hover:text-indigo-700"
            >
              {t.vendorPage.showMore}
            </Link>
          ) : null}
        </div>
      </section>
    </div>
  );
}
