import { performance } from "node:perf_hooks";
import { and, inArray, isNull, like, or, sql } from "drizzle-orm";

import type { AttributeDefinition, Locale, LocalizedText } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { NotFound, ValidationFailed } from "../core/errors";
import { prefixPattern } from "../core/like";
import { preparedRows } from "../core/prepared";
import { DEFAULT_LOCALE, localize } from "../core/locale";
import { categorySlugIs, slugIn } from "../catalog/service";
import { searchCards } from "./cards";
import { cachedSearch } from "./cache";
import type { EngineFacets, EngineFilters, EngineQuery, EngineResult } from "./engine";
import { foldText } from "./fold";
import { highlight } from "./highlight";
import { recentSearches, rememberSearch, trimHistory } from "./history";
import type { SearchQueryInput, SearchSuggestInput } from "./schema";
import { MAX_RESULT_WINDOW } from "./schema";
import type { SearchFacets, SearchItem, SearchResult, Suggestion, SuggestResult } from "./types";

const { categories, vendors } = schema;

type SearchCtx = Pick<Context, "db" | "kv" | "config" | "log" | "search" | "searchLog" | "session" | "clock">;

/** Offsets travel as an opaque cursor, so the results page can move to keyset paging without changing URLs. */
const encodeCursor = (offset: number) => `o${offset.toString(36)}`;
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^o([0-9a-z]{1,4})$/.exec(cursor);
  const offset = match ? parseInt(match[1]!, 36) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_RESULT_WINDOW)
    throw new ValidationFailed("This page of results no longer exists", { cursor: ["Start the search again"] });
  return offset;
}

interface ResolvedFilters {
  engine: EngineFilters;
  category: { id: string; path: string } | null;
}

async function resolveFilters(ctx: SearchCtx, input: SearchQueryInput): Promise<ResolvedFilters> {
  const f = input.filters ?? {};
  const engine: EngineFilters = {
    brands: f.brands,
    priceMin: f.priceMin,
    priceMax: f.priceMax,
    inStock: f.inStock,
    ratingMin: f.ratingMin,
    attributes: f.attributes,
  };
  let category: ResolvedFilters["category"] = null;
  if (f.category) {
    const [row] = await ctx.db
      .select({ id: categories.id, path: categories.path })
      .from(categories)
      .where(and(categorySlugIs(f.category), isNull(categories.archivedAt)))
      .limit(1);
    if (!row) throw new NotFound("Category not found", { "filters.category": ["No such category"] });
    engine.categoryId = row.id;
    category = row;
  }
  if (f.vendors?.length) {
    const rows = await ctx.db.select({ id: vendors.id }).from(vendors).where(inArray(vendors.slug, f.vendors));
    if (rows.length !== new Set(f.vendors).size) throw new NotFound("Vendor not found", { "filters.vendors": ["No such vendor"] });
    engine.vendorIds = rows.map((r) => r.id);
  }
  return { engine, category };
}

/**
 * search.query: the engine's matches, hydrated into product cards with highlighted titles and facets named in the
 * shopper's language. When the words as typed find nothing, any word may match (relaxed), and then the most popular
 * products of the category stand in. Logged for the console's reports; remembered for signed-in shoppers.
 */
export async function searchProducts(ctx: SearchCtx, input: SearchQueryInput): Promise<SearchResult> {
  const started = performance.now();
  const locale = input.locale ?? DEFAULT_LOCALE;
  const offset = decodeCursor(input.cursor);
  const text = input.text.replace(/\0/g, "").trim();
  const result = await cachedSearch(ctx, "query", { ...input, text, direction: undefined, locale }, async () => {
    const filters = await resolveFilters(ctx, input);
    return runSearch(ctx, { ...input, text }, filters, offset, locale);
  });
  const latencyMs = Math.round(performance.now() - started);
  const userId = ctx.session?.kind === "user" ? ctx.session.userId : null;
  const foldedText = foldText(text).slice(0, 200);
  const queryId = ctx.searchLog.query({
    text: text.slice(0, 200),
    foldedText,
    correctedText: result.correctedText,
    filters: input.filters ?? {},
    sort: input.sort,
    page: Math.floor(offset / input.limit) + 1,
    // What the words found: popular products shown instead count as nothing found (the zero-result report).
    resultCount: result.fallback === "popular" ? 0 : result.total,
    latencyMs,
    locale,
    userId,
  });
  if (userId && text && offset === 0) {
    await rememberSearch(ctx, userId, text, foldedText);
    await trimHistory(ctx, userId);
  }
  return { ...result, queryId };
}

