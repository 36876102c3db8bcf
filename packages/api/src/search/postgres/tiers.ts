import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";
import { SEARCH_TIERS } from "@ultramarket/db";

/**
 * Popularity tiers (search_documents.tier). Each tier has its own text index (a partial GIN index), and a search
 * reads the tiers most viewed first until its window of matches is full: "telefon" over a million products then
 * costs the postings of its 25,000 most viewed documents, not all 30,000 of its own. Tiers are bands of popularity,
 * so every document of a tier is more viewed than every document of the next, and "the most viewed matches" can be
 * taken tier by tier exactly.
 *
 * The bands' lower bounds (floors) are fixed when a version is built, from the catalog's view counts at these ranks;
 * documents written later land in the band their popularity falls in.
 */
export const TIER_ENDS = [25_000, 125_000, 525_000] as const;

/** The lowest view count of the first tiers, read from the catalog before a build (0 where the catalog is smaller). */
export async function computeTierFloors(db: DbExecutor, ends: readonly number[] = TIER_ENDS): Promise<number[]> {
  if (ends.length !== SEARCH_TIERS.length - 1) throw new Error(`search tiers: ${SEARCH_TIERS.length - 1} tier ends expected`);
  const floors: number[] = [];
  for (const end of ends) {
    const [row] = (await db.execute(sql`
      select view_count from products where status = 'published'
       order by view_count desc nulls last, id desc offset ${end - 1} limit 1`)) as unknown as { view_count: string | number }[];
    floors.push(row ? Number(row.view_count) : 0);
  }
  return floors;
}

/** Documents per popularity band of the stored order (see storedOrder). */
const BAND_SIZE = 2_500;

/**
 * The popularity at every BAND_SIZE-th rank of the catalog (most viewed first, distinct values, ascending when
 * negated): the bands of the stored order.
 */
export async function computeOrderBands(db: DbExecutor): Promise<number[]> {
  const rows = (await db.execute(sql`
    select distinct view_count from (
      select view_count, row_number() over (order by view_count desc nulls last) as rank
        from products where status = 'published') r
     where r.rank % ${BAND_SIZE} = 0`)) as unknown as { view_count: string | number }[];
  return rows.map((r) => Number(r.view_count)).sort((a, b) => b - a);
}

/**
 * The order a build writes a version's documents in: by tier, then by bands of about BAND_SIZE documents of like
 * popularity (most viewed first), then by category, most viewed first within it. A search reads a tier's matches in
 * this order until its window is full (see candidates in engine.ts), and a word's matches sit together by category:
 * "smartfon" finds its thousand matches on a few hundred pages instead of a thousand, most of the cost of a search at a
 * million products. The bands keep the window to the most viewed matches: only within the band where the window
 * fills does the category order, not popularity, choose among documents of about the same popularity.
 */
export function storedOrder(floors: number[], bands: number[]): SQL {
  const band = bands.length ? sql`width_bucket(-d.popularity, ${`{${bands.map((b) => -Math.trunc(b)).join(",")}}`}::bigint[]), ` : sql``;
  return sql`${tierOf(sql`d.popularity`, floors)}, ${band}d."categoryId", d.popularity desc`;
}

export async function saveTierFloors(db: DbExecutor, version: number, floors: number[]): Promise<void> {
  await db.execute(sql`update search_index_versions set tier_floors = ${`{${floors.join(",")}}`}::bigint[] where version = ${version}`);
}

/** A version's floors; none (every document in tier 0) for a version built before tiers existed. */
export async function loadTierFloors(db: DbExecutor, version: number): Promise<number[]> {
  const [row] = (await db.execute(sql`select tier_floors from search_index_versions where version = ${version}`)) as unknown as {
    tier_floors: (string | number)[] | null;
  }[];
  return (row?.tier_floors ?? []).map(Number);
}

/** The tier of a popularity (an SQL expression) under these floors. */
export function tierOf(popularity: SQL, floors: number[]): SQL {
  if (floors.length === 0) return sql`0::smallint`;
  const cases = floors.map((floor, tier) => sql`when ${popularity} >= ${sql.raw(String(Math.trunc(floor)))} then ${sql.raw(String(tier))}`);
  return sql`(case ${sql.join(cases, sql` `)} else ${sql.raw(String(floors.length))} end)::smallint`;
}

/**
 * One select per tier, most viewed tier first, as UNION ALL: a consumer that stops reading early (a LIMIT above a
 * materialized CTE of this) never starts the later tiers' index scans. `branch` gets the tier's condition on `d`.
 */
export function acrossTiers(branch: (inTier: SQL, tier: number) => SQL): SQL {
  return sql.join(
    SEARCH_TIERS.map((tier) => sql`(${branch(sql.raw(`d.tier = ${tier}`), tier)})`),
    sql` union all `,
  );
}
