import { absoluteUrl, xmlEscape, xmlResponse } from "~/components/seo";
import { LOCALES } from "~/i18n/locales";
import { sitemapProductPageCount } from "~/server/seo-data";

export const dynamic = "force-dynamic";

/** The sitemap index: per language, the categories sitemap and every product sitemap page. */
export async function GET(): Promise<Response> {
  const { pages } = await sitemapProductPageCount();
  const entries: string[] = [];
  for (const locale of LOCALES) {
    entries.push(absoluteUrl(`/sitemaps/${locale}/categories.xml`));
    for (let page = 1; page <= pages; page++) entries.push(absoluteUrl(`/sitemaps/${locale}/products/${page}.xml`));
  }
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
    entries.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`).join("") +
    "</sitemapindex>\n";
  return xmlResponse(body);
}
