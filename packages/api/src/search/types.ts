import type { ProductCard } from "../catalog/service";

/** A piece of displayed text; `match` pieces are what the query matched (rendered as <mark>). */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchItem extends ProductCard {
  titleSegments: TextSegment[];
  rating: number | null;
  ratingCount: number;
  maxPriceAmount: number;
}

export interface SearchFacets {
  /** Categories of the matches (their own category), most matches first. */
  categories: { slug: string; name: string; count: number }[];
  brands: { value: string; count: number }[];
  vendors: { slug: string; name: string; count: number }[];
  price: { min: number; max: number } | null;
  inStock: number;
  /** How many matches have at least this rating. */
  ratings: { atLeast: number; count: number }[];
  /** Enum attributes of the filtered category (only when a category filter is set). */
  attributes: { key: string; name: string; values: { value: string; name: string; count: number }[] }[];
}

export interface SearchResult {
  /** Pass to search.logClick when a result is opened. */
  queryId: string;
  items: SearchItem[];
  facets: SearchFacets | null;
  /** Exact up to the result window; `totalIsEstimate` beyond it. */
  total: number;
  totalIsEstimate: boolean;
  nextCursor: string | null;
  /** Set when the results are for a corrected query (the typed words matched nothing). */
  correctedText: string | null;
  /** "Did you mean": a correction that finds more than what was typed. */
  didYouMean: string | null;
  /** How the results were found when the query as typed found nothing. */
  fallback: "relaxed" | "popular" | null;
}

export interface Suggestion {
  kind: "query" | "history" | "category" | "brand" | "product";
  label: string;
  segments: TextSegment[];
  /** The query to run (query, history, brand), or the slug to open (category, product). */
  target: string;
  image?: { url: string; width: number; height: number; alt: string } | null;
  priceAmount?: number;
  currency?: string;
}

export interface SuggestResult {
  items: Suggestion[];
}

export interface IndexStats {
  engine: "postgres" | "meilisearch";
  activeVersion: number | null;
  building: { version: number; startedAt: Date } | null;
  documents: number;
  publishedProducts: number;
  lexiconWords: number;
  synonymGroups: number;
  lastIndexedAt: Date | null;
  versions: { version: number; status: string; documentCount: number; startedAt: Date; activatedAt: Date | null }[];
}
