import type { Context } from "../core/context";
import { cached, inputKey } from "../catalog/cache";

/** Bumped after every index write and swap: cached results of an older index are never read again. */
const INDEX_VERSION_KEY = "search:v:index";
const VERSION_TTL = 30 * 24 * 3600;
/** Seconds a result may be served from the cache (the index version usually ends it sooner). */
export const SEARCH_CACHE_TTL = { query: 30, suggest: 60 } as const;

type CacheCtx = Pick<Context, "kv" | "config" | "log">;

/** Identical searches within the TTL and the same index version are served from the KV store. */
export function cachedSearch<T>(ctx: CacheCtx, kind: keyof typeof SEARCH_CACHE_TTL, input: unknown, load: () => Promise<T>) {
  return cached(ctx, { key: `search:${kind}:${inputKey(input)}`, versions: [INDEX_VERSION_KEY], ttl: SEARCH_CACHE_TTL[kind] }, load);
}

export async function searchIndexChanged(ctx: Pick<Context, "kv">): Promise<void> {
  await ctx.kv.incrBy(INDEX_VERSION_KEY, 1, { ttlSeconds: VERSION_TTL });
}
