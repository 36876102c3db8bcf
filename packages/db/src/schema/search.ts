import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import type { LocalizedText } from "./common";
import { id, timestamps } from "./common";
import { users } from "./users";

/** Popularity tiers of the Postgres engine's documents (searchDocuments.tier), most viewed first. */
export const SEARCH_TIERS = [0, 1, 2, 3] as const;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const searchIndexStatus = pgEnum("search_index_status", ["building", "active", "retired", "failed"]);

/**
 * One row per build of the search index. Exactly one version is `active` per engine (a partial unique index); a
 * full reindex writes a `building` version beside it and swaps in one transaction. Incremental updates write to
 * every version that is active or building, so a swap loses nothing written during the build.
 */
export const searchIndexVersions = pgTable(
  "search_index_versions",
  {
    version: integer().primaryKey().generatedAlwaysAsIdentity(),
    engine: text().$type<"postgres" | "meilisearch">().notNull(),
    status: searchIndexStatus().notNull(),
    documentCount: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp({ withTimezone: true }),
    retiredAt: timestamp({ withTimezone: true }),
    error: text(),
    /**
     * Postgres engine: the lowest popularity of each popularity tier but the last (most viewed first), fixed when the
     * version is built, so a document written later lands in the tier its popularity says (see searchDocuments.tier).
     */
    tierFloors: bigint({ mode: "number" }).array(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("search_index_versions_one_active")
      .on(t.engine)
      .where(sql`${t.status} = 'active'`),
  ],
);

/**
 * The Postgres engine's index: one document per published product per index version. The table is partitioned by
 * version (migration 0008), so a query reads one partition and retiring a version drops a partition instead of
 * deleting a million rows.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    indexVersion: integer().notNull(),
    productId: uuid().notNull(),
    vendorId: uuid().notNull(),
    categoryId: uuid().notNull(),
    /** The product's category and its ancestors: the category filter includes descendants. */
    categoryIds: uuid().array().notNull(),
    brand: text(),
    minPriceAmount: bigint({ mode: "number" }).notNull(),
    maxPriceAmount: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    inStock: boolean().notNull(),
    rating: real(),
    ratingCount: integer().notNull().default(0),
    popularity: bigint({ mode: "number" }).notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    /** `key=value` for every attribute and option value, as product_listings keeps them. */
    attributeValues: text().array().notNull(),
    /** Weighted: title A, brand and category B, attributes C, description D (see search_document_tsv). */
    tsv: tsvector().notNull(),
    /**
     * Popularity tier, 0 the most viewed: each tier has its own text index, and a search reads the tiers in order
     * until its window of matches is full, so a common word costs the matches of the first tier or two, not all of
     * its postings. A document's tier follows from its popularity and the version's tier floors.
     */
    tier: smallint().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.indexVersion, t.productId] }),
    ...SEARCH_TIERS.map((tier) =>
      index(`search_documents_tsv_t${tier}_idx`)
        .using("gin", t.tsv)
        .where(sql.raw(`tier = ${tier}`)),
    ),
    index("search_documents_category_ids_idx").using("gin", t.categoryIds),
    index("search_documents_attribute_values_idx").using("gin", t.attributeValues),
    index("search_documents_popular_idx").on(t.indexVersion, t.popularity.desc(), t.productId),
    index("search_documents_price_idx").on(t.indexVersion, t.minPriceAmount, t.productId),
    index("search_documents_newest_idx").on(t.indexVersion, t.publishedAt.desc(), t.productId),
    index("search_documents_brand_idx").on(t.indexVersion, t.brand),
    index("search_documents_vendor_idx").on(t.indexVersion, t.vendorId),
  ],
);

/**
 * Every folded word the index holds in titles, brands, categories and attributes, with how many documents use it.
 * Typo correction looks a query word up here (trigram index) instead of scanning documents; rebuilt by a full
 * reindex, and incremental updates add new words.
 */
