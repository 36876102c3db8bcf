import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";

import type { Database, DbExecutor } from "@ultramarket/db";

import { documentRowsSql } from "../documents";
import type { EngineFacets, EngineQuery, EngineResult, EngineStats, SearchEngine } from "../engine";
import { queryWords } from "../query-words";
import { MAX_RESULT_WINDOW } from "../schema";
import type { AnalyzedWord } from "./analyze";
import {
  activate,
  ActiveVersion,
  addToBacklog,
  liveVersions,
  lockForSwap,
  lockForWrite,
  markFailed,
  registerBuild,
  takeBacklog,
} from "../index-versions";
import { preparedRows } from "../../core/prepared";
import { analyzeWords, foldedStem, lexeme } from "./analyze";
import { buildCompletions, completionsFor, deleteCompletions, updateCompletions, wordsOfDocuments } from "./completions";
import { loadSynonyms, synonymAlternatives } from "./synonyms";
import { acrossTiers, computeOrderBands, computeTierFloors, loadTierFloors, saveTierFloors, storedOrder, tierOf } from "./tiers";

/**
 * A search reads at most this many matches (plus one, to know there are more): the page, its sort, the total and the
 * facets all come from them. The rebuild writes documents by popularity tier and band (see storedOrder), and matches
 * are read in that order, so for a broad query these are its most popular matches (to within a band of like
 * popularity) — re-ranked by text relevance, or sorted by price, date or rating within them — and totals and facets
 * beyond the window are flagged as estimates. A narrow query (the usual case) is answered exactly. This bounds the
 * cost of "telefon" over a million products to a few thousand index entries and a thousand rows.
 */
const WINDOW = MAX_RESULT_WINDOW;
/** Tiers whose matches are filtered row by row rather than through the filters' own indexes (see candidates). */
const ROW_FILTERED_TIERS = 2;
/**
 * Most viewed documents a several-word suggestion walks through looking for matches before it asks the text index:
 * words typed together usually match densely (a brand and a product type), so the walk ends after a few dozen rows;
 * words that rarely meet have few matches, which the text index then finds cheaply.
 */
const SUGGEST_WALK = 2000;

const partition = (version: number) => sql.raw(`search_documents_v${Math.trunc(version)}`);

/** Columns the documents query yields, turned into a row of a partition. */
const INSERT_COLUMNS = sql.raw(`(index_version, product_id, vendor_id, category_id, category_ids, brand, min_price_amount,
  max_price_amount, currency, in_stock, rating, rating_count, popularity, published_at, attribute_values, tsv, tier)`);
const insertSelect = (version: number, floors: number[]) => sql`
  select ${version}::int, d."productId", d."vendorId", d."categoryId", d."categoryIds", d.brand, d."minPriceAmount",
         d."maxPriceAmount", d.currency, d."inStock", d.rating, d."ratingCount", d.popularity, d."publishedAt",
         d."attributeValues",
         search_document_tsv(d."titleFolded", d."titleRu", d."titleEn", d."labelsFolded", d."labelsRu",
                             d."attributesFolded", d."descriptionFolded"),
         ${tierOf(sql`d.popularity`, floors)}`;
const UPSERT_SET = sql.raw(`on conflict (index_version, product_id) do update set
  vendor_id = excluded.vendor_id, category_id = excluded.category_id, category_ids = excluded.category_ids,
  brand = excluded.brand, min_price_amount = excluded.min_price_amount, max_price_amount = excluded.max_price_amount,
  currency = excluded.currency, in_stock = excluded.in_stock, rating = excluded.rating,
  rating_count = excluded.rating_count, popularity = excluded.popularity, published_at = excluded.published_at,
  attribute_values = excluded.attribute_values, tsv = excluded.tsv, tier = excluded.tier, updated_at = now()`);

/** Words of titles, labels and attributes (not descriptions): what typo correction may correct to. */
const lexiconWordsOf = (alias: string) =>
  sql.raw(`unnest(string_to_array(concat_ws(' ', ${alias}."titleFolded", ${alias}."labelsFolded", ${alias}."attributesFolded"), ' '))`);

