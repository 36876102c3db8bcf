import { foldText } from "./fold";

/** Words past this are ignored: a query is a few words, and each costs a lexicon lookup. */
export const MAX_QUERY_WORDS = 8;

export interface QueryWord {
  /** The folded search key. */
  word: string;
  /** The word as typed when it was Cyrillic (Russian stemming needs the original). */
  cyrillic: string | null;
}

const TOKEN = /[\p{L}\p{N}'ʻʼ`’‘]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The typed text as search words: folded, each once, at most MAX_QUERY_WORDS, longest 40 characters. */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of text.replace(/\0/g, "").match(TOKEN) ?? []) {
    const folded = foldText(token).split(" ").filter(Boolean);
    for (const word of folded) {
      if (word.length > 40 || seen.has(word)) continue;
      seen.add(word);
      words.push({ word, cyrillic: folded.length === 1 && CYRILLIC.test(token) ? token.toLowerCase() : null });
      if (words.length >= MAX_QUERY_WORDS) return words;
    }
  }
  return words;
}

/** Edits a word may be away from what was meant: none for short words, where every correction is a guess. */
export function allowedTypos(word: string): number {
  if (/^\d+$/.test(word) || word.length < 4) return 0;
  return word.length < 7 ? 1 : 2;
}
