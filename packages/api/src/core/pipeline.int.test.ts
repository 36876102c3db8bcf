import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { pipeline } from "./pipeline";

let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness();
  await h.runtime.sql.unsafe(`
    create table pipeline_parent (id int primary key);
    create table pipeline_child (id int primary key, parent_id int not null references pipeline_parent (id));
    create table pipeline_log (n int not null)`);
});
afterAll(async () => {
  await h?.close();
});

const counts = async () =>
  (
    (await h.runtime.sql`select (select count(*)::int from pipeline_parent) as parents,
                                (select count(*)::int from pipeline_child) as children`) as unknown as [
      { parents: number; children: number },
    ]
  )[0];

describe("pipeline", () => {
  it("runs the statements in the order given, each seeing the ones before it", async () => {
    const statements = Array.from(
      { length: 60 },
      (_, i) => sql`insert into pipeline_log (n) values (${i}) returning (select count(*)::int from pipeline_log) as before`,
    );
    const results = await h.runtime.db.transaction((tx) => pipeline(tx, statements));
    // Statement i found exactly the i rows its predecessors wrote: no reordering on the wire.
    expect(results.map((rows) => rows[0]!.before)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it("lets a child row follow its parent's insert in the same batch", async () => {
    const [parents, children, seen] = await h.runtime.db.transaction((tx) =>
      pipeline(tx, [
        sql`insert into pipeline_parent (id) values (1), (2)`,
        sql`insert into pipeline_child (id, parent_id) values (10, 1), (20, 2)`,
        sql`select count(*)::int as n from pipeline_child c join pipeline_parent p on p.id = c.parent_id`,
      ]),
    );
    expect(parents).toHaveLength(0);
    expect(children).toHaveLength(0);
    expect(seen).toEqual([{ n: 2 }]);
    expect(await counts()).toEqual({ parents: 2, children: 2 });
  });

  it("fails with the first failing statement's error and leaves nothing of the transaction", async () => {
    const before = await counts();
    const attempt = h.runtime.db.transaction((tx) =>
      pipeline(tx, [
        sql`insert into pipeline_parent (id) values (3)`,
        // No parent 99: the foreign key refuses this one, and the statements after it are not run.
        sql`insert into pipeline_child (id, parent_id) values (30, 99)`,
        sql`insert into pipeline_parent (id) values (4)`,
      ]),
    );
    await expect(attempt).rejects.toMatchObject({ code: "23503" });
    expect(await counts()).toEqual(before);
  });
});
