import { sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";

import { foldText } from "../fold";
import { preparedRows } from "../../core/prepared";
import type { QueryWord } from "../query-words";
import { allowedTypos } from "../query-words";

/** One query word with everything it may match. */
export interface AnalyzedWord {
  word: string;
  /** In the lexicon (the last word: some indexed word starts with it). */
  known: boolean;
  /** The nearest indexed word when this one is unknown. */
  correction: string | null;
  /** Stems of the word (English, and Russian for Cyrillic words), as the index stems titles. */
  stems: string[];
  /** A word close to this known but rare one that many more documents use ("did you mean"). */
  likelier: string | null;
}

interface AnalysisRow {
  ord: number;
  known: boolean;
  correction: string | null;
  en_stems: string[] | null;
  ru_stems: string[] | null;
  likelier: string | null;
}

/**
 * Looks every query word up in one round trip: is it indexed, and if not, the nearest indexed word. Candidates come
 * from the lexicon's trigram index ordered by distance (KNN, no similarity threshold), then the edit distance
 * decides, and among equals the word more documents use.
 */
export async function analyzeWords(db: DbExecutor, words: QueryWord[], options: { prefixLast: boolean }): Promise<AnalyzedWord[]> {
  if (words.length === 0) return [];
  const items = words.map((w, index) => ({
    ord: index,
    word: w.word,
    cyrillic: w.cyrillic,
    prefix: options.prefixLast && index === words.length - 1,
    typos: allowedTypos(w.word),
  }));
  // Lexicon words are a-z and 0-9 only, so "starts with" is the range [word, word || '{') under the pattern operators,
  // which the text_pattern_ops index answers (a LIKE with a computed pattern would scan the lexicon).
  const rows = await preparedRows<AnalysisRow>(
    db,
    sql`
    select w.ord, k.known,
           case when not k.known and w.typos > 0 then
             (select c.word from (select l.word, l.document_count from search_lexicon l
                                   order by l.word <-> w.word limit 40) c
               where levenshtein_less_equal(c.word, w.word, w.typos) <= w.typos
               order by levenshtein_less_equal(c.word, w.word, w.typos), c.document_count desc, c.word
               limit 1)
           end as correction,
           ts_lexize('english_stem', w.word) as en_stems,
           case when w.cyrillic is not null
                then ts_lexize('russian_stem', public.unaccent('public.unaccent'::regdictionary, w.cyrillic)) end as ru_stems,
           case when k.count is not null and w.typos > 0 then
             (select c.word from (select l.word, l.document_count from search_lexicon l
                                   order by l.word <-> w.word limit 20) c
               where c.word <> w.word and c.document_count >= 3 * greatest(1, k.count)
                 and levenshtein_less_equal(c.word, w.word, w.typos) <= w.typos
               order by c.document_count desc limit 1)
           end as likelier
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
           as w(ord int, word text, cyrillic text, prefix boolean, typos int)
     cross join lateral (select (select l.document_count from search_lexicon l where l.word = w.word) as count) e
     cross join lateral (
       select e.count as count,
              e.count is not null or (w.prefix and exists (
                select 1 from search_lexicon l where l.word ~>=~ w.word and l.word ~<~ (w.word || '{'))) as known
     ) k
     order by w.ord`,
  );
  return rows.map((row) => {
    const word = words[row.ord]!.word;
    const stems = new Set<string>();
    for (const stem of row.en_stems ?? []) if (stem && stem !== word) stems.add(stem);
    for (const stem of row.ru_stems ?? []) if (stem) stems.add(stem);
    return {
      word,
      known: row.known,
      correction: row.known ? null : row.correction,
      stems: [...stems],
      likelier: row.known ? row.likelier : null,
    };
  });
}

/** Lexemes go into a tsquery literal quoted: backslashes and quotes escaped, nothing else can break out. */
export function lexeme(value: string, prefix = false): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${prefix ? ":*" : ""}`;
}

/** Folded keys of stems for highlighting (Cyrillic stems fold to the key their words have). */
export function foldedStem(stem: string): string {
  return foldText(stem).replace(/ /g, "");
}
