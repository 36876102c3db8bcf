import { sitemapUrl, URLSET_CLOSE, URLSET_OPEN, xmlResponse } from "~/components/seo";
import { isLocale } from "~/i18n/locales";
import { sitemapProducts } from "~/server/seo-data";

export const dynamic = "force-dynamic";

/** `/sitemaps/{locale}/products/{page}.xml`: up to 10,000 published products, in id order. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; page: string }> }): Promise<Response> {
  const { locale, page: raw } = await params;
  const match = /^([1-9]\d{0,5})\.xml$/.exec(raw);
  if (!isLocale(locale) || !match?.[1]) return new Response("Not found", { status: 404 });
  const products = await sitemapProducts(Number(match[1]));
  if (products.length === 0) return new Response("Not found", { status: 404 });
  const urls = products.map((p) => sitemapUrl(locale, `/p/${encodeURIComponent(p.slug)}`, p.updatedAt));
  return xmlResponse(URLSET_OPEN + urls.join("") + URLSET_CLOSE);
}
