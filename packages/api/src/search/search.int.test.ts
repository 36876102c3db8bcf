import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { newId, schema } from "@ultramarket/db";
import { catalogChanged } from "../catalog/cache";
import type { UserSession } from "../core/context";
import { createContextInner, withTransaction } from "../core/context";
import { startWorker } from "../jobs/worker";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { rebuildIndex, syncProducts } from "./indexing";
import { refreshSuggestions } from "./suggestions";
import type { SearchFixture } from "./testing-fixtures";
import { createSearchFixture } from "./testing-fixtures";

let h: TestHarness;
let f: SearchFixture;
let shopper: UserSession;

const ctx = () => createContextInner(h.runtime);
const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

beforeAll(async () => {
  h = await createTestHarness();
  f = await createSearchFixture(h.runtime.db);
  const userId = newId();
  await h.runtime.db.insert(schema.users).values({ id: userId, email: `shopper-${userId}@example.uz`, name: "Dilnoza" });
  shopper = { kind: "user", sessionId: null, userId, role: "CUSTOMER", vendorIds: [], twoFactorVerified: false };
  await rebuildIndex(ctx());
});
afterAll(async () => {
  await h?.close();
});

describe("search.query", () => {
  it("returns product cards with highlighted titles, a total and named facets", async () => {
    const result = await h.caller().search.query({ text: "смартфон samsung", locale: "ru" });
    expect(result.items.map((i) => i.id)).toEqual([f.products.galaxy]);
    const [item] = result.items;
    expect(item!.title).toBe("Смартфон Samsung Galaxy A55");
    expect(marked(item!.titleSegments)).toEqual(["Смартфон", "Samsung"]);
    expect(item!.rating).toBeCloseTo(4.6);
    expect(item!.inStock).toBe(true);
    expect(result.total).toBe(1);
    expect(result.facets!.categories).toEqual([{ slug: expect.stringContaining("smartfonlar-ru-"), name: "Смартфоны", count: 1 }]);
    expect(result.facets!.vendors).toEqual([{ slug: f.vendorSlugs.a, name: "Tashkent Tech", count: 1 }]);
    expect(result.correctedText).toBeNull();
    expect(result.fallback).toBeNull();
  });

  it("filters by category and vendor slugs in any language, with the category's attribute facets", async () => {
    const [phones] = await h.runtime.db
      .select({ slugs: schema.categories.slugs })
      .from(schema.categories)
      .where(eq(schema.categories.id, f.categories.electronics));
    const result = await h
      .caller()
      .search.query({ text: "", filters: { category: phones!.slugs.en, vendors: [f.vendorSlugs.a] }, locale: "en" });
    expect(new Set(result.items.map((i) => i.id))).toEqual(new Set([f.products.galaxy, f.products.redmi]));
    const origin = result.facets!.attributes.find((a) => a.key === "origin");
    expect(origin?.name).toBe("Country of origin");
    expect(origin?.values).toEqual(
      expect.arrayContaining([
        { value: "kr", name: "South Korea", count: 1 },
        { value: "cn", name: "China", count: 1 },
      ]),
    );
  });

  it("answers unknown categories and vendors with a typed not-found, and bad cursors with a validation error", async () => {
    await expect(h.caller().search.query({ text: "", filters: { category: "no-such-category" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(h.caller().search.query({ text: "", filters: { vendors: ["no-such-vendor"] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(h.caller().search.query({ text: "x", cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages by cursor through every match once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.caller().search.query({ text: "", sort: "price_asc", limit: 2, cursor, facets: false });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([f.products.towel, f.products.redmi, f.products.galaxy, f.products.fridge, f.products.iphone]);
  });

  it("searches the corrected words when typed ones are unknown, and says so", async () => {
    const result = await h.caller().search.query({ text: "samsnug smartfon" });
    expect(result.items.map((i) => i.id)).toEqual([f.products.galaxy]);
    expect(result.correctedText).toBe("samsung smartfon");
    expect(marked(result.items[0]!.titleSegments)).toEqual(["Samsung", "smartfon"]);
  });

  it("relaxes to any word when all of them find nothing, then falls back to popular products", async () => {
    const relaxed = await h.caller().search.query({ text: "artel iphone" });
    expect(relaxed.fallback).toBe("relaxed");
    expect(new Set(relaxed.items.map((i) => i.id))).toEqual(new Set([f.products.fridge, f.products.iphone]));
    const secondPage = await h.caller().search.query({
      text: "artel iphone",
      limit: 1,
      cursor: (await h.caller().search.query({ text: "artel iphone", limit: 1 })).nextCursor!,
    });
    expect(secondPage.fallback).toBe("relaxed");
    expect(secondPage.items).toHaveLength(1);
    const popular = await h.caller().search.query({ text: "qwxzvbnmpl" });
    expect(popular.fallback).toBe("popular");
    expect(popular.items[0]!.id).toBe(f.products.redmi);
    // Logged as finding nothing, so the console's zero-result report lists it.
    await h.runtime.searchLog.flush();
    const [logged] = await h.runtime.db.select().from(schema.searchQueries).where(eq(schema.searchQueries.id, popular.queryId));
    expect(logged?.resultCount).toBe(0);
    const [home] = await h.runtime.db
      .select({ slug: schema.categories.slug })
      .from(schema.categories)
      .where(eq(schema.categories.id, f.categories.home));
    const inCategory = await h.caller().search.query({ text: "qwxzvbnmpl", filters: { category: home!.slug } });
    expect(inCategory.fallback).toBe("popular");
    expect(inCategory.items.map((i) => i.id)).toEqual([f.products.fridge, f.products.towel]);
  });

  it("offers a likelier spelling when it finds more ('did you mean')", async () => {
    const db = h.runtime.db;
    const extra: string[] = [];
    for (const title of ["Samsung Galaxy Buds", "Samsung Galaxy Watch", "Samsung Galaxy Tab", "Samsnug zaryadlovchi"]) {
      const id = newId();
      extra.push(id);
      await db.insert(schema.products).values({
        id,
        vendorId: f.vendors.a,
        categoryId: f.categories.phones,
        categoryPath: (
          await db.select({ path: schema.categories.path }).from(schema.categories).where(eq(schema.categories.id, f.categories.phones))
        )[0]!.path,
        slug: `dym-${id}`,
        status: "published",
        title: { uz: title, ru: title, en: title },
        description: { uz: "", ru: "", en: "" },
        brand: "Samsung",
        minPriceAmount: 100_00,
        publishedAt: new Date(),
      });
      await db.insert(schema.productVariants).values({ productId: id, vendorId: f.vendors.a, sku: `DYM-${id}`, priceAmount: 100_00 });
    }
    await rebuildIndex(ctx());
    const result = await h.caller().search.query({ text: "samsnug" });
    expect(result.items.map((i) => i.id)).toEqual([extra[3]]);
    expect(result.didYouMean).toBe("samsung");
    await db.delete(schema.products).where(sql`${schema.products.id} in ${extra}`);
    await rebuildIndex(ctx());
  });

  it("logs every query in batches, and clicks against them", async () => {
    await h.runtime.searchLog.flush();
    const before = await h.runtime.db.$count(schema.searchQueries);
    const result = await h.caller().search.query({ text: "Artel", filters: { inStock: true }, sort: "price_asc" });
    await h.caller().search.logClick({ queryId: result.queryId, productId: f.products.fridge, position: 1 });
    await h.runtime.searchLog.flush();
    const [logged] = await h.runtime.db.select().from(schema.searchQueries).where(eq(schema.searchQueries.id, result.queryId));
    expect(logged).toMatchObject({ text: "Artel", foldedText: "artel", resultCount: 1, sort: "price_asc", filters: { inStock: true } });
    expect(logged!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await h.runtime.db.$count(schema.searchQueries)).toBe(before + 1);
    const clicks = await h.runtime.db.select().from(schema.searchClicks).where(eq(schema.searchClicks.queryId, result.queryId));
    expect(clicks).toMatchObject([{ productId: f.products.fridge, position: 1 }]);
  });

  it("remembers a signed-in shopper's searches, newest first, and forgets them on request", async () => {
    const caller = h.caller(shopper);
    await caller.search.query({ text: "muzlatgich" });
    h.clock.advance(1000);
    await caller.search.query({ text: "Sochiq" });
    h.clock.advance(1000);
    await caller.search.query({ text: "sochiq" });
    expect((await caller.search.history()).items.map((i) => i.text)).toEqual(["sochiq", "muzlatgich"]);
    const suggestions = await caller.search.suggest({ text: "so" });
    expect(suggestions.items[0]).toMatchObject({ kind: "history", label: "sochiq" });
    await caller.search.clearHistory();
    expect((await caller.search.history()).items).toEqual([]);
    await expect(h.caller().search.history()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("search.suggest", () => {
  it("offers categories, brands, popular queries and products, highlighted", async () => {
    for (let i = 0; i < 3; i++) await h.caller().search.query({ text: "smartfon apple" });
    // A misspelling found things only through its correction: not offered to others as a popular search.
    for (let i = 0; i < 3; i++) await h.caller().search.query({ text: "smartfn" });
    await h.runtime.searchLog.flush();
    await refreshSuggestions(ctx());
    const result = await h.caller().search.suggest({ text: "smart", locale: "uz" });
    const kinds = result.items.map((i) => `${i.kind}:${i.label}`);
    expect(kinds).toContain("category:Smartfonlar");
    expect(kinds).toContain("query:smartfon apple");
    expect(kinds).not.toContain("query:smartfn");
    expect(result.items.filter((i) => i.kind === "product").length).toBeGreaterThan(0);
    const category = result.items.find((i) => i.kind === "category")!;
    expect(marked(category.segments)).toEqual(["Smartfonlar"]);
    const brands = await h.caller().search.suggest({ text: "xiao" });
    expect(brands.items.map((i) => `${i.kind}:${i.label}`)).toContain("brand:Xiaomi");
    const empty = await h.caller().search.suggest({ text: "" });
    expect(empty.items.every((i) => i.kind === "query")).toBe(true);
  });
});

describe("index freshness", () => {
  it("shows a committed catalog change within 2 seconds, through the job queue", async () => {
    const worker = await startWorker(h.runtime);
    try {
      const renamed = "Artel muzlatgich Kristall";
      await withTransaction(ctx(), async (tx) => {
        await tx.db.execute(
          sql`update products set title = jsonb_set(title, '{uz}', ${JSON.stringify(renamed)}::jsonb) where id = ${f.products.fridge}`,
        );
        await catalogChanged(tx, { productIds: [f.products.fridge] });
      });
      const committed = Date.now();
      let seenAfter = Number.POSITIVE_INFINITY;
      while (Date.now() - committed < 5000) {
        const result = await h.caller().search.query({ text: "kristall", facets: false });
        if (result.items.some((i) => i.id === f.products.fridge)) {
          seenAfter = Date.now() - committed;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seenAfter).toBeLessThan(2000);

      await withTransaction(ctx(), async (tx) => {
        await tx.db.update(schema.products).set({ status: "archived" }).where(eq(schema.products.id, f.products.fridge));
        await catalogChanged(tx, { productIds: [f.products.fridge] });
      });
      const unpublished = Date.now();
      let goneAfter = Number.POSITIVE_INFINITY;
      while (Date.now() - unpublished < 5000) {
        const result = await h.caller().search.query({ text: "kristall", facets: false });
        if (!result.items.some((i) => i.id === f.products.fridge)) {
          goneAfter = Date.now() - unpublished;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(goneAfter).toBeLessThan(2000);
    } finally {
      await worker.stop(5000);
    }
  });
});

describe("search cache", () => {
  let cachedHarness: TestHarness;
  beforeAll(async () => {
    cachedHarness = await createTestHarness({ catalogCache: true });
  });
  afterAll(async () => {
    await cachedHarness?.close();
  });

  it("serves repeated queries from the KV store until the index version moves", async () => {
    const fx = await createSearchFixture(cachedHarness.runtime.db);
    const c = createContextInner(cachedHarness.runtime);
    await rebuildIndex(c);
    const first = await cachedHarness.caller().search.query({ text: "sochiq" });
    expect(first.items.map((i) => i.id)).toEqual([fx.products.towel]);
    // Changed and indexed without bumping the version: the cached answer stands.
    await cachedHarness.runtime.db.update(schema.products).set({ status: "archived" }).where(eq(schema.products.id, fx.products.towel));
    await cachedHarness.runtime.search.sync(cachedHarness.runtime.db, [fx.products.towel]);
    const cached = await cachedHarness.caller().search.query({ text: "sochiq" });
    expect(cached.items.map((i) => i.id)).toEqual([fx.products.towel]);
    expect(cached.queryId).not.toBe(first.queryId);
    // The index job bumps it: the next identical query is answered afresh.
    await syncProducts(c, [fx.products.towel]);
    const fresh = await cachedHarness.caller().search.query({ text: "sochiq" });
    expect(fresh.items.map((i) => i.id)).not.toContain(fx.products.towel);
  });
});
