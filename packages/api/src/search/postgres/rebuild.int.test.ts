import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TestHarness } from "../../testing";
import { createTestHarness } from "../../testing";
import { createSearchFixture } from "../testing-fixtures";
import { needsInitialBuild } from "../indexing";
import { PostgresSearchEngine } from "./engine";

let h: TestHarness;
const engine = new PostgresSearchEngine();

beforeAll(async () => {
  h = await createTestHarness();
  await createSearchFixture(h.runtime.db);
});
afterAll(async () => {
  await h?.close();
});

const versions = async () =>
  (await h.runtime.db.execute(sql`select version, status from search_index_versions order by version`)) as unknown as {
    version: number;
    status: string;
  }[];

describe("Postgres index versions", () => {
  it("refuses a second rebuild while one is building, and takes over one abandoned for hours", async () => {
    await h.runtime.db.execute(sql`insert into search_index_versions (engine, status) values ('postgres', 'building')`);
    await expect(engine.rebuild(h.runtime.db)).rejects.toThrow(/already being built/);
    await h.runtime.db.execute(sql`update search_index_versions set started_at = now() - interval '4 hours' where status = 'building'`);
    const rebuilt = await engine.rebuild(h.runtime.db);
    expect(rebuilt.documents).toBe(5);
    const rows = await versions();
    expect(rows.filter((r) => r.status === "failed")).toHaveLength(1);
    expect(rows.find((r) => r.status === "active")?.version).toBe(rebuilt.version);
  });

  it("keeps the version just retired and drops older partitions", async () => {
    const first = await engine.rebuild(h.runtime.db);
    const second = await engine.rebuild(h.runtime.db);
    const partitions = (await h.runtime.db.execute(sql`
      select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'search_documents'::regclass order by c.relname`)) as unknown as { relname: string }[];
    expect(partitions.map((p) => p.relname).sort()).toEqual(
      [`search_documents_v${first.version}`, `search_documents_v${second.version}`].sort(),
    );
  });

  it("keeps the active version current while a version builds, and queues the change for the build", async () => {
    // The build writes its backlog into the new version inside the swap transaction (rebuild()).
    const [{ id }] = (await h.runtime.db.execute(sql`select id from products where status = 'published' limit 1`)) as unknown as [
      { id: string },
    ];
    const [{ version }] = (await h.runtime.db.execute(sql`
      insert into search_index_versions (engine, status) values ('postgres', 'building') returning version`)) as unknown as [
      { version: number },
    ];
    await h.runtime.db.execute(sql`update products set title = jsonb_set(title, '{uz}', '"Yangi nom Zumrad"') where id = ${id}`);
    await engine.sync(h.runtime.db, [id]);
    const found = await engine.query(h.runtime.db, {
      text: "zumrad",
      filters: {},
      sort: "relevance",
      offset: 0,
      limit: 5,
      facets: false,
      match: "all",
    });
    expect(found.productIds).toEqual([id]);
    const backlog = (await h.runtime.db.execute(
      sql`select product_id from search_index_backlog where index_version = ${version}`,
    )) as unknown as {
      product_id: string;
    }[];
    expect(backlog.map((b) => b.product_id)).toEqual([id]);
    await h.runtime.db.execute(sql`delete from search_index_backlog`);
    await h.runtime.db.execute(sql`delete from search_index_versions where version = ${version}`);
  });

  it("asks for a rebuild when the active version was built without a completion index", async () => {
    const built = await engine.rebuild(h.runtime.db);
    const ctx = { db: h.runtime.db, search: engine };
    expect((await engine.stats(h.runtime.db)).outdated).toBe(false);
    expect(await needsInitialBuild(ctx)).toBe(false);
    // What a version built before migration 0009 looks like.
    await h.runtime.db.execute(sql`delete from search_completions where index_version = ${built.version}`);
    expect((await engine.stats(h.runtime.db)).outdated).toBe(true);
    expect(await needsInitialBuild(ctx)).toBe(true);
  });
});
