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
import { analyzeWords, foldedStem, lexeme } from "./analyze";
import { loadSynonyms, synonymAlternatives } from "./synonyms";

/**
 * A search reads at most this many matches (plus one, to know there are more): the page, its sort, the total and the
 * facets all come from them. The rebuild writes documents most viewed first, and matches are read in that order, so
 * for a broad query these are (about) its most popular matches — re-ranked by text relevance, or sorted by price,
 * date or rating within them — and totals and facets beyond the window are flagged as estimates. A narrow query (the
 * usual case) is answered exactly. This bounds the cost of "telefon" over a million products to a few thousand
 * index entries and a thousand rows.
 */
const WINDOW = MAX_RESULT_WINDOW;
/** Matches a product suggestion looks at before taking the most viewed. */
const SUGGEST_WINDOW = 200;

const partition = (version: number) => sql.raw(`search_documents_v${Math.trunc(version)}`);

/** Columns the documents query yields, turned into a row of a partition. */
const INSERT_COLUMNS = sql.raw(`(index_version, product_id, vendor_id, category_id, category_ids, brand, min_price_amount,
  max_price_amount, currency, in_stock, rating, rating_count, popularity, published_at, attribute_values, tsv)`);
const insertSelect = (version: number) => sql`
  select ${version}::int, d."productId", d."vendorId", d."categoryId", d."categoryIds", d.brand, d."minPriceAmount",
         d."maxPriceAmount", d.currency, d."inStock", d.rating, d."ratingCount", d.popularity, d."publishedAt",
         d."attributeValues",
         search_document_tsv(d."titleFolded", d."titleRu", d."titleEn", d."labelsFolded", d."labelsRu",
                             d."attributesFolded", d."descriptionFolded")`;
const UPSERT_SET = sql.raw(`on conflict (index_version, product_id) do update set
  vendor_id = excluded.vendor_id, category_id = excluded.category_id, category_ids = excluded.category_ids,
  brand = excluded.brand, min_price_amount = excluded.min_price_amount, max_price_amount = excluded.max_price_amount,
  currency = excluded.currency, in_stock = excluded.in_stock, rating = excluded.rating,
  rating_count = excluded.rating_count, popularity = excluded.popularity, published_at = excluded.published_at,
  attribute_values = excluded.attribute_values, tsv = excluded.tsv, updated_at = now()`);

/** Words of titles, labels and attributes (not descriptions): what typo correction may correct to. */
const lexiconWordsOf = (alias: string) =>
  sql.raw(`unnest(string_to_array(concat_ws(' ', ${alias}."titleFolded", ${alias}."labelsFolded", ${alias}."attributesFolded"), ' '))`);

