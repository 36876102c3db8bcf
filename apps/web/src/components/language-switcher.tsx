"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import type { Locale } from "~/i18n/locales";

/** Links to this same page in the other languages (the locale is the first path segment). */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const rest = pathname.split("/").slice(2).join("/");
  return (
    <nav aria-label={label} className="flex gap-1 text-sm">
      {LOCALES.map((locale) => (
        <Link
          key={locale}
          href={`/${locale}${rest ? `/${rest}` : ""}`}
          hrefLang={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          className={
            locale === current
              ? "rounded-md bg-indigo-50 px-2 py-1 font-medium text-indigo-700"
              : "rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100"
          }
        >
          {LOCALE_NAMES[locale]}
        </Link>
      ))}
    </nav>
  );
}
