import type { FacetDistribution, FacetStats, Hit, SearchParams } from "meilisearch";

import type { EngineFacets, EngineQuery } from "../engine";
import { MAX_RESULT_WINDOW } from "../schema";
import type { MeiliDocument } from "./documents";

/** What a search retrieves of each hit: the id, and the folded title for the words that matched in it. */
export type RetrievedFields = Pick<MeiliDocument, "productId" | "title">;
export type MeiliHit = Hit<RetrievedFields>;
export const RETRIEVED_ATTRIBUTES = ["productId", "title"];

/** The parts of a search response the engine reads (single and multi-search responses both have them). */
export interface SearchOutcome {
  hits: MeiliHit[];
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: FacetDistribution;
  facetStats?: FacetStats;
}

/** Offset and limit inside the result window (Meilisearch's maxTotalHits is the same window). */
export function searchWindow(offset: number, limit: number): { offset: number; limit: number } {
  const start = Math.min(Math.max(0, Math.trunc(offset)), MAX_RESULT_WINDOW);
  return { offset: start, limit: Math.max(0, Math.min(Math.trunc(limit), MAX_RESULT_WINDOW - start)) };
}

/**
 * Page-based parameters whenever the offset falls on a page boundary (always, for the results page's cursors): they
 * make Meilisearch count the matches exhaustively (`totalHits`), where offset/limit only estimate them. Other offsets
 * fall back to offset/limit and an estimated total.
 */
export function paginationParams(offset: number, limit: number): Pick<SearchParams, "offset" | "limit" | "page" | "hitsPerPage"> {
  if (limit === 0) return { page: 1, hitsPerPage: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit };
  return { offset, limit };
}

/** Most viewed first: relevance without words typed, and product suggestions. */
export const POPULAR_FIRST = ["popularity:desc", "productId:asc"];

/**
 * The sort parameter for an order; relevance has none when words were typed (the ranking rules decide, popularity
 * last) and sorts by popularity when nothing was. The product id breaks ties, so pages never overlap.
 */
export function sortParams(sort: EngineQuery["sort"], hasText: boolean): string[] | undefined {
  switch (sort) {
    case "price_asc":
      return ["minPriceAmount:asc", "productId:asc"];
    case "price_desc":
      return ["minPriceAmount:desc", "productId:asc"];
    case "newest":
      return ["publishedAt:desc", "productId:asc"];
    case "rating":
      return ["ratingRank:desc", "ratingCount:desc", "productId:asc"];
    default:
      return hasText ? undefined : POPULAR_FIRST;
  }
}

/** Facets requested from Meilisearch; attribute values only under a category (the only place they are shown). */
export function facetNames(withAttributes: boolean): string[] {
  const names = ["categoryId", "brand", "vendorId", "inStock", "ratingFloor", "minPriceAmount"];
  return withAttributes ? [...names, "attributeValues"] : names;
}

/** The match count of a response, and whether it is exact: estimates, and anything at the window's edge, are not. */
export function totalOf(response: SearchOutcome): { total: number; totalIsEstimate: boolean } {
  if (typeof response.totalHits === "number")
    return { total: response.totalHits, totalIsEstimate: response.totalHits >= MAX_RESULT_WINDOW };
  return { total: response.estimatedTotalHits ?? 0, totalIsEstimate: true };
}

const RATING_THRESHOLDS = [4, 3, 2, 1];

/** Facet counts in the engine's shape, from the response of the facet search (whose total is the facet base). */
export function facetsFrom(response: SearchOutcome, withAttributes: boolean): EngineFacets {
  const distribution = response.facetDistribution ?? {};
  const values = (facet: string) => Object.entries(distribution[facet] ?? {});
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  const baseCount = totalOf(response).total;
  const floors = values("ratingFloor").map(([floor, count]) => ({ floor: Number(floor), count }));
  const price = response.facetStats?.minPriceAmount;
  return {
    categoryIds: values("categoryId")
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => byCount(a, b) || a.id.localeCompare(b.id)),
    brands: values("brand")
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => byCount(a, b) || a.value.localeCompare(b.value)),
    vendorIds: values("vendorId")
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => byCount(a, b) || a.id.localeCompare(b.id)),
    price: price && baseCount > 0 ? { min: price.min, max: price.max } : null,
    inStock: distribution.inStock?.["true"] ?? 0,
    ratings:
      baseCount > 0
        ? RATING_THRESHOLDS.map((atLeast) => ({
            atLeast,
            count: floors.filter((f) => f.floor >= atLeast).reduce((sum, f) => sum + f.count, 0),
          }))
        : [],
    attributeValues: withAttributes ? Object.fromEntries(values("attributeValues")) : {},
  };
}

/**
 * Folded words to highlight: the query's words, and the words of the folded titles Meilisearch matched them to (a
 * typo's correction, a prefix's completion, a synonym), read from `_matchesPosition` (byte offsets; folded titles are
 * ASCII, so bytes are characters).
 */
export function matchedWords(queryWords: string[], hits: MeiliHit[]): string[] {
  const words = new Set(queryWords);
  for (const hit of hits) {
    const title = hit.title;
    if (typeof title !== "string") continue;
    for (const match of hit._matchesPosition?.title ?? [])
      for (const word of title.slice(match.start, match.start + match.length).split(" ")) if (word) words.add(word);
  }
  return [...words];
}
