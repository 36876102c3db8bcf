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
import { RecordView } from "./record-view";

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

/** At most `max` characters of plain text, cut at a word where one is near. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveLocale(params);
  const product = await loadProduct((await params).slug, locale);
  return {
    title: product.title,
    description: excerpt(product.description, 160) || undefined,
    alternates: alternatesFor(locale, `/p/${encodeURIComponent(product.slug)}`),
  };
}

export default async function ProductPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const product = await loadProduct((await params).slug, locale);
  return (
    <article>
      <ProductJsonLd product={product} locale={locale} homeTitle={t.home} />
      <RecordView productId={product.id} />
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
          gallery: t.gallery,
          addToCart: t.shop.addToCart,
          adding: t.shop.adding,
          quantity: t.shop.quantity,
          available: t.shop.available,
        }}
      />
      <section className="mt-10 grid gap-6 md:grid-cols-3">
        <div className="md:col-span-2">
          {product.descriptionHtml ? (
            <section aria-labelledby="product-description-heading">
              <h2 id="product-description-heading" className="mb-3 text-lg font-semibold">
                {t.description}
              </h2>
              {/* Sanitised by the API (catalog/rich-text.ts): paragraphs, emphasis, lists, small headings, safe links. */}
              <div className="rich-text" data-testid="product-description" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
            </section>
          ) : null}
          {product.attributes.length ? (
            <section aria-labelledby="product-specifications-heading" className="mt-8">
              <h2 id="product-specifications-heading" className="mb-3 text-lg font-semibold">
                {t.specifications}
              </h2>
              <dl className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="product-attributes">
                {product.attributes.map((attribute) => (
                  <div key={attribute.key} className="grid grid-cols-2 gap-4 px-4 py-2 text-sm">
                    <dt className="text-slate-500">{attribute.name}</dt>
                    <dd className="font-medium text-slate-900">{attribute.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
        </div>
        <aside className="self-start rounded-xl border border-slate-200 bg-white p-5" aria-label={t.seller}>
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
