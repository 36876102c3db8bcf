import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { newId, schema } from "@ultramarket/db";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import type { EngineQuery, SearchEngine } from "./engine";
import { foldText } from "./fold";
import type { SearchFixture } from "./testing-fixtures";
import { createSearchFixture, setStatus, setStock } from "./testing-fixtures";

/**
 * The behaviour every search engine must have, run against a real catalog in the test's own database. Each engine's
 * test file calls this; an engine that cannot run here (no server) passes `null` and a reason, and the suite is
 * skipped with the reason printed.
 */
export function describeEngineContract(label: string, makeEngine: () => SearchEngine | null, skipReason = "") {
  const engine = makeEngine();
  if (!engine) {
    console.warn(`[search contract] ${label}: skipped — ${skipReason}`);
    describe.skip(`search engine contract: ${label} (skipped: ${skipReason})`, () => {
      it("runs where the engine is available", () => undefined);
    });
    return;
  }

  describe(`search engine contract: ${label}`, () => {
    let h: TestHarness;
    let f: SearchFixture;
    const db = () => h.runtime.db;
    const q = (text: string, more: Partial<EngineQuery> = {}) =>
      engine.query(db(), { text, filters: {}, sort: "relevance", offset: 0, limit: 20, facets: false, match: "all", ...more });
    const ids = async (text: string, more: Partial<EngineQuery> = {}) => (await q(text, more)).productIds;

    beforeAll(async () => {
      h = await createTestHarness();
      f = await createSearchFixture(h.runtime.db);
      await engine.rebuild(db());
    });
    afterAll(async () => {
      await engine.close?.();
      await h?.close();
    });

    describe("indexing", () => {
      it("indexes every published product and nothing else", async () => {
        const stats = await engine.stats(db());
        expect(stats.documents).toBe(5);
        expect(stats.activeVersion).not.toBeNull();
        const all = await ids("", { limit: 50 });
        expect(new Set(all)).toEqual(
          new Set([f.products.galaxy, f.products.redmi, f.products.fridge, f.products.towel, f.products.iphone]),
        );
        expect(await ids("yashirin")).toEqual([]);
      });
    });

    describe("text", () => {
      it("finds products by title words, brand and category names", async () => {
        expect(await ids("galaxy")).toEqual([f.products.galaxy]);
        // The last word is a prefix: "smartfon" also finds the Redmi through its category, Smartfonlar.
        expect(new Set(await ids("smartfon"))).toEqual(new Set([f.products.galaxy, f.products.iphone, f.products.redmi]));
        expect(await ids("artel")).toEqual([f.products.fridge]);
        // The category's name (in any language) finds its products.
        expect(new Set(await ids("smartphones"))).toEqual(new Set([f.products.galaxy, f.products.redmi, f.products.iphone]));
        expect(await ids("текстиль")).toEqual([f.products.towel]);
      });

      it("needs every word, and completes the last one as a prefix", async () => {
        expect(await ids("samsung smartfon")).toEqual([f.products.galaxy]);
        expect(await ids("samsung muzlatgich")).toEqual([]);
        expect(await ids("sams")).toEqual([f.products.galaxy]);
        expect(await ids("galaxy a5")).toEqual([f.products.galaxy]);
      });

      it("ranks title matches above category and description matches", async () => {
        // "battery" is only in the Galaxy's description.
        expect(await ids("battery")).toEqual([f.products.galaxy]);
        // The Redmi is the most viewed, but "smartfon" is in the other two titles and only in its category's name.
        const found = await ids("smartfon");
        expect(found.slice(2)).toEqual([f.products.redmi]);
        // Among title matches, the more popular first.
        expect(found.slice(0, 2)).toEqual([f.products.galaxy, f.products.iphone]);
      });

      it("matches any word when asked to relax", async () => {
        expect(new Set(await ids("artel apple", { match: "any" }))).toEqual(new Set([f.products.fridge, f.products.iphone]));
      });
    });

    describe("transliteration and scripts", () => {
      it("meets Cyrillic and Latin spellings of the same word", async () => {
        expect(new Set(await ids("смартфон"))).toEqual(new Set([f.products.galaxy, f.products.iphone, f.products.redmi]));
        expect(new Set(await ids("смартфон samsung"))).toEqual(new Set([f.products.galaxy]));
        expect(await ids("телефон")).toEqual([f.products.redmi]);
        expect(await ids("telefon")).toEqual([f.products.redmi]);
        expect(await ids("самсунг")).toEqual([f.products.galaxy]);
        expect(await ids("xolodilnik")).toEqual([f.products.fridge]);
      });

      it("treats every apostrophe of oʻ/gʻ alike, and Uzbek Cyrillic like Latin", async () => {
        for (const spelling of ["Oʻzbekiston", "O'zbekiston", "O`zbekiston", "Oʼzbekiston", "O’zbekiston", "ozbekiston", "Ўзбекистон"])
          expect(await ids(`${spelling} sochiq`), spelling).toEqual([f.products.towel]);
      });

      it("stems Russian and English words", async () => {
        expect(await ids("холодильники")).toEqual([f.products.fridge]);
        expect(await ids("полотенца")).toEqual([f.products.towel]);
        expect(await ids("fridges")).toEqual([f.products.fridge]);
      });
    });

    describe("typos", () => {
      it("corrects one and two typos in longer words", async () => {
        expect(await ids("samsnug")).toEqual([f.products.galaxy]);
        expect(new Set(await ids("smartfn apple"))).toEqual(new Set([f.products.iphone]));
        expect(new Set(await ids("apple smartfn"))).toEqual(new Set([f.products.iphone]));
        expect(await ids("tilifon")).toEqual([f.products.redmi]);
        expect(await ids("muzlatgch")).toEqual([f.products.fridge]);
      });
    });

    describe("filters and facets", () => {
      it("filters by category with its descendants, brand, vendor, price, stock, rating and attributes", async () => {
        const all = { limit: 50 } as const;
        expect(new Set(await ids("", { ...all, filters: { categoryId: f.categories.electronics } }))).toEqual(
          new Set([f.products.galaxy, f.products.redmi, f.products.iphone]),
        );
        expect(new Set(await ids("", { ...all, filters: { categoryId: f.categories.home } }))).toEqual(
          new Set([f.products.fridge, f.products.towel]),
        );
        expect(new Set(await ids("", { ...all, filters: { brands: ["Samsung", "Apple"] } }))).toEqual(
          new Set([f.products.galaxy, f.products.iphone]),
        );
        expect(new Set(await ids("", { ...all, filters: { vendorIds: [f.vendors.b] } }))).toEqual(
          new Set([f.products.fridge, f.products.towel, f.products.iphone]),
        );
        expect(new Set(await ids("", { ...all, filters: { priceMin: 2_000_000_00, priceMax: 5_000_000_00 } }))).toEqual(
          new Set([f.products.galaxy, f.products.redmi]),
        );
        expect(await ids("telefon", { filters: { inStock: true } })).toEqual([]);
        expect(new Set(await ids("", { ...all, filters: { ratingMin: 4.5 } }))).toEqual(new Set([f.products.galaxy, f.products.iphone]));
        expect(await ids("", { ...all, filters: { attributes: { origin: ["kr"] } } })).toEqual([f.products.galaxy]);
        expect(new Set(await ids("", { ...all, filters: { attributes: { origin: ["kr", "cn"] } } }))).toEqual(
          new Set([f.products.galaxy, f.products.redmi]),
        );
      });

      it("counts facets over the matches", async () => {
        const result = await q("", { facets: true, filters: { categoryId: f.categories.electronics } });
        expect(result.total).toBe(3);
        const facets = result.facets!;
        expect(Object.fromEntries(facets.brands.map((b) => [b.value, b.count]))).toEqual({ Samsung: 1, Xiaomi: 1, Apple: 1 });
        expect(facets.categoryIds).toEqual([{ id: f.categories.phones, count: 3 }]);
        expect(facets.price).toEqual({ min: 2_900_000_00, max: 12_000_000_00 });
        expect(facets.inStock).toBe(2);
        expect(facets.ratings.find((r) => r.atLeast === 4)?.count).toBe(3);
        expect(facets.attributeValues["origin=kr"]).toBe(1);
        expect(Object.fromEntries(facets.vendorIds.map((v) => [v.id, v.count]))).toEqual({ [f.vendors.a]: 2, [f.vendors.b]: 1 });
      });

      it("keeps other brands in the brand facet when one brand is chosen", async () => {
        const result = await q("smartfon", { facets: true, filters: { brands: ["Apple"] } });
        expect(result.productIds).toEqual([f.products.iphone]);
        expect(result.total).toBe(1);
        expect(result.facets!.brands.map((b) => b.value).sort()).toEqual(["Apple", "Samsung", "Xiaomi"]);
      });
    });

    describe("sort and paging", () => {
      it("sorts by price both ways, newest and rating", async () => {
        const phones = { filters: { categoryId: f.categories.phones }, limit: 10 };
        expect(await ids("", { ...phones, sort: "price_asc" })).toEqual([f.products.redmi, f.products.galaxy, f.products.iphone]);
        expect(await ids("", { ...phones, sort: "price_desc" })).toEqual([f.products.iphone, f.products.galaxy, f.products.redmi]);
        expect(await ids("", { ...phones, sort: "newest" })).toEqual([f.products.iphone, f.products.galaxy, f.products.redmi]);
        expect(await ids("", { ...phones, sort: "rating" })).toEqual([f.products.iphone, f.products.galaxy, f.products.redmi]);
        // Without text, relevance is popularity.
        expect(await ids("", { ...phones, sort: "relevance" })).toEqual([f.products.redmi, f.products.galaxy, f.products.iphone]);
      });

      it("pages with offset and limit, with the total", async () => {
        const first = await q("", { sort: "price_asc", limit: 2 });
        const second = await q("", { sort: "price_asc", limit: 2, offset: 2 });
        const third = await q("", { sort: "price_asc", limit: 2, offset: 4 });
        expect(first.total).toBe(5);
        expect([...first.productIds, ...second.productIds, ...third.productIds]).toEqual([
          f.products.towel,
          f.products.redmi,
          f.products.galaxy,
          f.products.fridge,
          f.products.iphone,
        ]);
      });
    });

    describe("suggest", () => {
      it("suggests the most popular products for a prefix", async () => {
        expect((await engine.suggestProducts(db(), "sams", 5)).productIds).toEqual([f.products.galaxy]);
        // Most viewed first: the Redmi (its category is Smartfonlar), the Galaxy, the iPhone.
        expect((await engine.suggestProducts(db(), "смарт", 5)).productIds).toEqual([
          f.products.redmi,
          f.products.galaxy,
          f.products.iphone,
        ]);
        expect((await engine.suggestProducts(db(), "смарт", 2)).productIds).toEqual([f.products.redmi, f.products.galaxy]);
        expect((await engine.suggestProducts(db(), "zzzz", 5)).productIds).toEqual([]);
      });

      it("suggests products matching every word typed, the last as a prefix", async () => {
        expect((await engine.suggestProducts(db(), "samsung gal", 5)).productIds).toEqual([f.products.galaxy]);
        expect((await engine.suggestProducts(db(), "smartfon sams", 5)).productIds).toEqual([f.products.galaxy]);
        expect((await engine.suggestProducts(db(), "samsung muzl", 5)).productIds).toEqual([]);
      });
    });

    describe("synonyms", () => {
      it("finds products by a synonym once the group exists", async () => {
        expect(await ids("sovutgich")).toEqual([]);
        await db()
          .insert(schema.searchSynonyms)
          .values({ id: newId(), terms: ["sovutgich", "muzlatgich"], foldedTerms: ["sovutgich", "muzlatgich"] });
        await engine.applySynonyms(db());
        expect(await ids("sovutgich")).toEqual([f.products.fridge]);
        await db().delete(schema.searchSynonyms);
        await engine.applySynonyms(db());
        expect(await ids("sovutgich")).toEqual([]);
      });
    });

    describe("changes", () => {
      it("removes unpublished products and marks stock changes on sync", async () => {
        await setStock(db(), f.variants.galaxy, 0);
        await engine.sync(db(), [f.products.galaxy]);
        expect(await ids("galaxy", { filters: { inStock: true } })).toEqual([]);
        expect(await ids("galaxy")).toEqual([f.products.galaxy]);
        await setStatus(db(), f.products.galaxy, "archived");
        await engine.sync(db(), [f.products.galaxy]);
        expect(await ids("galaxy")).toEqual([]);
        await setStatus(db(), f.products.galaxy, "published");
        await setStock(db(), f.variants.galaxy, 5);
        await engine.sync(db(), [f.products.galaxy]);
        expect(await ids("galaxy", { filters: { inStock: true } })).toEqual([f.products.galaxy]);
      });

      it("indexes a title change", async () => {
        await db().execute(sql`
          update products set title = jsonb_set(title, '{uz}', '"Artel muzlatgich HD 455 Premium"') where id = ${f.products.fridge}`);
        expect(await ids("premium")).toEqual([]);
        await engine.sync(db(), [f.products.fridge]);
        expect(await ids("premium")).toEqual([f.products.fridge]);
      });

      it("swaps in a rebuilt index version with the same results", async () => {
        const before = await engine.stats(db());
        const beforeIds = await ids("smartfon");
        const rebuilt = await engine.rebuild(db());
        expect(rebuilt.version).not.toBe(before.activeVersion);
        expect(rebuilt.documents).toBe(5);
        const after = await engine.stats(db());
        expect(after.activeVersion).toBe(rebuilt.version);
        expect(after.building).toBeNull();
        expect(new Set(await ids("smartfon"))).toEqual(new Set(beforeIds));
        expect(await ids("premium")).toEqual([f.products.fridge]);
      });
    });

    it("folds queries the way the index folds documents", () => {
      expect(foldText("Ўзбекистон")).toBe("ozbekiston");
    });
  });
}