export class PostgresSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;
  private readonly active = new ActiveVersion("postgres");

  /** `tierEnds`: ranks where the popularity tiers end (tests use small ones to have several tiers in a small catalog). */
  constructor(private readonly options: { tierEnds?: readonly number[] } = {}) {}

  async sync(db: DbExecutor, productIds: string[]): Promise<void> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return;
    await db.transaction(async (tx) => {
      await lockForWrite(tx, "postgres");
      for (const { version, status } of await liveVersions(tx, "postgres")) {
        if (status === "building") {
          // The rebuild copies the catalog from a snapshot; it re-syncs what changed since before it swaps.
          await addToBacklog(tx, version, ids);
          continue;
        }
        await writeDocuments(tx, version, ids);
      }
    });
  }

  async rebuild(db: DbExecutor): Promise<{ version: number; documents: number }> {
    const version = await registerBuild(db, "postgres");
    const table = partition(version);
    try {
      await db.execute(sql`drop table if exists ${table}`);
      await db.execute(sql`create table ${table} (like search_documents including defaults including constraints)`);
      await db.execute(sql`alter table ${table} add check (index_version = ${sql.raw(String(version))})`);
      // Loaded before its indexes exist (a bulk build is far faster than a million index inserts), then attached:
      // attaching builds the partition's indexes and, with the check above, skips the validation scan.
      const [floors, bands] = await Promise.all([computeTierFloors(db, this.options.tierEnds), computeOrderBands(db)]);
      await saveTierFloors(db, version, floors);
      // Queries read matches in the table's order (see WINDOW and storedOrder).
      await db.execute(
        sql`insert into ${table} ${INSERT_COLUMNS} ${insertSelect(version, floors)} from (${documentRowsSql(sql`true`)}) d
            order by ${storedOrder(floors, bands)}`,
      );
      await db.execute(sql`alter table search_documents attach partition ${table} for values in (${sql.raw(String(version))})`);
      await db.execute(sql`analyze ${table}`);
      await rebuildLexicon(db, version);
      await buildCompletions(db, version);
      return await db.transaction(async (tx) => {
        await lockForSwap(tx, "postgres");
        const backlog = await takeBacklog(tx, version);
        for (let i = 0; i < backlog.length; i += 500) await writeDocuments(tx, version, backlog.slice(i, i + 500));
        const [{ count }] = (await tx.execute(sql`select count(*)::int as count from ${table}`)) as unknown as [{ count: number }];
        const retired = await activate(tx, "postgres", version, count);
        // The version just retired may still be read for a second by other processes; older ones go now.
        const keep = new Set([version, ...retired]);
        const old = (await tx.execute(sql`
          select version from search_index_versions where engine = 'postgres' and status = 'retired'`)) as unknown as { version: number }[];
        for (const { version: stale } of old) {
          if (keep.has(stale)) continue;
          await tx.execute(sql`drop table if exists ${partition(stale)}`);
          await deleteCompletions(tx, stale);
        }
        this.active.forget();
        return { version, documents: count };
      });
    } catch (error) {
      await markFailed(db, version, error);
      await db.execute(sql`drop table if exists ${table}`);
      await deleteCompletions(db, version);
      throw error;
    }
  }

  async applySynonyms(): Promise<void> {
    // Read from search_synonyms on every query: nothing to apply.
  }

  async stats(db: DbExecutor): Promise<EngineStats> {
    const versions = await liveVersions(db, "postgres");
    const active = versions.find((v) => v.status === "active") ?? null;
    const building = versions.find((v) => v.status === "building") ?? null;
    const [{ documents, words, completions }] = (await db.execute(sql`
      select ${active ? sql`(select count(*)::int from ${partition(active.version)})` : sql`0`} as documents,
             (select count(*)::int from search_lexicon) as words,
             exists (select 1 from search_completions where index_version = ${active?.version ?? 0}) as completions`)) as unknown as [
      { documents: number; words: number; completions: boolean },
    ];
    return {
      // Versions built before the completion index existed (migration 0009) have documents and no completions.
      outdated: documents > 0 && words > 0 && !completions,
      activeVersion: active?.version ?? null,
      building: building ? { version: building.version, startedAt: new Date(building.started_at) } : null,
      documents,
      lexiconWords: words,
    };
  }

  async query(db: DbExecutor, query: EngineQuery): Promise<EngineResult> {
    const version = await this.active.get(db);
    if (version === null) return emptyResult();
    const words = queryWords(query.text);
    const [analyzed, synonyms] = await Promise.all([analyzeWords(db, words, { prefixLast: true }), loadSynonyms(db)]);
    const plan = textQuery(analyzed, synonyms, query.match);
    const table = partition(version);
    // Every row of the partition has this version; saying so lets the per-version indexes serve the query.
    const inVersion = sql`d.index_version = ${version}`;
    const offset = Math.min(query.offset, WINDOW);
    const limit = Math.max(0, Math.min(query.limit, WINDOW - offset));
    const narrowed = hasNarrowingFilters(query);
    const full = sql`${inVersion} and ${filterSql(query, { facetBase: false })}`;
    const base = sql`${inVersion} and ${filterSql(query, { facetBase: true })}`;
    const ranked = query.sort === "relevance" && plan !== null;

    // Without brand, vendor or attribute choices the facets count the same matches the page shows: one statement.
    const [page] = (await db.execute(sql`
      with ${candidates(table, full, plan?.tsquery ?? null, ranked)}
      select (select count(*)::int from c) as total,
             (select coalesce(json_agg(r.product_id), '[]') from (
                select c.product_id from c order by ${ranked ? sql`c.rank desc, c.popularity desc, c.product_id` : orderBy(query.sort)}
                 limit ${limit} offset ${offset}) r) as ids
             ${query.facets && !narrowed ? sql`, ${facetsJson(Boolean(query.filters.categoryId))} as facets` : sql``}`)) as unknown as [
      { total: number; ids: string[]; facets?: RawFacets },
    ];
    let raw = page!.facets ?? null;
    if (query.facets && narrowed) {
      const [row] = (await db.execute(sql`
        with ${candidates(table, base, plan?.tsquery ?? null, false)}
        select ${facetsJson(Boolean(query.filters.categoryId))} as facets`)) as unknown as [{ facets: RawFacets }];
      raw = row!.facets;
    }
    return {
      productIds: page!.ids,
      total: Math.min(page!.total, WINDOW),
      totalIsEstimate: page!.total > WINDOW,
      facets: raw ? toFacets(raw) : null,
      matchedWords: plan?.matchedWords ?? [],
      correctedText: plan?.corrected ? plan.correctedText : null,
      alternativeText: plan?.alternativeText ?? null,
    };
  }

  async suggestProducts(db: DbExecutor, text: string, limit: number): Promise<{ productIds: string[]; matchedWords: string[] }> {
    const version = await this.active.get(db);
    const words = queryWords(text);
    if (version === null || words.length === 0) return { productIds: [], matchedWords: [] };
    // Suggestions run on every key press: prefix match of the words as typed, no correction round trip. One word (the
    // usual case) is one lookup in the completion index.
    if (words.length === 1) {
      const productIds = await completionsFor(db, version, words[0]!.word, limit);
      return { productIds, matchedWords: [words[0]!.word] };
    }
    const tsquery = words.map((w, i) => lexeme(w.word, i === words.length - 1)).join(" & ");
    const table = partition(version);
    let rows = await preparedRows<{ product_id: string }>(
      db,
      sql`
      select w.product_id from (
        select d.product_id, d.tsv from ${table} d
         where d.index_version = ${version} order by d.popularity desc nulls last, d.product_id limit ${SUGGEST_WALK}) w
       where w.tsv @@ ${tsquery}::tsquery limit ${limit}`,
    );
    // Fewer than one match in SUGGEST_WALK / limit documents: all of them, from the text index (materialized, so the
    // planner cannot turn it back into a walk of the popularity index past a million rows).
    if (rows.length < limit)
      rows = (await db.execute(sql`
        with m as materialized (${acrossTiers(
          (inTier) => sql`select d.product_id, d.popularity from ${table} d
                           where ${inTier} and d.index_version = ${version} and d.tsv @@ ${tsquery}::tsquery`,
        )})
        select m.product_id from m order by m.popularity desc, m.product_id limit ${limit}`)) as unknown as { product_id: string }[];
    return { productIds: rows.map((r) => r.product_id), matchedWords: words.map((w) => w.word) };
  }
}

