import { CYRILLIC_TO_LATIN } from "@ultramarket/db";

/**
 * Folding text into search keys, so the same word typed in Uzbek Latin, Uzbek Cyrillic or
 * Russian meets itself: `телефон`, `Telefon` and `telefon` all fold to `telefon`, and
 * `Oʻzbekiston`, `O'zbekiston`, `O`zbekiston` and `Ўзбекистон` to `ozbekiston`.
 *
 * Cyrillic is written in Uzbek Latin (the market's script: х → x, ж → j, ў → o, қ → q,
 * ғ → g, ҳ → h); the Russian-style Latin spellings of the same letters are then made one
 * with it ("kh" → x, "zh" → j); the oʻ/gʻ apostrophes in all their keyboard forms
 * (' ʻ ʼ ` ’ ‘) are dropped, and accents removed. Documents and queries go through the same
 * function, so what matters is that both sides agree, not that the folded form is a correct
 * spelling. (Groundwork for issue 6's PostgreSQL engine.)
 */
/** The slug table, with the letters Uzbek Latin writes differently. */
const CYRILLIC: Record<string, string> = { ...CYRILLIC_TO_LATIN, ж: "j", х: "x", щ: "sh", ы: "i", є: "e", і: "i" };

const APOSTROPHES = /['ʻʼ`’‘]/g;

/** Lowercase Latin letters and digits, words separated by single spaces. */
export function foldText(text: string): string {
  const lower = text.toLowerCase().replace(/\0/g, "");
  let latin = "";
  for (const char of lower) latin += CYRILLIC[char] ?? char;
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(APOSTROPHES, "")
    .replace(/zh/g, "j")
    .replace(/kh/g, "x")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The folded words of a text, each once, in order of first appearance. */
export function foldWords(text: string, options: { minLength?: number; max?: number } = {}): string[] {
  const minLength = options.minLength ?? 1;
  const words = new Set<string>();
  for (const word of foldText(text).split(" ")) {
    if (word.length >= minLength && word.length <= 40) words.add(word);
    if (options.max && words.size >= options.max) break;
  }
  return [...words];
}
