import { sql } from "drizzle-orm";

import type { Database, DbExecutor } from "@ultramarket/db";
import { SEARCH_TIERS } from "@ultramarket/db";

import { preparedRows } from "../../core/prepared";

/**
 * The completion index (search_completions): prefix → the most viewed products having a word with that prefix.
 * Words are those of the lexicon: titles, brand and category names, attributes (weights A–C), folded Latin.
 * More are kept than a suggestion shows, so one product leaving a prefix rarely forces a recount.
 */
export const COMPLETIONS_KEPT = 10;
const MIN_PREFIX = 2;

const partition = (version: number) => sql.raw(`search_documents_v${Math.trunc(version)}`);

/** A document's completion words (`d` is a partition row): the lexicon's words, as rebuildLexicon counts them. */
const completionWords = sql.raw(`unnest(tsvector_to_array(ts_filter(d.tsv, '{a,b,c}'))) as w(word)`);
const completionWord = sql.raw(`w.word ~ '^[a-z0-9]{2,40}$'`);

/** Every prefix of at least MIN_PREFIX letters of each word. */
export function prefixesOf(words: Iterable<string>): string[] {
  const prefixes = new Set<string>();
  for (const word of words) for (let n = MIN_PREFIX; n <= word.length; n++) prefixes.add(word.slice(0, n));
  return [...prefixes];
}

/**
 * Builds a version's completions from its documents and the lexicon recounted from them. Each word's most viewed
 * products come from one statement per word, planned for that word (its popularity-ordered index walk stops early
 * for a common word; a rare one is read through the text index), and a prefix's products are the most viewed of
 * its words' lists: anything in a prefix's top list is in the top list of one of its words.
 */
export async function buildCompletions(db: Database | DbExecutor, version: number): Promise<void> {
  const v = Math.trunc(version);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`create temporary table completion_words (word text, product_id uuid, popularity bigint) on commit drop`);
    // Dynamic SQL, so each word gets a plan for its own frequency (a generic plan would pick one strategy for all).
    const mostViewed = mostViewedMatchesText(v, "%2$L").replace(/'/g, "''");
    await tx.execute(
      sql.raw(`
      do $$
      declare w text;
      begin
        for w in select word from search_lexicon loop
          execute format('insert into completion_words select %1$L, t.product_id, t.popularity from (${mostViewed}) t',
                         w, quote_literal(w) || ':ABC');
        end loop;
      end $$`),
    );
    await tx.execute(sql`delete from search_completions where index_version = ${v}`);
    await tx.execute(sql`
      insert into search_completions (index_version, prefix, product_ids, cutoff_popularity)
      select ${v}, r.prefix, array_agg(r.product_id order by r.rank), min(r.popularity)
        from (select p.prefix, p.product_id, p.popularity,
                     row_number() over (partition by p.prefix order by p.popularity desc, p.product_id) as rank
                from (select distinct substr(c.word, 1, n) as prefix, c.product_id, c.popularity
                        from completion_words c, generate_series(${MIN_PREFIX}, length(c.word)) n) p) r
       where r.rank <= ${COMPLETIONS_KEPT}
       group by r.prefix`);
  });
}

/** The completion words these products have in a version now (read before and after their documents change). */
export async function wordsOfDocuments(tx: DbExecutor, version: number, productIds: string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const rows = (await tx.execute(sql`
    select distinct w.word from ${partition(version)} d, ${completionWords}
     where d.index_version = ${version} and d.product_id in ${productIds} and ${completionWord}`)) as unknown as { word: string }[];
  return rows.map((r) => r.word);
}

/**
 * After these products' documents were written (or removed): every prefix of their words before or after is
 * recounted from its kept products and the changed ones, by current popularity. A full list was exact when written,
 * so products left out of it rank below its last entry then (`cutoff_popularity`, last id); the new list is exact
 * when its own last entry still ranks at or above that. Otherwise (a listed product left the prefix, or fell) the
 * prefix is refilled from the text index. Popularity only grows with views, so refills are rare.
 */