async function runSearch(
  ctx: SearchCtx,
  input: SearchQueryInput,
  filters: ResolvedFilters,
  offset: number,
  locale: Locale,
): Promise<Omit<SearchResult, "queryId">> {
  const base: EngineQuery = {
    text: input.text,
    filters: filters.engine,
    sort: input.sort,
    offset,
    limit: input.limit,
    facets: input.facets,
    match: "all",
  };
  let found = await ctx.search.query(ctx.db, base);
  let fallback: SearchResult["fallback"] = null;
  // On every page, not only the first: page 2 of fallback results falls back the same way.
  if (found.total === 0 && input.text) {
    const relaxed = await ctx.search.query(ctx.db, { ...base, match: "any" });
    if (relaxed.total > 0) {
      found = relaxed;
      fallback = "relaxed";
    } else {
      // Nothing at all: the category's (or the shop's) most popular products, so the page is never a dead end.
      found = { ...(await ctx.search.query(ctx.db, { ...base, text: "", sort: "relevance", facets: false })), facets: null };
      fallback = "popular";
    }
  }
  let didYouMean: string | null = null;
  if (found.alternativeText && fallback === null) {
    const other = await ctx.search.query(ctx.db, { ...base, text: found.alternativeText, offset: 0, limit: 1, facets: false });
    if (other.total > found.total) didYouMean = other.correctedText ?? found.alternativeText;
  }
  const [items, facets] = await Promise.all([
    hydrate(ctx, found, fallback === "popular" ? [] : found.matchedWords, locale),
    found.facets ? nameFacets(ctx, found.facets, filters.category, locale) : null,
  ]);
  const nextOffset = offset + input.limit;
  return {
    items,
    facets,
    total: found.total,
    totalIsEstimate: found.totalIsEstimate,
    nextCursor: items.length === input.limit && nextOffset < Math.min(found.total, MAX_RESULT_WINDOW) ? encodeCursor(nextOffset) : null,
    correctedText: fallback === "popular" ? null : found.correctedText,
    didYouMean,
    fallback,
  };
}

async function hydrate(ctx: SearchCtx, found: EngineResult, matchedWords: string[], locale: Locale): Promise<SearchItem[]> {
  const cards = await searchCards(ctx, found.productIds, locale);
  return cards.map(({ card, rating, ratingCount, maxPriceAmount }) => ({
    ...card,
    titleSegments: highlight(card.title, matchedWords),
    rating,
    ratingCount,
    maxPriceAmount: maxPriceAmount || card.priceAmount,
  }));
}

async function nameFacets(
  ctx: SearchCtx,
  facets: EngineFacets,
  category: ResolvedFilters["category"],
  locale: Locale,
): Promise<SearchFacets> {
  const categoryIds = facets.categoryIds.slice(0, 30).map((c) => c.id);
  const vendorIds = facets.vendorIds.slice(0, 30).map((v) => v.id);
  const [categoryRows, vendorRows, definitionRows] = await Promise.all([
    categoryIds.length
      ? ctx.db
          .select({ id: categories.id, slug: categories.slug, slugs: categories.slugs, name: categories.name })
          .from(categories)
          .where(inArray(categories.id, categoryIds))
      : [],
    vendorIds.length
      ? ctx.db.select({ id: vendors.id, slug: vendors.slug, name: vendors.name }).from(vendors).where(inArray(vendors.id, vendorIds))
      : [],
    category
      ? ctx.db
          .select({ attributes: categories.attributes })
          .from(categories)
          .where(or(inArray(categories.id, category.path.split("/").filter(Boolean)), like(categories.path, `${category.path}%`)))
      : [],
  ]);
  const categoryBy = new Map(categoryRows.map((c) => [c.id, c]));
  const vendorBy = new Map(vendorRows.map((v) => [v.id, v]));
  const definitions = new Map<string, AttributeDefinition>();
  for (const row of definitionRows)
    for (const definition of row.attributes)
      if (definition.type === "enum" && !definitions.has(definition.key)) definitions.set(definition.key, definition);
  const attributes: SearchFacets["attributes"] = [];
  for (const definition of definitions.values()) {
    const values = (definition.options ?? [])
      .map((o) => ({
        value: o.value,
        name: localize(o.name, locale) || o.value,
        count: facets.attributeValues[`${definition.key}=${o.value}`] ?? 0,
      }))
      .filter((v) => v.count > 0);
    if (values.length) attributes.push({ key: definition.key, name: localize(definition.name, locale) || definition.key, values });
  }
  return {
    categories: facets.categoryIds.flatMap((c) => {
      const row = categoryBy.get(c.id);
      return row ? [{ slug: slugIn(row, locale), name: localize(row.name, locale), count: c.count }] : [];
    }),
    brands: facets.brands.slice(0, 30),
    vendors: facets.vendorIds.flatMap((v) => {
      const row = vendorBy.get(v.id);
      return row ? [{ slug: row.slug, name: row.name, count: v.count }] : [];
    }),
    price: facets.price,
    inStock: facets.inStock,
    ratings: facets.ratings,
    attributes,
  };
}

