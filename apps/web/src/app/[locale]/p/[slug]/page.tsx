import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";

import { Breadcrumbs } from "~/components/breadcrumbs";
import { resolveLocale } from "~/components/locale";
import type { Locale } from "~/i18n/locales";
import { orNotFound } from "~/components/not-found-error";
import { ProductJsonLd } from "~/components/product-jsonld";
import { alternatesFor } from "~/components/seo";
import { serverApi } from "~/server/runtime";
import { PurchasePanel } from "./purchase-panel";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

/** The product, or a permanent redirect when the slug is an old one, or the 404 page. */
async function loadProduct(slug: string, locale: Locale) {
  const api = await serverApi();
  try {
    return await api.catalog.productBySlug({ slug, locale });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      const moved = await api.catalog.redirectForSlug({ slug });
      if (moved) permanentRedirect(`/${locale}/p/${moved.slug}`);
    }
    return orNotFound(Promise.reject(error));
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveLocale(params);
  const product = await loadProduct((await params).slug, locale);
  return {
    title: product.title,
    description: product.description.slice(0, 160),
    alternates: alternatesFor(locale, `/p/${encodeURIComponent(product.slug)}`),
  };
}

export default async function ProductPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const product = await loadProduct((await params).slug, locale);
  return (
    <article>
      <ProductJsonLd product={product} locale={locale} homeTitle={t.home} />
      <Breadcrumbs
        label={t.home}
        items={[
          { href: `/${locale}`, title: t.home },
          ...product.breadcrumbs.map((c) => ({ href: `/${locale}/c/${c.slug}`, title: c.title })),
          { href: `/${locale}/p/${product.slug}`, title: product.title },
        ]}
      />
      <PurchasePanel
        product={product}
        locale={locale}
        labels={{
          inStock: t.inStock,
          outOfStock: t.outOfStock,
          fewLeft: t.fewLeft,
          sku: t.sku,
          vat: t.vat,
          options: t.options,
          values: t.values,
        }}
      />
      <section className="mt-10 grid gap-6 md:grid-cols-3">
        <div className="prose max-w-none md:col-span-2">
          <p className="text-slate-700">{product.description}</p>
        </div>
        <aside className="rounded-xl border border-slate-200 bg-white p-5" aria-label={t.seller}>
          <p className="text-sm text-slate-500">{t.seller}</p>
          <p className="mt-1 font-semibold" data-testid="vendor-name">
            <Link href={`/${locale}/v/${product.vendor.slug}`} className="hover:text-indigo-700 hover:underline">
              {product.vendor.name}
            </Link>
          </p>
          <Link href={`/${locale}`} className="sr-only">
            {t.backHome}
          </Link>
        </aside>
      </section>
    </article>
  );
}
