import type { Metadata } from "next";
import Link from "next/link";

import { resolveLocale } from "~/components/locale";
import { ProductList } from "~/components/product-list";
import { alternatesFor } from "~/components/seo";
import { serverApi } from "~/server/runtime";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale, t } = await resolveLocale(params);
  return { title: { absolute: `UltraMarket — ${t.tagline}` }, description: t.tagline, alternates: alternatesFor(locale, "") };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await resolveLocale(params);
  const api = await serverApi();
  const [tree, featured] = await Promise.all([
    api.catalog.categoryTree({ locale }),
    api.catalog.listProducts({ featured: true, limit: 12, sort: "newest", locale }),
  ]);
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-r from-indigo-600 to-sky-500 px-8 py-10 text-white">
        <h1 className="text-3xl font-bold">UltraMarket</h1>
        <p className="mt-2 text-indigo-50">{t.tagline}</p>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-semibold">
          {t.categories}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="category-list">
          {tree.map((root) => (
            <li key={root.id} className="rounded-xl border border-slate-200 bg-white p-5">
              <Link href={`/${locale}/c/${root.slug}`} className="font-semibold text-slate-900 hover:text-indigo-700">
                {root.title}
              </Link>
              <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                {root.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/${locale}/c/${child.slug}`} className="text-slate-500 hover:text-indigo-700">
                      {child.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
          {t.featured}
        </h2>
        <ProductList items={featured.items} locale={locale} t={t} />
      </section>
    </div>
  );
}
