/** Russian and Uzbek Cyrillic in Latin letters (Russian-style digraphs: ж → zh, х → kh). */
export const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ў: "o",
  қ: "q",
  ғ: "g",
  ҳ: "h",
};

/**
 * A URL slug from any of our languages: Cyrillic (Russian and Uzbek) is transliterated,
 * Uzbek Latin's oʻ/gʻ apostrophes dropped, everything else reduced to a-z, 0-9 and hyphens.
 */
export function slugify(text: string, maxLength = 80): string {
  const latin = Array.from(text.toLowerCase(), (c) => CYRILLIC_TO_LATIN[c] ?? c).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ʻʼ'`’‘]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}
