import { sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";

export type EngineName = "postgres" | "meilisearch";

/** Advisory lock per engine: index writes hold it shared; a rebuild holds it exclusively to register and to swap. */
const INDEX_LOCKS: Record<EngineName, number> = { postgres: 740_001, meilisearch: 740_002 };
/** A `building` version older than this is a rebuild that died (the reindex job expires after 3 hours). */
const ABANDONED_AFTER_HOURS = 3;

export interface LiveVersion {
  version: number;
  status: "active" | "building";
  started_at: Date;
}

/** The versions index writes go to: the active one and one being built. */
export async function liveVersions(db: DbExecutor, engine: EngineName): Promise<LiveVersion[]> {
  return (await db.execute(sql`
    select version, status, started_at from search_index_versions
     where engine = ${engine} and status in ('active', 'building') order by version`)) as unknown as LiveVersion[];
}

export async function lockForWrite(tx: DbExecutor, engine: EngineName): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${INDEX_LOCKS[engine]})`);
}

export async function lockForSwap(tx: DbExecutor, engine: EngineName): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${INDEX_LOCKS[engine]})`);
}

/**
 * Registers a new `building` version. Taken under the exclusive lock, so index writes in flight finish first: each
 * change is then either in the catalog the rebuild reads or recorded in its backlog. A build left behind by a
 * crashed worker is marked failed rather than blocking every later rebuild.
 */
export async function registerBuild(db: DbExecutor, engine: EngineName): Promise<number> {
  return db.transaction(async (tx) => {
    await lockForSwap(tx, engine);
    await tx.execute(sql`
      update search_index_versions set status = 'failed', error = 'abandoned: no progress for hours', updated_at = now()
       where engine = ${engine} and status = 'building'
         and started_at < now() - make_interval(hours => ${ABANDONED_AFTER_HOURS})`);
    const running = (await liveVersions(tx, engine)).find((v) => v.status === "building");
    if (running) throw new Error(`search index version ${running.version} is already being built`);
    const [row] = (await tx.execute(sql`
      insert into search_index_versions (engine, status) values (${engine}, 'building') returning version`)) as unknown as {
      version: number;
    }[];
    return row!.version;
  });
}

/** Inside the swap transaction: the built version becomes active, the active one retired (returned). */
export async function activate(tx: DbExecutor, engine: EngineName, version: number, documentCount: number): Promise<number[]> {
  const retired = (await tx.execute(sql`
    update search_index_versions set status = 'retired', retired_at = now(), updated_at = now()
     where engine = ${engine} and status = 'active' returning version`)) as unknown as { version: number }[];
  await tx.execute(sql`
    update search_index_versions set status = 'active', activated_at = now(), document_count = ${documentCount}, updated_at = now()
     where version = ${version}`);
  return retired.map((r) => r.version);
}

export async function markFailed(db: DbExecutor, version: number, error: unknown): Promise<void> {
  await db.execute(sql`
    update search_index_versions set status = 'failed', error = ${String(error).slice(0, 2000)}, updated_at = now()
     where version = ${version}`);
  await db.execute(sql`delete from search_index_backlog where index_version = ${version}`);
}

/** Takes the products changed during a build off its backlog. */
export async function takeBacklog(db: DbExecutor, version: number): Promise<string[]> {
  const rows = (await db.execute(sql`
    delete from search_index_backlog where index_version = ${version} returning product_id`)) as unknown as { product_id: string }[];
  return rows.map((r) => r.product_id);
}

export async function addToBacklog(tx: DbExecutor, version: number, productIds: string[]): Promise<void> {
  await tx.execute(sql`
    insert into search_index_backlog (index_version, product_id)
    select ${version}, id from unnest(${`{${productIds.join(",")}}`}::uuid[]) as id on conflict do nothing`);
}

/** The active version as one process sees it, re-read at most every second (a swap keeps the old one a while). */
export class ActiveVersion {
  private cached: { version: number | null; at: number } | null = null;

  constructor(private readonly engine: EngineName) {}

  async get(db: DbExecutor): Promise<number | null> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < 1000) return this.cached.version;
    const [row] = (await db.execute(sql`
      select version from search_index_versions where engine = ${this.engine} and status = 'active'`)) as unknown as {
      version: number;
    }[];
    this.cached = { version: row?.version ?? null, at: now };
    return this.cached.version;
  }

  forget(): void {
    this.cached = null;
  }
}
