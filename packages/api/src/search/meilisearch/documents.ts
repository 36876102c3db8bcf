import type { Settings } from "meilisearch";

import type { SearchDocument } from "../engine";
import { MAX_RESULT_WINDOW } from "../schema";

/** A product as the Meilisearch index holds it: the shared search document, flattened, with sortable numbers. */
export interface MeiliDocument extends Omit<SearchDocument, "publishedAt" | "text"> {
  /** The whole stars of the rating (0 without one): facet counts of "at least n stars" are sums over these. */
  ratingFloor: number;
  /** The rating for sorting, 0 without one, so unrated products sort last as in the Postgres engine. */
  ratingRank: number;
  /** Milliseconds since the epoch: Meilisearch sorts numbers, not dates. */
  publishedAt: number;
  /** Folded (search key) texts, see fold.ts; queries are folded the same way. */
  title: string;
  labels: string;
  attributes: string;
  description: string;
  /** The Russian and English titles and Russian category names as written. */
  titleRu: string;
  titleEn: string;
  labelsRu: string;
}

export function toMeiliDocument(document: SearchDocument): MeiliDocument {
  const { publishedAt, text, ...fields } = document;
  return {
    ...fields,
    ratingFloor: fields.rating === null ? 0 : Math.floor(fields.rating),
    ratingRank: fields.rating ?? 0,
    publishedAt: publishedAt.getTime(),
    ...text,
  };
}

export const PRIMARY_KEY = "productId";

/** Facet values returned per facet; sorted by count, so the top values come back (the service shows 30). */
const MAX_VALUES_PER_FACET = 500;

/**
 * Synonym groups (folded terms, a term may be several words) as Meilisearch synonyms: every term maps to all the
 * others of every group it is in (Meilisearch synonyms are one-way, so each direction is listed).
 */
export function synonymsSetting(groups: string[][]): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => term.trim()).filter(Boolean))];
    for (const term of terms) {
      const others = synonyms.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      synonyms.set(term, others);
    }
  }
  return Object.fromEntries([...synonyms].filter(([, others]) => others.size > 0).map(([term, others]) => [term, [...others]]));
}

/**
 * Every setting of a products index, applied from code when an index version is created (a settings change is a
 * reindex, so no index drifts from this). Ranking: `sort` comes first, so price, newest and rating orders are strict
 * orders over the matches as in the Postgres engine (without a sort parameter the rule does nothing); then the
 * default text rules (`attribute` is the alias every 1.x server accepts; newer servers split it in two); then
 * popularity, the tiebreaker among equally good text matches and the order of an empty query.
 */
export function indexSettings(synonyms: Record<string, string[]>): Settings {
  return {
    // Ordered by weight: what the product is called, then brand and category names, then attributes, then text.
    searchableAttributes: ["title", "titleRu", "titleEn", "labels", "labelsRu", "attributes", "description"],
    filterableAttributes: [
      "categoryIds",
      "categoryId",
      "brand",
      "vendorId",
      "minPriceAmount",
      "inStock",
      "rating",
      "ratingFloor",
      "attributeValues",
    ],
    sortableAttributes: ["minPriceAmount", "publishedAt", "ratingRank", "ratingCount", "popularity", "productId"],
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "popularity:desc"],
    synonyms,
    // As allowedTypos in query-words.ts: none under 4 letters, one from 4, two from 7; numbers (sizes, models) exact.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 7 }, disableOnNumbers: true },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: MAX_RESULT_WINDOW },
  };
}
