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

/** Facets and totals count at most this many matches; beyond it the numbers are estimates (flagged). */
const COUNT_LIMIT = 10_000;
/** Relevance ranks the most popular matches of this many; deep pages of a broad query are not offered. */
const RANK_WINDOW = MAX_RESULT_WINDOW;

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
      await db.execute(sql`insert into ${table} ${INSERT_COLUMNS} ${insertSelect(version)} from (${documentRowsSql(sql`true`)}) d`);
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
    // Every row of the partition has this version; saying so lets the (index_version, <sort>) indexes return rows in order.
    const inVersion = sql`d.index_version = ${version}`;
    const where = sql`${inVersion} and ${textMatch} and ${filterSql(query, { facetBase: false })}`;
    const offset = Math.min(query.offset, RANK_WINDOW);
    const limit = Math.max(0, Math.min(query.limit, RANK_WINDOW - offset));

    const itemsQuery =
      query.sort === "relevance" && plan
        ? sql`
          select c.product_id from (
            select d.product_id, d.tsv, d.popularity from ${table} d where ${where}
             order by d.popularity desc nulls last, d.product_id limit ${RANK_WINDOW}
          ) c
          order by ts_rank(c.tsv, ${plan.tsquery}::tsquery) * (1 + ln(1 + c.popularity) / 10) desc, c.popularity desc, c.product_id
          limit ${limit} offset ${offset}`
        : sql`select d.product_id from ${table} d where ${where} order by ${orderBy(query.sort)} limit ${limit} offset ${offset}`;

    const [items, [counted], facets] = await Promise.all([
      limit > 0 ? (db.execute(itemsQuery) as unknown as Promise<{ product_id: string }[]>) : Promise.resolve([]),
      db.execute(
        sql`select count(*)::int as count from (select 1 from ${table} d where ${where} limit ${COUNT_LIMIT + 1}) m`,
      ) as unknown as Promise<[{ count: number }]>,
      query.facets
        ? facetCounts(db, table, sql`${textMatch} and ${filterSql(query, { facetBase: true })}`, Boolean(query.filters.categoryId))
        : null,
    ]);
    return {
      productIds: items.map((r) => r.product_id),
      total: Math.min(counted!.count, COUNT_LIMIT),
      totalIsEstimate: counted!.count > COUNT_LIMIT,
      facets,
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
    const rows = (await db.execute(sql`
      select d.product_id from ${partition(version)} d where d.index_version = ${version} and d.tsv @@ ${tsquery}::tsquery
       order by d.popularity desc nulls last, d.product_id limit ${limit}`)) as unknown as { product_id: string }[];
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

/** The lexicon, recounted from a freshly built version (exact counts; words no document uses any more go). */
async function rebuildLexicon(db: Database | DbExecutor, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_lexicon`);
    await tx.execute(sql`
      insert into search_lexicon (word, document_count)
      select word, ndoc from ts_stat(${`select tsv from search_documents_v${Math.trunc(version)}`}, 'ABC')
       where word ~ '^[a-z0-9]{2,40}$'`);
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

function orderBy(sort: EngineQuery["sort"]): SQL {
  switch (sort) {
    case "price_asc":
      return sql`d.min_price_amount asc, d.product_id`;
    case "price_desc":
      // Backwards along the price index (ties by id descending too).
      return sql`d.min_price_amount desc, d.product_id desc`;
    case "newest":
      // NULLS LAST as the index is built (drizzle's .desc()), or Postgres cannot read it in order.
      return sql`d.published_at desc nulls last, d.product_id`;
    case "rating":
      return sql`d.rating desc nulls last, d.rating_count desc, d.product_id`;
    default:
      return sql`d.popularity desc nulls last, d.product_id`;
  }
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

interface FacetRow {
  kind: string;
  value: string | null;
  count: number;
  min: string | null;
  max: string | null;
}

async function facetCounts(db: DbExecutor, table: SQL, where: SQL, withAttributes: boolean): Promise<EngineFacets> {
  const rows = (await db.execute(sql`
    with base as materialized (
      select d.category_id, d.brand, d.vendor_id, d.min_price_amount, d.in_stock, d.rating, d.attribute_values
        from ${table} d where ${where} limit ${COUNT_LIMIT}
    )
    select 'category' as kind, category_id::text as value, count(*)::int as count, null as min, null as max from base group by category_id
    union all select 'brand', brand, count(*)::int, null, null from base where brand is not null group by brand
    union all select 'vendor', vendor_id::text, count(*)::int, null, null from base group by vendor_id
    union all select 'price', null, count(*)::int, min(min_price_amount)::text, max(min_price_amount)::text from base
    union all select 'stock', null, count(*) filter (where in_stock)::int, null, null from base
    union all select 'rating', r::text, count(*) filter (where rating >= r)::int, null, null from base, unnest(array[4, 3, 2, 1]) r group by r
    ${withAttributes ? sql`union all select 'attribute', pair, count(*)::int, null, null from base, unnest(attribute_values) pair group by pair` : sql``}
  `)) as unknown as FacetRow[];
  const facets: EngineFacets = { categoryIds: [], brands: [], vendorIds: [], price: null, inStock: 0, ratings: [], attributeValues: {} };
  for (const row of rows) {
    if (row.kind === "category") facets.categoryIds.push({ id: row.value!, count: row.count });
    else if (row.kind === "brand") facets.brands.push({ value: row.value!, count: row.count });
    else if (row.kind === "vendor") facets.vendorIds.push({ id: row.value!, count: row.count });
    else if (row.kind === "price" && row.count > 0) facets.price = { min: Number(row.min), max: Number(row.max) };
    else if (row.kind === "stock") facets.inStock = row.count;
    else if (row.kind === "rating") facets.ratings.push({ atLeast: Number(row.value), count: row.count });
    else if (row.kind === "attribute") facets.attributeValues[row.value!] = row.count;
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  facets.categoryIds.sort(byCount);
  facets.brands.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.vendorIds.sort(byCount);
  facets.ratings.sort((a, b) => b.atLeast - a.atLeast);
  return facets;
}
