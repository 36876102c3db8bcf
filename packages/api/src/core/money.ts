export type UiLocale = "uz" | "ru" | "en";

const CURRENCY_LABEL: Record<UiLocale, Record<string, string>> = {
  uz: { UZS: "soʻm" },
  ru: { UZS: "сум" },
  en: { UZS: "UZS" },
};
const MINOR_DIGITS: Record<string, number> = { UZS: 2, USD: 2 };
const DECIMAL_MARK: Record<UiLocale, string> = { uz: ",", ru: ",", en: "." };

/**
 * Prices as Uzbek shoppers read them: whole so'm grouped by (non-breaking) spaces and the
 * currency after the number — "12 999 000 soʻm", "12 999 000 сум". Tiyin appear only when
 * non-zero. Written by hand rather than with Intl because ICU builds differ in how they
 * spell UZS, and server and browser must print the same text.
 */
export function formatPrice(amountMinor: number, currency: string, locale: UiLocale): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  const factor = 10 ** digits;
  const negative = amountMinor < 0;
  const abs = Math.abs(Math.trunc(amountMinor));
  const whole = Math.floor(abs / factor);
  const fraction = abs % factor;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  const amount = fraction ? `${grouped}${DECIMAL_MARK[locale]}${String(fraction).padStart(digits, "0")}` : grouped;
  const label = CURRENCY_LABEL[locale][currency] ?? currency;
  return `${negative ? "−" : ""}${amount}\u00a0${label}`;
}
