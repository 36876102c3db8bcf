import "../globals.css";

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClass, Container } from "@ultramarket/ui";
import { CartButton } from "~/components/cart/cart-button";
import { LanguageSwitcher } from "~/components/language-switcher";
import { resolveLocale } from "~/components/locale";
import { SearchBox } from "~/components/search-box";
import { SignOutButton } from "~/components/sign-out-button";
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
  const [tree, me] = await Promise.all([api.catalog.categoryTree({ locale }), api.auth.me()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <Container className="flex min-h-16 flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 lg:flex-nowrap lg:py-0">
              <Link href={`/${locale}`} className="text-xl font-bold tracking-tight text-indigo-700">
                UltraMarket
              </Link>
              <div className="order-last w-full lg:order-none lg:max-w-xl lg:flex-1">
                <SearchBox
                  locale={locale}
                  signedIn={Boolean(me)}
                  labels={{
                    label: t.search.label,
                    placeholder: t.search.placeholder,
                    submit: t.search.submit,
                    suggestions: t.search.suggestions,
                    groups: t.search.groups,
                    clearHistory: t.search.clearHistory,
                    suggestionCount: t.search.suggestionCount,
                  }}
                />
              </div>
              <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2 sm:flex-nowrap sm:gap-5">
                <LanguageSwitcher current={locale} label={t.language} />
                <CartButton locale={locale} t={t.shop} />
                {me ? (
                  <div className="flex items-center gap-2 text-sm">
                    <Link
                      href={`/${locale}/account`}
                      data-testid="account-link"
                      title={t.header.account}
                      className="max-w-[10rem] truncate rounded-md px-2 py-1 font-medium text-slate-800 hover:bg-slate-100 hover:text-indigo-700 sm:max-w-[14rem]"
                    >
                      {me.name}
                    </Link>
                    <Link
                      href={`/${locale}/account/orders`}
                      data-testid="orders-link"
                      className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 hover:text-indigo-700"
                    >
                      {t.shop.orders}
                    </Link>
                    <SignOutButton label={t.header.signOut} />
                  </div>
                ) : (
                  <div className="flex items-center gap-2 text-sm">
                    <Link
                      href={`/${locale}/sign-in`}
                      className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 hover:text-indigo-700"
                    >
                      {t.header.signIn}
                    </Link>
                    <Link href={`/${locale}/sign-up`} className={buttonClass("primary")}>
                      {t.header.signUp}
                    </Link>
                  </div>
                )}
              </div>
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
