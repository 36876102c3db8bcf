import { sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";

import { lexeme } from "./analyze";
import { preparedRows } from "../../core/prepared";

/** Every synonym group as folded terms (a term may be several words). A small table, read per query. */
export async function loadSynonyms(db: DbExecutor): Promise<string[][]> {
  const rows = await preparedRows<{ folded_terms: string[] }>(db, sql`select folded_terms from search_synonyms`);
  return rows.map((r) => r.folded_terms);
}

/** What a query word may also match: the other terms of each group it belongs to (phrases as `a <-> b`). */
export function synonymAlternatives(word: string, groups: string[][]): { tsquery: string; words: string[] }[] {
  const found: { tsquery: string; words: string[] }[] = [];
  for (const group of groups) {
    if (!group.includes(word)) continue;
    for (const term of group) {
      if (term === word) continue;
      const words = term.split(" ").filter(Boolean);
      if (words.length === 0) continue;
      found.push({ tsquery: words.length === 1 ? lexeme(words[0]!) : `(${words.map((w) => lexeme(w)).join(" <-> ")})`, words });
    }
  }
  return found;
}
