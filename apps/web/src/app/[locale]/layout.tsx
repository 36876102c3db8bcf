import "../globals.css";

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { Container } from "@ultramarket/ui";
import { LanguageSwitcher } from "~/components/language-switcher";
import { resolveLocale } from "~/components/locale";
import { serverApi } from "~/server/runtime";
import { Providers } from "~/trpc/provider";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "UltraMarket", template: "%s · UltraMarket" },
  description: "UltraMarket — Oʻzbekistonning koʻp sotuvchili bozori",
};

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale, t } = await resolveLocale(params);
  const api = await serverApi();
  const tree = await api.catalog.categoryTree({ locale });
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <Container className="flex h-16 items-center justify-between gap-4">
              <Link href={`/${locale}`} className="text-xl font-bold tracking-tight text-indigo-700">
                UltraMarket
              </Link>
              <LanguageSwitcher current={locale} label={t.language} />
            </Container>
            <Container>
              <nav aria-label={t.categories} className="-mb-px flex gap-5 overflow-x-auto pb-2 text-sm">
                {tree.map((root) => (
                  <Link
                    key={root.id}
                    href={`/${locale}/c/${root.slug}`}
                    className="whitespace-nowrap py-1 text-slate-600 hover:text-indigo-700"
                  >
                    {root.title}
                  </Link>
                ))}
              </nav>
            </Container>
          </header>
          <main className="py-8">
            <Container>{children}</Container>
          </main>
          <footer className="mt-16 border-t border-slate-200 py-8 text-sm text-slate-500">
            <Container>© 2026 UltraMarket · {t.tagline}</Container>
          </footer>
        </Providers>
      </body>
    </html>
  );
}
