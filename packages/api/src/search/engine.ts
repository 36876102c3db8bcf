import type { DbExecutor } from "@ultramarket/db";

import type { SearchSort } from "./schema";

/** Filters after the service resolved slugs to ids. */
export interface EngineFilters {
  /** Matches products in this category or below it. */
  categoryId?: string;
  brands?: string[];
  vendorIds?: string[];
  priceMin?: number;
  priceMax?: number;
  inStock?: boolean;
  ratingMin?: number;
  /** key → accepted values. */
  attributes?: Record<string, string[]>;
}

export interface EngineQuery {
  /** As typed (the engine folds it). */
  text: string;
  filters: EngineFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  facets: boolean;
  /** `all`: every word must match (the default); `any`: the relaxed fallback, any word. */
  match: "all" | "any";
}

export interface EngineFacets {
  categoryIds: { id: string; count: number }[];
  brands: { value: string; count: number }[];
  vendorIds: { id: string; count: number }[];
  price: { min: number; max: number } | null;
  inStock: number;
  ratings: { atLeast: number; count: number }[];
  /** `key=value` → count, for the attribute facets. */
  attributeValues: Record<string, number>;
}

export interface EngineResult {
  productIds: string[];
  total: number;
  totalIsEstimate: boolean;
  facets: EngineFacets | null;
  /** Folded words that matched (corrections and synonyms included), for highlighting. */
  matchedWords: string[];
  /** The words searched instead of unknown typed ones, when the engine corrected them. */
  correctedText: string | null;
  /** A likelier spelling of rare typed words, for "did you mean" (the service checks that it finds more). */
  alternativeText: string | null;
}

/** One product as both engines index it (built from the catalog in one query, see documents.ts). */
export interface SearchDocument {
  productId: string;
  vendorId: string;
  categoryId: string;
  categoryIds: string[];
  brand: string | null;
  minPriceAmount: number;
  maxPriceAmount: number;
  currency: string;
  inStock: boolean;
  rating: number | null;
  ratingCount: number;
  popularity: number;
  publishedAt: Date;
  attributeValues: string[];
  /** Folded (search key) texts by weight, and the original Russian/English texts for stemming. */
  text: { title: string; titleRu: string; titleEn: string; labels: string; labelsRu: string; attributes: string; description: string };
}

export interface EngineStats {
  activeVersion: number | null;
  building: { version: number; startedAt: Date } | null;
  documents: number;
  lexiconWords: number;
  /** The active version lacks a structure this engine now builds (made by an older release): rebuild it. */
  outdated: boolean;
}

/**
 * What the search domain needs from an engine. Both engines pass the contract suite in
 * engine.contract.ts. The engine owns its index; the catalog is read through `db`.
 */
export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  query(db: DbExecutor, query: EngineQuery): Promise<EngineResult>;
  /** Most popular products matching a prefix query, for suggestions. */
  suggestProducts(db: DbExecutor, text: string, limit: number): Promise<{ productIds: string[]; matchedWords: string[] }>;
  /** Writes the current catalog state of these products: published ones are (re)indexed, others removed. */
  sync(db: DbExecutor, productIds: string[]): Promise<void>;
  /** Builds a new index version from the whole catalog and swaps it in; the old one serves until then. */
  rebuild(db: DbExecutor, options?: { batchSize?: number }): Promise<{ version: number; documents: number }>;
  /** Synonym groups (folded terms) changed: engines that keep them in settings apply them. */
  applySynonyms(db: DbExecutor): Promise<void>;
  stats(db: DbExecutor): Promise<EngineStats>;
  /** For engines on their own server: whether it answers (readiness). The Postgres engine is the database. */
  healthy?(): Promise<boolean>;
  close?(): Promise<void>;
}