/**
 * search.suggest: while typing, popular queries, the shopper's own earlier searches, categories, brands and the most
 * popular matching products, each highlighted where it matches. With nothing typed: history and popular queries.
 */
export async function suggest(ctx: SearchCtx, input: SearchSuggestInput): Promise<SuggestResult> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const folded = foldText(input.text.replace(/\0/g, ""));
  const words = folded.split(" ").filter(Boolean);
  const userId = ctx.session?.kind === "user" ? ctx.session.userId : null;
  const history: Suggestion[] = userId
    ? (await recentSearches({ ...ctx, session: { kind: "user", userId } }, { limit: 3, prefix: folded || undefined })).items.map((h) => ({
        kind: "history",
        label: h.text,
        segments: highlight(h.text, words),
        target: h.text,
      }))
    : [];
  const shared = await cachedSearch(ctx, "suggest", { folded, locale, limit: input.limit }, () =>
    sharedSuggestions(ctx, folded, words, locale, input.limit),
  );
  const seen = new Set(history.map((h) => foldText(h.label)));
  return { items: [...history, ...shared.filter((s) => s.kind !== "query" || !seen.has(foldText(s.label)))] };
}

async function sharedSuggestions(ctx: SearchCtx, folded: string, words: string[], locale: Locale, limit: number): Promise<Suggestion[]> {
  const last = words.at(-1) ?? "";
  // Prepared (one plan per connection): this runs on every key press.
  const suggestionRows = preparedRows<{ kind: "query" | "category" | "brand"; label: LocalizedText; target: string }>(
    ctx.db,
    folded
      ? sql`select kind, label, target from search_suggestions where key like ${prefixPattern(folded)} or key like ${`% ${prefixPattern(folded)}`}
             order by weight desc, key limit ${limit * 3}`
      : sql`select kind, label, target from search_suggestions where kind = 'query' order by weight desc, key limit ${limit * 3}`,
  );
  const [rows, productHits] = await Promise.all([
    suggestionRows,
    folded && last.length >= 2 ? ctx.search.suggestProducts(ctx.db, folded, Math.min(limit, 5)) : { productIds: [], matchedWords: [] },
  ]);
  const perKind = { query: 0, category: 0, brand: 0 };
  const items: Suggestion[] = [];
  for (const row of rows) {
    if (perKind[row.kind] >= Math.ceil(limit / 2)) continue;
    perKind[row.kind] += 1;
    const label = row.kind === "brand" || row.kind === "query" ? row.target : localize(row.label, locale);
    items.push({ kind: row.kind, label, segments: highlight(label, words), target: row.kind === "category" ? row.target : row.target });
  }
  for (const { card } of await searchCards(ctx, productHits.productIds, locale))
    items.push({
      kind: "product",
      label: card.title,
      segments: highlight(card.title, productHits.matchedWords),
      target: card.slug,
      image: card.image,
      priceAmount: card.priceAmount,
      currency: card.currency,
    });
  return items;
}