function emptyResult(): EngineResult {
  return { productIds: [], total: 0, totalIsEstimate: false, facets: null, matchedWords: [], correctedText: null, alternativeText: null };
}

async function writeDocuments(tx: DbExecutor, version: number, ids: string[]): Promise<void> {
  const table = partition(version);
  const [wordsBefore, floors] = await Promise.all([wordsOfDocuments(tx, version, ids), loadTierFloors(tx, version)]);
  await tx.execute(sql`
    with docs as materialized (${documentRowsSql(sql`p.id in ${ids}`)}),
    written as (insert into ${table} ${INSERT_COLUMNS} ${insertSelect(version, floors)} from docs d ${UPSERT_SET} returning 1),
    removed as (delete from ${table} t where t.product_id in ${ids} and t.product_id not in (select "productId" from docs) returning 1),
    words as (insert into search_lexicon (word, document_count)
              select w, 1 from docs d, ${lexiconWordsOf("d")} as w where length(w) between 2 and 40 group by w
              on conflict (word) do nothing returning 1)
    select (select count(*) from written) + (select count(*) from removed) + (select count(*) from words)`);
  await updateCompletions(tx, version, ids, wordsBefore);
}

/**
 * The lexicon, recounted from a freshly built version (exact counts; words no document uses any more go). Counted
 * first into a scratch table (the long part), then swapped in by TRUNCATE in one short transaction: a DELETE would
 * leave the old rows dead in the table and its trigram index until a vacuum, and lookups slow down with them.
 */
