export const LOCALES = ["uz", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "uz";
export const LOCALE_NAMES: Record<Locale, string> = { uz: "Oʻzbekcha", ru: "Русский", en: "English" };
export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
