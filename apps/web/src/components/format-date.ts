import type { Locale } from "~/i18n/locales";

const MONTHS: Record<Locale, string[]> = {
  uz: ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr"],
  ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** Tashkent time (UTC+5 all year, no daylight saving). */
const TASHKENT_OFFSET_MS = 5 * 60 * 60 * 1000;

/**
 * "12-may 2026, 14:05" / "12 мая 2026, 14:05" / "12 May 2026, 14:05" in Tashkent time.
 * Written by hand, like formatPrice, so that server and browser print the same text.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  const d = new Date(date.getTime() + TASHKENT_OFFSET_MS);
  const day = d.getUTCDate();
  const month = MONTHS[locale][d.getUTCMonth()] ?? "";
  const year = d.getUTCFullYear();
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  const datePart = locale === "uz" ? `${day}-${month} ${year}` : `${day} ${month} ${year}`;
  return `${datePart}, ${time}`;
}