export async function updateCompletions(tx: DbExecutor, version: number, productIds: string[], wordsBefore: string[]): Promise<void> {
  const wordsAfter = await wordsOfDocuments(tx, version, productIds);
  const prefixes = prefixesOf(new Set([...wordsBefore, ...wordsAfter]));
  if (prefixes.length === 0) return;
  const table = partition(version);
  const ids = sql`${`{${productIds.join(",")}}`}::uuid[]`;
  const rows = (await tx.execute(sql`
    with affected as (select unnest(${`{${prefixes.join(",")}}`}::text[]) as prefix),
    before as (
      select a.prefix, coalesce(cardinality(c.product_ids), 0) as kept, c.cutoff_popularity, c.product_ids[cardinality(c.product_ids)] as last_id
        from affected a left join search_completions c on c.index_version = ${version} and c.prefix = a.prefix),
    changed as (
      select d.product_id, w.word from ${table} d, ${completionWords}
       where d.index_version = ${version} and d.product_id = any(${ids}) and ${completionWord}),
    members as (
      select c.prefix, m.product_id
        from search_completions c join affected a on a.prefix = c.prefix, unnest(c.product_ids) as m(product_id)
       where c.index_version = ${version} and m.product_id <> all(${ids})
      union
      select a.prefix, ch.product_id from affected a join changed ch on starts_with(ch.word, a.prefix)),
    ranked as (
      select m.prefix, m.product_id, d.popularity,
             row_number() over (partition by m.prefix order by d.popularity desc, m.product_id) as rank
        from members m join ${table} d on d.index_version = ${version} and d.product_id = m.product_id),
    merged as (
      select prefix, array_agg(product_id order by rank) as product_ids, min(popularity) as cutoff,
             (array_agg(product_id order by rank desc))[1] as last_id
        from ranked where rank <= ${COMPLETIONS_KEPT} group by prefix),
    -- Data-modifying CTEs run to completion whether or not the final select reads them.
    written as (
      insert into search_completions (index_version, prefix, product_ids, cutoff_popularity)
      select ${version}, prefix, product_ids, cutoff from merged
      on conflict (index_version, prefix) do update
        set product_ids = excluded.product_ids, cutoff_popularity = excluded.cutoff_popularity, updated_at = now()),
    emptied as (
      delete from search_completions c using affected a
       where c.index_version = ${version} and c.prefix = a.prefix and not exists (select 1 from merged m where m.prefix = a.prefix))
    select b.prefix from before b left join merged m on m.prefix = b.prefix
     where b.kept >= ${COMPLETIONS_KEPT}
       and (coalesce(cardinality(m.product_ids), 0) < ${COMPLETIONS_KEPT}
            or m.cutoff < b.cutoff_popularity or (m.cutoff = b.cutoff_popularity and m.last_id > b.last_id))`)) as unknown as {
    prefix: string;
  }[];
  for (const { prefix } of rows) await refill(tx, version, prefix);
}

/**
 * SQL text: the COMPLETIONS_KEPT most viewed documents of a version matching `tsquery` (an SQL literal), tier by
 * tier: tiers are bands of popularity, so a tier's most viewed come before the next tier's. Each tier's matches come
 * from its text index (the subquery with OFFSET 0 is planned for all its rows), and a later tier is read only when the
 * earlier ones hold too few.
 */
function mostViewedMatchesText(version: number, tsquery: string): string {
  const v = Math.trunc(version);
  const branches = SEARCH_TIERS.map(
    (tier) => `(select m.product_id, m.popularity from (
        select d.product_id, d.popularity from search_documents_v${v} d
         where d.index_version = ${v} and d.tier = ${tier} and d.tsv @@ ${tsquery}::tsquery offset 0) m
       order by m.popularity desc, m.product_id limit ${COMPLETIONS_KEPT})`,
  );
  return `select * from (${branches.join(" union all ")}) t limit ${COMPLETIONS_KEPT}`;
}

/** A prefix's list counted afresh from the text index (only after a full list lost a product). */
async function refill(tx: DbExecutor, version: number, prefix: string): Promise<void> {
  // Completion prefixes are lexicon words' prefixes: a-z and 0-9 only, safe inside the literal.
  if (!/^[a-z0-9]+$/.test(prefix)) return;
  await tx.execute(sql`
    with top as (${sql.raw(mostViewedMatchesText(version, `'''${prefix}'':*ABC'`))})
    insert into search_completions (index_version, prefix, product_ids, cutoff_popularity)
    select ${version}, ${prefix}, array_agg(product_id order by popularity desc, product_id), min(popularity) from top
    having count(*) > 0
    on conflict (index_version, prefix) do update
      set product_ids = excluded.product_ids, cutoff_popularity = excluded.cutoff_popularity, updated_at = now()`);
}

/** The most viewed products with a word starting with this folded prefix (one word, a-z and 0-9). */
export async function completionsFor(db: DbExecutor, version: number, prefix: string, limit: number): Promise<string[]> {
  const rows = await preparedRows<{ product_ids: string[] }>(
    db,
    sql`select product_ids from search_completions where index_version = ${version} and prefix = ${prefix}`,
  );
  return (rows[0]?.product_ids ?? []).slice(0, limit);
}

/** The completions of a version that is gone (or never finished). */
export async function deleteCompletions(db: Database | DbExecutor, version: number): Promise<void> {
  await db.execute(sql`delete from search_completions where index_version = ${version}`);
}
