import { z } from "zod";

import type { Locale, LocalizedText } from "@ultramarket/db";
import { LOCALES } from "@ultramarket/db";

export const localeSchema = z.enum(LOCALES);
export const DEFAULT_LOCALE: Locale = "uz";

/** The text in the wanted language, falling back to Uzbek (the source language), then any. */
export function localize(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] || text.uz || text.ru || text.en || "";
}