async function rebuildLexicon(db: Database | DbExecutor, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table lexicon_build on commit drop as
      select word, ndoc as document_count from ts_stat(${`select tsv from search_documents_v${Math.trunc(version)}`}, 'ABC')
       where word ~ '^[a-z0-9]{2,40}$'`);
    await tx.execute(sql`truncate search_lexicon`);
    await tx.execute(sql`insert into search_lexicon (word, document_count) select word, document_count from lexicon_build`);
  });
}

interface TextPlan {
  tsquery: string;
  matchedWords: string[];
  corrected: boolean;
  correctedText: string;
  alternativeText: string | null;
}

/**
 * The tsquery for the analysed words: each word is the word itself (prefix for the last), its stems, its synonyms,
 * or — when it is not indexed at all — its correction instead. `all` joins the words with &, `any` with |.
 */
export function textQuery(words: AnalyzedWord[], synonyms: string[][], match: "all" | "any"): TextPlan | null {
  if (words.length === 0) return null;
  const matched = new Set<string>();
  const groups: string[] = [];
  const searched: string[] = [];
  let corrected = false;
  let alternative = false;
  const alternativeWords: string[] = [];
  words.forEach((w, index) => {
    const last = index === words.length - 1;
    const base = w.known || !w.correction ? w.word : w.correction;
    if (base !== w.word) corrected = true;
    searched.push(base);
    alternativeWords.push(w.likelier ?? base);
    if (w.likelier) alternative = true;
    const alternatives = new Set<string>([lexeme(base, last)]);
    matched.add(base);
    for (const stem of w.known || !w.correction ? w.stems : []) {
      alternatives.add(lexeme(stem));
      matched.add(foldedStem(stem));
    }
    for (const synonym of synonymAlternatives(base, synonyms)) {
      alternatives.add(synonym.tsquery);
      for (const key of synonym.words) matched.add(key);
    }
    groups.push(alternatives.size > 1 ? `(${[...alternatives].join(" | ")})` : [...alternatives][0]!);
  });
  return {
    tsquery: groups.join(match === "all" ? " & " : " | "),
    matchedWords: [...matched].filter(Boolean),
    corrected,
    correctedText: searched.join(" "),
    alternativeText: alternative ? alternativeWords.join(" ") : null,
  };
}

/** The order within the candidate window (`c`), ties broken by id so pages never overlap. */
function orderBy(sort: EngineQuery["sort"]): SQL {
  switch (sort) {
    case "price_asc":
      return sql`c.min_price_amount asc, c.product_id`;
    case "price_desc":
      return sql`c.min_price_amount desc, c.product_id`;
    case "newest":
      return sql`c.published_at desc, c.product_id`;
    case "rating":
      return sql`c.rating desc nulls last, c.rating_count desc, c.product_id`;
    default:
      return sql`c.popularity desc, c.product_id`;
  }
}

/**
 * The CTE `c`: the first WINDOW + 1 matches, with what sorting and facets need and, when ranked, the relevance: text
 * rank (title > brand and category > attributes > description) lifted a little by popularity, computed while
 * scanning so the documents' text vectors are never copied out. A text query reads the popularity tiers in order,
 * each through its own text index (see tiers.ts); `matches` is planned for all its rows, so every tier gets an index
 * plan, and only as many tiers run as the LIMIT on `c` pulls through, in order (app connections run no parallel plans, which
 * would interleave the tiers: see client.ts). Without text, the partition is read in its
 * stored order (most viewed first, as the rebuild wrote it).
 */
function candidates(table: SQL, where: SQL, tsquery: string | null, ranked: boolean): SQL {
  const columns = sql`d.product_id, d.popularity, d.min_price_amount, d.published_at, d.rating, d.rating_count, d.category_id,
           d.brand, d.vendor_id, d.in_stock, d.attribute_values
           ${ranked && tsquery ? sql`, ts_rank(d.tsv, ${tsquery}::tsquery) * (1 + ln(1 + d.popularity) / 10) as rank` : sql``}`;
  if (!tsquery) return sql`c as materialized (select ${columns} from ${table} d where ${where} limit ${WINDOW + 1})`;
  // In the first, small tiers the filters are checked on the matches row by row (IS TRUE hides them from the planner's
  // index choice): intersecting a small tier bitmap with a filter's own bitmap (a price range, a large category) costs
  // more than the matches. The later tiers are read only when the filters reject most matches, and there the planner
  // may intersect with a filter's index instead of fetching every match.
  const tiers = acrossTiers((inTier, tier) => {
    const filters = tier < ROW_FILTERED_TIERS ? sql`(${where}) is true` : where;
    return sql`select ${columns} from ${table} d where ${inTier} and d.tsv @@ ${tsquery}::tsquery and ${filters}`;
  });
  return sql`matches as materialized (${tiers}), c as materialized (select * from matches limit ${WINDOW + 1})`;
}

function hasNarrowingFilters(query: EngineQuery): boolean {
  const f = query.filters;
  return Boolean(f.brands?.length || f.vendorIds?.length || Object.keys(f.attributes ?? {}).length);
}

interface RawFacets {
  categories: { id: string; count: number }[];
  brands: { value: string; count: number }[];
  vendors: { id: string; count: number }[];
  price: { min: string | number | null; max: string | number | null };
  inStock: number;
  ratings: { atLeast: number; count: number }[];
  attributes: Record<string, number> | null;
}

/** Every facet of the candidates `c` as one JSON value (one pass each over at most WINDOW + 1 rows in memory). */
function facetsJson(withAttributes: boolean): SQL {
  return sql`json_build_object(
    'categories', (select coalesce(json_agg(json_build_object('id', x.category_id, 'count', x.n) order by x.n desc, x.category_id), '[]')
                     from (select category_id, count(*)::int as n from c group by category_id) x),
    'brands', (select coalesce(json_agg(json_build_object('value', x.brand, 'count', x.n) order by x.n desc, x.brand), '[]')
                 from (select brand, count(*)::int as n from c where brand is not null group by brand) x),
    'vendors', (select coalesce(json_agg(json_build_object('id', x.vendor_id, 'count', x.n) order by x.n desc, x.vendor_id), '[]')
                  from (select vendor_id, count(*)::int as n from c group by vendor_id) x),
    'price', (select json_build_object('min', min(min_price_amount), 'max', max(min_price_amount)) from c),
    'inStock', (select count(*)::int from c where in_stock),
    'ratings', (select json_agg(json_build_object('atLeast', r, 'count', (select count(*)::int from c where rating >= r)) order by r desc)
                  from unnest(array[4, 3, 2, 1]) r),
    'attributes', ${
      withAttributes
        ? sql`(select json_object_agg(x.pair, x.n) from (select pair, count(*)::int as n from c, unnest(attribute_values) pair group by pair) x)`
        : sql`null`
    })`;
}

function toFacets(raw: RawFacets): EngineFacets {
  return {
    categoryIds: raw.categories,
    brands: raw.brands,
    vendorIds: raw.vendors,
    price: raw.price.min === null || raw.price.max === null ? null : { min: Number(raw.price.min), max: Number(raw.price.max) },
    inStock: raw.inStock,
    ratings: raw.ratings,
    attributeValues: raw.attributes ?? {},
  };
}

/**
 * The filters as SQL. Facets count over a wider base: without the brand, vendor and attribute choices, so a shopper
 * who picked one brand still sees the others to add.
 */
function filterSql(query: EngineQuery, options: { facetBase: boolean }): SQL {
  const f = query.filters;
  const parts: SQL[] = [];
  if (f.categoryId) parts.push(sql`d.category_ids @> array[${f.categoryId}]::uuid[]`);
  if (f.priceMin !== undefined) parts.push(sql`d.min_price_amount >= ${f.priceMin}`);
  if (f.priceMax !== undefined) parts.push(sql`d.min_price_amount <= ${f.priceMax}`);
  if (f.inStock) parts.push(sql`d.in_stock`);
  if (f.ratingMin !== undefined) parts.push(sql`d.rating >= ${f.ratingMin}`);
  if (!options.facetBase) {
    if (f.brands?.length) parts.push(sql`d.brand in ${f.brands}`);
    if (f.vendorIds?.length) parts.push(sql`d.vendor_id in ${f.vendorIds}`);
    for (const [key, values] of Object.entries(f.attributes ?? {}))
      parts.push(sql`d.attribute_values && ${`{${values.map((v) => JSON.stringify(`${key}=${v}`)).join(",")}}`}::text[]`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}
