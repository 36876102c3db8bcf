import type { RouterOutputs } from "@ultramarket/api";
import type { Locale } from "~/i18n/locales";
import { absoluteUrl, jsonLdString } from "~/components/seo";

type Product = RouterOutputs["catalog"]["productBySlug"];

/** Minor units (tiyin) as a decimal string of so'm, exactly: 1234550 → "12345.50". */
export function decimalPrice(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(amount));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const availability = (inStock: boolean) => (inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");

/** schema.org Product and BreadcrumbList for a product page, as one JSON-LD script. */
export function ProductJsonLd({ product, locale, homeTitle }: { product: Product; locale: Locale; homeTitle: string }) {
  const url = absoluteUrl(`/${locale}/p/${encodeURIComponent(product.slug)}`);
  const prices = product.variants.map((v) => v.priceAmount);
  const currency = "UZS";
  const offers =
    product.variants.length > 1 && Math.min(...prices) !== Math.max(...prices)
      ? {
          "@type": "AggregateOffer",
          priceCurrency: currency,
          lowPrice: decimalPrice(Math.min(...prices)),
          highPrice: decimalPrice(Math.max(...prices)),
          offerCount: product.variants.length,
          availability: availability(product.inStock),
          url,
        }
      : {
          "@type": "Offer",
          priceCurrency: currency,
          price: decimalPrice(product.variants[0]?.priceAmount ?? product.priceAmount),
          availability: availability(product.inStock),
          url,
          seller: { "@type": "Organization", name: product.vendor.name },
        };
  const crumbs = [
    { name: homeTitle, url: absoluteUrl(`/${locale}`) },
    ...product.breadcrumbs.map((c) => ({ name: c.title, url: absoluteUrl(`/${locale}/c/${encodeURIComponent(c.slug)}`) })),
    { name: product.title, url },
  ];
  const data = [
    {
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.title,
      description: product.description,
      sku: product.variants[0]?.sku,
      ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
      image: product.images.map((i) => absoluteUrl(i.url)),
      url,
      offers,
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: crumbs.map((c, index) => ({ "@type": "ListItem", position: index + 1, name: c.name, item: c.url })),
    },
  ];
  return <script type="application/ld+json" data-testid="product-jsonld" dangerouslySetInnerHTML={{ __html: jsonLdString(data) }} />;
}
