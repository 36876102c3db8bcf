import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import type { JobQueue } from "../jobs/queue";
import { catalogCacheJob } from "../jobs/definitions/catalog-cache";
import { searchIndexJob } from "../jobs/definitions/search-index";

/** Seconds a cached read may live. Invalidation normally ends it sooner; TTLs bound what a lost job could leave. */
export const CACHE_TTL = { product: 600, categories: 3600, listing: 60, filters: 300, sitemap: 600 } as const;

type CacheCtx = Pick<Context, "kv" | "config" | "log">;

/**
 * Keys carry a version that the invalidation job bumps, rather than being deleted: a
 * reader that loaded old rows just before the change commits writes them under the old
 * version, where nobody looks any more. Stale data cannot outlive the bump.
 */
const VERSION_TTL = 30 * 24 * 3600;
export const versionKey = {
  product: (slug: string) => `catalog:v:product:${slug}`,
  listings: "catalog:v:listings",
  categories: "catalog:v:categories",
};

async function versionOf(ctx: CacheCtx, key: string): Promise<string> {
  return (await ctx.kv.get(key)) ?? "0";
}

/** Reads through the KV store; a KV failure falls back to the loader (the cache is never the source of truth). */
export async function cached<T>(
  ctx: CacheCtx,
  parts: { key: string; versions: string[]; ttl: number },
  load: () => Promise<T>,
): Promise<T> {
  if (!ctx.config.catalogCache) return load();
  let key: string | null = null;
  try {
    const versions = await Promise.all(parts.versions.map((v) => versionOf(ctx, v)));
    key = `catalog:c:${parts.key}:${versions.join(".")}`;
    const hit = await ctx.kv.get(key);
    if (hit !== null) return JSON.parse(hit) as T;
  } catch (error) {
    ctx.log.warn({ err: error }, "catalog cache read failed");
  }
  const value = await load();
  if (key)
    await ctx.kv
      .set(key, JSON.stringify(value), { ttlSeconds: parts.ttl })
      .catch((error: unknown) => ctx.log.warn({ err: error }, "catalog cache write failed"));
  return value;
}

/** A short stable digest of a query's input, for cache keys. */
export function inputKey(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("base64url").slice(0, 22);
}

export interface CatalogChange {
  productIds?: string[];
  /** Category pages, listings and their filters (publishing, prices, brands, pictures on cards). */
  listings?: boolean;
  /** The category tree and category pages (names, moves, archiving). */
  categories?: boolean;
  /** Categories whose names, place or state changed: their products' search documents carry them. */
  categoryIds?: string[];
}

/**
 * Records that catalog reads went stale. Call it inside the transaction that makes the
 * change: the invalidation job exists only if the change commits, and runs after it.
 */
export async function catalogChanged(ctx: { db: DbExecutor; jobs: JobQueue }, change: CatalogChange): Promise<void> {
  const productIds = [...new Set(change.productIds ?? [])];
  for (let i = 0; i < Math.max(productIds.length, 1); i += 500) {
    await ctx.jobs.enqueue(ctx.db, catalogCacheJob, {
      productIds: productIds.slice(i, i + 500),
      listings: Boolean(change.listings),
      categories: Boolean(change.categories),
    });
  }
  // The search index is derived data too: the same transaction enqueues its update (ARCHITECTURE.md).
  const categoryIds = [...new Set(change.categoryIds ?? [])];
  for (let i = 0; i < productIds.length; i += 500)
    await ctx.jobs.enqueue(ctx.db, searchIndexJob, { productIds: productIds.slice(i, i + 500), categoryIds: [] });
  if (categoryIds.length) await ctx.jobs.enqueue(ctx.db, searchIndexJob, { productIds: [], categoryIds: categoryIds.slice(0, 100) });
}

/** The job's work: bump the versions of everything the change touched. */
export async function invalidateCatalog(ctx: Pick<Context, "db" | "kv">, change: Required<Omit<CatalogChange, "categoryIds">>) {
  if (change.productIds.length) {
    const { productSlugs, products } = schema;
    const slugs = await ctx.db.execute(sql`
      select ${productSlugs.slug} as slug from ${productSlugs} where ${inArray(productSlugs.productId, change.productIds)}
      union select ${products.slug} from ${products} where ${inArray(products.id, change.productIds)}`);
    for (const { slug } of slugs as unknown as { slug: string }[]) {
      await ctx.kv.incrBy(versionKey.product(slug), 1, { ttlSeconds: VERSION_TTL });
    }
  }
  if (change.listings || change.categories) await ctx.kv.incrBy(versionKey.listings, 1, { ttlSeconds: VERSION_TTL });
  if (change.categories) await ctx.kv.incrBy(versionKey.categories, 1, { ttlSeconds: VERSION_TTL });
}
