import { sql } from "drizzle-orm";

import type { Context } from "../core/context";
import { searchReindexJob } from "../jobs/definitions/search-index";
import { searchIndexChanged } from "./cache";
import { refreshSuggestions } from "./suggestions";
import type { IndexStats } from "./types";

type IndexCtx = Pick<Context, "db" | "kv" | "search" | "log">;

/** The worker's part of catalogChanged: these products as the catalog has them now. */
export async function syncProducts(ctx: IndexCtx, productIds: string[]): Promise<void> {
  await ctx.search.sync(ctx.db, productIds);
  await searchIndexChanged(ctx);
}

/** Categories renamed, moved or archived: every product under them carries their names. */
export async function syncCategories(ctx: IndexCtx, categoryIds: string[]): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = (await ctx.db.execute(sql`
      select p.id from products p
       where p.id > ${after}
         and exists (select 1 from categories c where c.id in ${categoryIds} and p.category_path like c.path || '%')
       order by p.id limit 500`)) as unknown as { id: string }[];
    if (rows.length === 0) break;
    await ctx.search.sync(
      ctx.db,
      rows.map((r) => r.id),
    );
    after = rows.at(-1)!.id;
  }
  await refreshSuggestions(ctx);
  await searchIndexChanged(ctx);
}

export async function rebuildIndex(ctx: IndexCtx): Promise<{ version: number; documents: number }> {
  const result = await ctx.search.rebuild(ctx.db);
  await refreshSuggestions(ctx);
  await searchIndexChanged(ctx);
  return result;
}

/** Queues a full rebuild (one at a time: a second request while one waits or runs is the same job). */
export async function requestReindex(ctx: Pick<Context, "db" | "jobs">, requestedBy: string | null): Promise<{ jobId: string }> {
  const jobId = await ctx.jobs.enqueue(ctx.db, searchReindexJob, { requestedBy });
  return { jobId };
}

/**
 * A rebuild when the index is empty but the catalog is not (a database that predates search, or a new engine), or
 * when the active version was built by an older release that lacked part of what the engine reads now.
 */
export async function needsInitialBuild(ctx: Pick<Context, "db" | "search">): Promise<boolean> {
  const stats = await ctx.search.stats(ctx.db);
  if (stats.building) return false;
  if (stats.documents > 0) return stats.outdated;
  const [row] = (await ctx.db.execute(sql`select exists (select 1 from products where status = 'published') as any`)) as unknown as {
    any: boolean;
  }[];
  return Boolean(row?.any);
}

export async function indexStats(ctx: Pick<Context, "db" | "search">): Promise<IndexStats> {
  const engine = await ctx.search.stats(ctx.db);
  const [counts] = (await ctx.db.execute(sql`
    select (select count(*)::int from products where status = 'published') as published,
           (select count(*)::int from search_synonyms) as synonyms`)) as unknown as { published: number; synonyms: number }[];
  const versions = (await ctx.db.execute(sql`
    select version, status, document_count, started_at, activated_at, updated_at from search_index_versions
     where engine = ${ctx.search.name} order by version desc limit 10`)) as unknown as {
    version: number;
    status: string;
    document_count: number;
    started_at: Date;
    activated_at: Date | null;
    updated_at: Date;
  }[];
  return {
    engine: ctx.search.name,
    activeVersion: engine.activeVersion,
    building: engine.building,
    documents: engine.documents,
    publishedProducts: counts?.published ?? 0,
    lexiconWords: engine.lexiconWords,
    synonymGroups: counts?.synonyms ?? 0,
    lastIndexedAt: versions[0] ? new Date(versions[0].updated_at) : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      documentCount: v.document_count,
      startedAt: new Date(v.started_at),
      activatedAt: v.activated_at ? new Date(v.activated_at) : null,
    })),
  };
}
