import { sitemapUrl, URLSET_CLOSE, URLSET_OPEN, xmlResponse } from "~/components/seo";
import { isLocale } from "~/i18n/locales";
import { sitemapCategories } from "~/server/seo-data";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const categories = await sitemapCategories();
  const urls = [
    sitemapUrl(locale, "", null),
    ...categories.map((c) =>
      sitemapUrl(
        locale,
        {
          uz: `/c/${encodeURIComponent(c.slugs.uz || c.slug)}`,
          ru: `/c/${encodeURIComponent(c.slugs.ru || c.slug)}`,
          en: `/c/${encodeURIComponent(c.slugs.en || c.slug)}`,
        },
        c.updatedAt,
      ),
    ),
  ];
  return xmlResponse(URLSET_OPEN + urls.join("") + URLSET_CLOSE);
}
