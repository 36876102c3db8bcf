import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import type { TestHarness } from "../../testing";
import { createTestHarness } from "../../testing";
import { COMPLETIONS_KEPT, prefixesOf } from "./completions";
import { PostgresSearchEngine } from "./engine";

/** Enough products that common prefixes have far more than COMPLETIONS_KEPT candidates, so lists are cut and refilled. */
const CATALOG_SIZE = 400;

let h: TestHarness;
// Small tiers, so this catalog spreads over all four and every tiered read crosses tiers.
const engine = new PostgresSearchEngine({ tierEnds: [40, 120, 250] });
let version: number;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: CATALOG_SIZE, filesDir: await mkdtemp(path.join(tmpdir(), "um-files-")) });
  version = (await engine.rebuild(h.runtime.db)).version;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

type Lists = Map<string, string[]>;

async function stored(): Promise<Lists> {
  const rows = (await h.runtime.db.execute(sql`
    select prefix, product_ids from search_completions where index_version = ${version}`)) as unknown as {
    prefix: string;
    product_ids: string[];
  }[];
  return new Map(rows.map((r) => [r.prefix, r.product_ids]));
}

/** Every prefix's list counted from scratch from the documents, the way the definition says. */
async function recounted(): Promise<Lists> {
  const rows = (await h.runtime.db.execute(sql`
    select prefix, (array_agg(product_id order by popularity desc, product_id))[1:${COMPLETIONS_KEPT}] as product_ids
      from (select distinct substr(w.word, 1, n) as prefix, d.product_id, d.popularity
              from ${sql.raw(`search_documents_v${version}`)} d,
                   unnest(tsvector_to_array(ts_filter(d.tsv, '{a,b,c}'))) w(word), generate_series(2, length(w.word)) n
             where w.word ~ '^[a-z0-9]{2,40}$') p
     group by prefix`)) as unknown as { prefix: string; product_ids: string[] }[];
  return new Map(rows.map((r) => [r.prefix, r.product_ids]));
}

const publishedIds = async () =>
  ((await h.runtime.db.execute(sql`select id from products order by id`)) as unknown as { id: string }[]).map((r) => r.id);

const tierBands = async () =>
  (await h.runtime.db.execute(sql`
    select tier, count(*)::int as documents, min(popularity)::bigint as low, max(popularity)::bigint as high
      from ${sql.raw(`search_documents_v${version}`)} group by tier order by tier`)) as unknown as {
    tier: number;
    documents: number;
    low: string;
    high: string;
  }[];

function expectBands(bands: Awaited<ReturnType<typeof tierBands>>) {
  for (let i = 1; i < bands.length; i++) expect(Number(bands[i - 1]!.low)).toBeGreaterThan(Number(bands[i]!.high));
}

describe("Postgres popularity tiers", () => {
  it("puts each document in the band of its popularity, most viewed first", async () => {
    const bands = await tierBands();
    expect(bands.length).toBeGreaterThanOrEqual(3);
    expectBands(bands);
  });

  it("finds the same matches, totals and facets as one undivided index", async () => {
    const table = sql.raw(`search_documents_v${version}`);
    const words = (
      (await h.runtime.db.execute(sql`select word from search_lexicon order by document_count desc, word limit 12`)) as unknown as {
        word: string;
      }[]
    ).map((r) => r.word);
    // Unfiltered, and filtered (filters are checked row by row in the first tiers and may use their indexes in the others).
    const filterSets = [{}, { inStock: true, priceMin: 1 }, { ratingMin: 3 }];
    const ask = () =>
      Promise.all(
        filterSets.flatMap((filters) =>
          words.map((text) =>
            engine.query(h.runtime.db, { text, filters, sort: "price_asc", offset: 0, limit: 48, facets: true, match: "all" }),
          ),
        ),
      );
    const tiered = await ask();
    expect(tiered.some((r) => r.total > 48)).toBe(true);
    const tiers = (await h.runtime.db.execute(sql`select product_id, tier from ${table}`)) as unknown as {
      product_id: string;
      tier: number;
    }[];
    await h.runtime.db.execute(sql`update ${table} set tier = 0`);
    try {
      expect(await ask()).toEqual(tiered);
    } finally {
      for (const { product_id, tier } of tiers)
        await h.runtime.db.execute(sql`update ${table} set tier = ${tier} where product_id = ${product_id}`);
    }
  });
});

describe("Postgres completion index", () => {
  it("lists every prefix's most viewed products when a version is built", async () => {
    const lists = await stored();
    expect(lists.size).toBeGreaterThan(100);
    expect([...lists.values()].some((ids) => ids.length === COMPLETIONS_KEPT)).toBe(true);
    expect(lists).toEqual(await recounted());
  });

  it("answers a one-word suggestion from the index, most viewed first", async () => {
    const [{ word }] = (await h.runtime.db.execute(
      sql`select word from search_lexicon where length(word) >= 6 order by document_count desc limit 1`,
    )) as unknown as [{ word: string }];
    const expected = (await recounted()).get(word.slice(0, 4))!.slice(0, 5);
    expect((await engine.suggestProducts(h.runtime.db, word.slice(0, 4), 5)).productIds).toEqual(expected);
    expect((await engine.suggestProducts(h.runtime.db, "qqqzzz", 5)).productIds).toEqual([]);
  });

  it("stays equal to a recount through retitles, unpublishing, republishing and popularity changes", async () => {
    const ids = await publishedIds();
    const words = ["zumrad", "zumda", "olmos", "lazurit", "samarqand"];
    const change = fc.oneof(
      fc.record({ kind: fc.constant("retitle" as const), product: fc.nat(ids.length - 1), word: fc.constantFrom(...words) }),
      fc.record({ kind: fc.constant("status" as const), product: fc.nat(ids.length - 1), published: fc.boolean() }),
      fc.record({ kind: fc.constant("views" as const), product: fc.nat(ids.length - 1), views: fc.nat(1_000_000) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        const touched: string[] = [];
        for (const c of changes) {
          const id = ids[c.product]!;
          touched.push(id);
          if (c.kind === "retitle")
            await h.runtime.db.execute(sql`update products set title = jsonb_set(title, '{uz}', to_jsonb(${`Yangi ${c.word}`}::text))
                                            where id = ${id}`);
          else if (c.kind === "status")
            await h.runtime.db.execute(sql`update products set status = ${c.published ? "published" : "archived"} where id = ${id}`);
          else await h.runtime.db.execute(sql`update products set view_count = ${c.views} where id = ${id}`);
        }
        // One sync per change set, as the index job applies a batch of changed products.
        await engine.sync(h.runtime.db, touched);
        expect(await stored()).toEqual(await recounted());
        expectBands(await tierBands());
      }),
      { numRuns: 25 },
    );
    const zum = await engine.suggestProducts(h.runtime.db, "zum", 5);
    expect(zum.productIds).toEqual(((await recounted()).get("zum") ?? []).slice(0, 5));
  }, 120_000);

  it("names every prefix of a word once", () => {
    expect(prefixesOf(["abc", "abd"])).toEqual(["ab", "abc", "abd"]);
    expect(prefixesOf(["a"])).toEqual([]);
  });
});
