import { sql } from "drizzle-orm";

import type { Context } from "../core/context";
import { hashToken } from "../core/crypto";
import { searchIndexJob } from "../jobs/definitions/search-index";

/** Views are counted in one KV hash per minute; the worker adds finished minutes to Postgres. */
const BUCKET_SECONDS = 60;
/** How far back the flush looks for minutes it has not added yet (a worker may be down a while). */
const LOOKBACK_BUCKETS = 180;

const bucketOf = (date: Date) => Math.floor(date.getTime() / 1000 / BUCKET_SECONDS);
const bucketKey = (bucket: number) => `catalog:views:${bucket}`;

/**
 * Counts a product page view: one KV increment, no database write. A visitor (by IP and
 * user agent) counts once per product per hour, so reloading does not buy popularity.
 */
export async function recordView(ctx: Pick<Context, "kv" | "clock" | "request">, input: { productId: string }) {
  const visitor = hashToken(`${ctx.request.ip ?? ""}|${ctx.request.userAgent ?? ""}`).slice(0, 16);
  const first = await ctx.kv.set(`catalog:viewed:${visitor}:${input.productId}`, "1", { ttlSeconds: 3600, onlyIfAbsent: true });
  if (!first) return { counted: false };
  const key = bucketKey(bucketOf(ctx.clock.now()));
  const count = await ctx.kv.hIncrBy(key, input.productId, 1);
  if (count === 1) await ctx.kv.expire(key, (LOOKBACK_BUCKETS + 10) * BUCKET_SECONDS);
  return { counted: true };
}

/**
 * Adds every finished minute's counts to products.view_count (one UPDATE per minute) and
 * drops the minute from the KV store. The current minute is left alone: it is still being
 * written. Runs one at a time (an advisory lock; a second run finds it taken and does
 * nothing). Not exact, and popularity does not need it to be: a crash between the UPDATE and
 * the delete counts that minute twice, and a view written into a minute just as it is flushed
 * (a server whose clock lags) is dropped.
 */
export async function flushViews(ctx: Pick<Context, "kv" | "clock" | "db" | "jobs">): Promise<{ buckets: number; products: number }> {
  const current = bucketOf(ctx.clock.now());
  let buckets = 0;
  let touched = 0;
  const flushed: string[] = [];
  const viewed = new Set<string>();
  await ctx.db.transaction(async (tx) => {
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('catalog-flush-views')) as taken`)) as unknown as [
      { taken: boolean },
    ];
    if (!lock?.taken) return;
    for (let bucket = current - LOOKBACK_BUCKETS; bucket < current; bucket++) {
      const counts = await ctx.kv.hGetAll(bucketKey(bucket));
      const entries = Object.entries(counts).filter(([id, n]) => /^[0-9a-f-]{36}$/.test(id) && Number(n) > 0);
      if (entries.length) {
        await tx.execute(sql`
          update products p set view_count = p.view_count + v.n
          from (values ${sql.join(
            entries.map(([id, n]) => sql`(${id}::uuid, ${Number(n)}::bigint)`),
            sql`, `,
          )}) as v(id, n)
          where p.id = v.id`);
        touched += entries.length;
        buckets++;
        for (const [id] of entries) viewed.add(id);
      }
      if (Object.keys(counts).length) flushed.push(bucketKey(bucket));
    }
    // Search ranks by popularity too: the viewed products' documents follow, with this commit.
    const ids = [...viewed];
    for (let i = 0; i < ids.length; i += 500)
      await ctx.jobs.enqueue(tx, searchIndexJob, { productIds: ids.slice(i, i + 500), categoryIds: [] });
  });
  // After the commit: a failed transaction leaves the minutes in place for the next run.
  if (flushed.length) await ctx.kv.del(...flushed);
  return { buckets, products: touched };
}
