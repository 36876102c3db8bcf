import { notFound } from "next/navigation";

import { isLocale } from "~/i18n/locales";
import type { Locale } from "~/i18n/locales";
import { messagesFor } from "~/i18n/messages";

/** The route's locale segment, validated: an unknown one is a 404, not a crash. */
export async function resolveLocale(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: ReturnType<typeof messagesFor> }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: messagesFor(locale) };
}
