import { foldText } from "./fold";
import type { TextSegment } from "./types";

/**
 * Splits a displayed text into pieces, marking the words that match a searched key: a word matches when its folded
 * form starts with a key, so `Телефон` is marked for `telefon`, and `Smartphones` for the stem `smartphon`.
 */
export function highlight(text: string, keys: string[]): TextSegment[] {
  const wanted = keys.filter((k) => k.length > 0);
  if (wanted.length === 0 || text.length === 0) return [{ text, match: false }];
  const segments: TextSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const last = segments.at(-1);
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  for (const piece of text.split(/([\p{L}\p{N}'ʻʼ`’‘]+)/u)) {
    if (!piece) continue;
    const folded = foldText(piece).replace(/ /g, "");
    push(piece, folded.length > 0 && wanted.some((key) => folded.startsWith(key)));
  }
  return segments;
}