export class PostgresSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;
  private readonly active = new ActiveVersion("postgres");

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
      // Most viewed first: queries read matches in the table's order (see WINDOW).
      await db.execute(
        sql`insert into ${table} ${INSERT_COLUMNS} ${insertSelect(version)} from (${documentRowsSql(sql`true`)}) d order by d.popularity desc`,
      );
      await db.execute(sql`alter table search_documents attach partition ${table} for values in (${sql.raw(String(version))})`);
      await db.execute(sql`analyze ${table}`);
      await rebuildLexicon(db, version);
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
        for (const { version: stale } of old) if (!keep.has(stale)) await tx.execute(sql`drop table if exists ${partition(stale)}`);
        this.active.forget();
        return { version, documents: count };
      });
    } catch (error) {
      await markFailed(db, version, error);
      await db.execute(sql`drop table if exists ${table}`);
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
    const [{ documents, words }] = (await db.execute(sql`
      select ${active ? sql`(select count(*)::int from ${partition(active.version)})` : sql`0`} as documents,
             (select count(*)::int from search_lexicon) as words`)) as unknown as [{ documents: number; words: number }];
    return {
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
    const textMatch = plan ? sql`d.tsv @@ ${plan.tsquery}::tsquery` : sql`true`;
    // Every row of the partition has this version; saying so lets the per-version indexes serve the query.
    const inVersion = sql`d.index_version = ${version}`;
    const offset = Math.min(query.offset, WINDOW);
    const limit = Math.max(0, Math.min(query.limit, WINDOW - offset));
    const narrowed = hasNarrowingFilters(query);
    const full = sql`${inVersion} and ${textMatch} and ${filterSql(query, { facetBase: false })}`;
    const base = sql`${inVersion} and ${textMatch} and ${filterSql(query, { facetBase: true })}`;

    // Without brand, vendor or attribute choices the facets count the same matches the page shows: one statement.
    const [page] = (await db.execute(sql`
      with c as materialized (${candidates(table, full, plan?.tsquery ?? null)})
      select (select count(*)::int from c) as total,
             (select coalesce(json_agg(r.product_id), '[]') from (
                select c.product_id from c order by ${query.sort === "relevance" && plan ? sql`c.rank desc, c.popularity desc, c.product_id` : orderBy(query.sort)}
                 limit ${limit} offset ${offset}) r) as ids
             ${query.facets && !narrowed ? sql`, ${facetsJson(Boolean(query.filters.categoryId))} as facets` : sql``}`)) as unknown as [
      { total: number; ids: string[]; facets?: RawFacets },
    ];
    let raw = page!.facets ?? null;
    if (query.facets && narrowed) {
      const [row] = (await db.execute(sql`
        with c as materialized (${candidates(table, base, null)})
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
    // Suggestions run on every key press: prefix match of the words as typed, no correction round trip.
    const tsquery = words.map((w, i) => lexeme(w.word, i === words.length - 1)).join(" & ");
    // The first matches in the partition's order (most viewed first, as the rebuild wrote it), then the most viewed of
    // those: a prefix that matches much costs a few pages, one that matches nothing an empty index lookup.
    const rows = (await db.execute(sql`
      select c.product_id from (
        select d.product_id, d.popularity from ${partition(version)} d
         where d.index_version = ${version} and d.tsv @@ ${tsquery}::tsquery limit ${SUGGEST_WINDOW}) c
       order by c.popularity desc, c.product_id limit ${limit}`)) as unknown as { product_id: string }[];
    return { productIds: rows.map((r) => r.product_id), matchedWords: words.map((w) => w.word) };
  }
}

function emptyResult(): EngineResult {
  return { productIds: [], total: 0, totalIsEstimate: false, facets: null, matchedWords: [], correctedText: null, alternativeText: null };
}

async function writeDocuments(tx: DbExecutor, version: number, ids: string[]): Promise<void> {
  const table = partition(version);
  await tx.execute(sql`
    with docs as materialized (${documentRowsSql(sql`p.id in ${ids}`)}),
    written as (insert into ${table} ${INSERT_COLUMNS} ${insertSelect(version)} from docs d ${UPSERT_SET} returning 1),
    removed as (delete from ${table} t where t.product_id in ${ids} and t.product_id not in (select "productId" from docs) returning 1),
    words as (insert into search_lexicon (word, document_count)
              select w, 1 from docs d, ${lexiconWordsOf("d")} as w where length(w) between 2 and 40 group by w
              on conflict (word) do nothing returning 1)
    select (select count(*) from written) + (select count(*) from removed) + (select count(*) from words)`);
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
 * The first WINDOW + 1 matches in the partition's order, with what sorting and facets need and, for a text query,
 * the relevance: text rank (title > brand and category > attributes > description) lifted a little by popularity.
 * Ranked while scanning, so the documents' text vectors are never copied out.
 */
function candidates(table: SQL, where: SQL, tsquery: string | null): SQL {
  return sql`
    select d.product_id, d.popularity, d.min_price_amount, d.published_at, d.rating, d.rating_count, d.category_id,
           d.brand, d.vendor_id, d.in_stock, d.attribute_values
           ${tsquery ? sql`, ts_rank(d.tsv, ${tsquery}::tsquery) * (1 + ln(1 + d.popularity) / 10) as rank` : sql``}
      from ${table} d where ${where} limit ${WINDOW + 1}`;
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