export const searchLexicon = pgTable(
  "search_lexicon",
  {
    word: text().primaryKey(),
    documentCount: integer().notNull(),
    ...timestamps,
  },
  (t) => [
    // GiST, not GIN: it orders by trigram distance (KNN), so the nearest words come without a similarity threshold.
    index("search_lexicon_word_trgm_idx").using("gist", t.word.op("gist_trgm_ops")),
    index("search_lexicon_word_prefix_idx").using("btree", t.word.op("text_pattern_ops")),
  ],
);

/**
 * The Postgres engine's completion index: for every prefix (2 letters or more) of every lexicon word, the most
 * viewed products of that index version having a word with that prefix in their title, brand, category or
 * attributes, most viewed first. A one-word suggestion is then one primary-key lookup instead of a prefix scan of
 * the text index, which at a million products costs hundreds of milliseconds for a short prefix. Built with the
 * version, kept current by the same index jobs that write its documents.
 */
export const searchCompletions = pgTable(
  "search_completions",
  {
    indexVersion: integer().notNull(),
    prefix: text().notNull(),
    productIds: uuid().array().notNull(),
    /**
     * The last listed product's popularity when the list was written. A full list was exact then, so every product
     * left out ranks below (this, the last id): an update that keeps its last entry at or above it stays exact.
     */
    cutoffPopularity: bigint({ mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.indexVersion, t.prefix] })],
);

/** Words that mean the same (`muzlatgich` = `холодильник` = `fridge`), managed in the console. */
export const searchSynonyms = pgTable("search_synonyms", {
  id: id(),
  /** As typed in the console. */
  terms: text().array().notNull(),
  /** Folded single-word or phrase keys, in the order of `terms`. */
  foldedTerms: text().array().notNull(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});

export const searchSuggestionKind = pgEnum("search_suggestion_kind", ["category", "brand", "query"]);

/** Categories, brands and popular queries offered while typing; rebuilt by the worker. */
export const searchSuggestions = pgTable(
  "search_suggestions",
  {
    kind: searchSuggestionKind().notNull(),
    /** Folded text matched against what is typed. */
    key: text().notNull(),
    label: jsonb().$type<LocalizedText>().notNull(),
    /** Category slug, brand name or the query text. */
    target: text().notNull(),
    weight: bigint({ mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key] }),
    index("search_suggestions_key_trgm_idx").using("gin", t.key.op("gin_trgm_ops")),
    index("search_suggestions_key_prefix_idx").using("btree", t.key.op("text_pattern_ops")),
  ],
);

/** Every search, written in batches: the console's reports read it. */
export const searchQueries = pgTable(
  "search_queries",
  {
    id: id(),
    text: text().notNull(),
    foldedText: text().notNull(),
    correctedText: text(),
    filters: jsonb().$type<Record<string, unknown>>().notNull(),
    sort: text().notNull(),
    page: integer().notNull(),
    resultCount: integer().notNull(),
    latencyMs: integer().notNull(),
    locale: char({ length: 2 }).notNull(),
    userId: uuid(),
    ...timestamps,
  },
  (t) => [index().on(t.createdAt), index().on(t.foldedText, t.createdAt)],
);

/** A result opened from a search, with its position (1-based) in the results. */
export const searchClicks = pgTable(
  "search_clicks",
  {
    id: id(),
    queryId: uuid().notNull(),
    productId: uuid().notNull(),
    position: smallint().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.queryId), index().on(t.createdAt)],
);

/** What a signed-in shopper searched for, newest first in the search box. */
export const searchHistory = pgTable(
  "search_history",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    foldedText: text().notNull(),
    text: text().notNull(),
    searchCount: integer().notNull().default(1),
    searchedAt: timestamp({ withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.foldedText] }), index().on(t.userId, t.searchedAt.desc())],
);

/** Products changed while a rebuild copied the catalog; written into the new version before it is swapped in. */
export const searchIndexBacklog = pgTable(
  "search_index_backlog",
  {
    indexVersion: integer().notNull(),
    productId: uuid().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.indexVersion, t.productId] })],
);
