import Link from "next/link";
import type { ReactNode } from "react";

import { cn } from "@ultramarket/ui";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Tab = "profile" | "orders" | "security" | "sell";

/** Heading and section tabs shared by the account pages. */
export function AccountShell({ locale, t, current, children }: { locale: Locale; t: Messages; current: Tab; children: ReactNode }) {
  const tabs: { key: Tab; href: string; label: string }[] = [
    { key: "profile", href: `/${locale}/account`, label: t.account.profile },
    { key: "orders", href: `/${locale}/account/orders`, label: t.shop.orders },
    { key: "security", href: `/${locale}/account/security`, label: t.account.security },
    { key: "sell", href: `/${locale}/account/sell`, label: t.account.sell },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t.account.title}</h1>
      <nav aria-label={t.account.nav} className="border-b border-slate-200">
        <ul className="-mb-px flex gap-6 overflow-x-auto text-sm">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === current ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap border-b-2 px-1 pb-3 font-medium",
                  tab.key === current
                    ? "border-indigo-600 text-indigo-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
