import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import type { TestHarness } from "../testing";
import { flushViews } from "./views";
import { createTestHarness } from "../testing";

let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 150, filesDir: await mkdtemp(path.join(tmpdir(), "um-files-")) });
});
afterAll(async () => {
  await h?.close();
});

describe("catalog.categoryTree", () => {
  it("returns the whole tree, localized, at least three levels deep", async () => {
    const uz = await h.caller().catalog.categoryTree({ locale: "uz" });
    const ru = await h.caller().catalog.categoryTree({ locale: "ru" });
    expect(uz.length).toBeGreaterThanOrEqual(6);
    expect(uz[0]?.title).toBe("Elektronika");
    expect(ru[0]?.title).toBe("Электроника");
    const leaf = uz[0]?.children[0]?.children[0];
    expect(leaf?.depth).toBe(2);
    expect(leaf?.slug).toBe("smartfonlar");
  });

  it("defaults to Uzbek without a locale", async () => {
    const tree = await h.caller().catalog.categoryTree();
    expect(tree[1]?.title).toBe("Maishiy texnika");
  });
});

describe("catalog.listProducts", () => {
  it("includes products of every descendant category", async () => {
    const caller = h.caller();
    const root = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100, sort: "newest" });
    const phones = await caller.catalog.listProducts({ categorySlug: "smartfonlar", limit: 100, sort: "newest" });
    const laptops = await caller.catalog.listProducts({ categorySlug: "noutbuklar", limit: 100, sort: "newest" });
    expect(phones.items.length).toBeGreaterThan(0);
    const rootIds = new Set(root.items.map((p) => p.id));
    for (const p of [...phones.items, ...laptops.items]) expect(rootIds).toContain(p.id);
    expect(root.items.length).toBeGreaterThan(phones.items.length + laptops.items.length);
  });

  it("pages by cursor through every published product exactly once, newest first", async () => {
    const caller = h.caller();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.catalog.listProducts({ limit: 17, sort: "newest", cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      expect(page.items.length).toBeLessThanOrEqual(17);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const [{ count }] = (await h.runtime.sql`select count(*)::int as count from products where status = 'published'`) as unknown as [
      { count: number },
    ];
    expect(seen.length).toBe(count);
  });

  it("sorts by price both ways, across pages", async () => {
    const caller = h.caller();
    const collect = async (sort: "price_asc" | "price_desc") => {
      const prices: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await caller.catalog.listProducts({ categorySlug: "maishiy-texnika", limit: 7, sort, cursor });
        prices.push(...page.items.map((p) => p.priceAmount));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return prices;
    };
    const asc = await collect("price_asc");
    const desc = await collect("price_desc");
    expect(asc.length).toBeGreaterThan(7);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(desc).toEqual([...asc].reverse());
  });

  it("gives localized titles, prices in minor units and a first image", async () => {
    const uz = await h.caller().catalog.listProducts({ categorySlug: "smartfonlar", limit: 5, sort: "newest", locale: "uz" });
    const ru = await h.caller().catalog.listProducts({ categorySlug: "smartfonlar", limit: 5, sort: "newest", locale: "ru" });
    expect(uz.items[0]?.title).toContain("Smartfon");
    expect(ru.items[0]?.title).toContain("Смартфон");
    expect(uz.items[0]?.id).toBe(ru.items[0]?.id);
    expect(uz.items[0]?.currency).toBe("UZS");
    expect(Number.isInteger(uz.items[0]?.priceAmount)).toBe(true);
    expect(uz.items[0]?.image?.url).toMatch(/^\/files\/seed\/.+\.webp$/);
  });

  it("answers NOT_FOUND for an unknown category", async () => {
    await expect(h.caller().catalog.listProducts({ categorySlug: "no-such-category", limit: 5, sort: "newest" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("catalog.productBySlug", () => {
  it("returns the product with variants, stock, breadcrumbs and vendor, in the asked language", async () => {
    const caller = h.caller();
    const [card] = (await caller.catalog.listProducts({ categorySlug: "smartfonlar", limit: 1, sort: "newest" })).items;
    const uz = await caller.catalog.productBySlug({ slug: card!.slug });
    const en = await caller.catalog.productBySlug({ slug: card!.slug, locale: "en" });
    expect(uz.id).toBe(card!.id);
    expect(uz.title).toBe(card!.title);
    expect(en.title).toContain("Smartphone");
    expect(uz.breadcrumbs.map((b) => b.slug)).toEqual(["elektronika", "telefonlar", "smartfonlar"]);
    expect(uz.variants.length).toBeGreaterThanOrEqual(2);
    expect(uz.variants.every((v) => v.sku.length > 0 && v.available >= 0)).toBe(true);
    expect(uz.priceAmount).toBe(Math.min(...uz.variants.map((v) => v.priceAmount)));
    expect(uz.vendor.slug).toMatch(/^[a-z-]+$/);
    expect(uz.images.length).toBeGreaterThan(0);
  });

  it("hides products that are not published", async () => {
    const [draft] = (await h.runtime.sql`select slug from products where status <> 'published' limit 1`) as unknown as [{ slug: string }];
    expect(draft).toBeDefined();
    await expect(h.caller().catalog.productBySlug({ slug: draft.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("catalog filters", () => {
  it("filters a category by price range, brand and stock, and reports its brands and price range", async () => {
    const caller = h.caller();
    const facets = await caller.catalog.categoryFilters({ categorySlug: "elektronika" });
    expect(facets.brands.length).toBeGreaterThan(1);
    expect(facets.priceMin).toBeLessThanOrEqual(facets.priceMax!);
    const all = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100 });

    const brand = facets.brands[0]!.brand;
    const byBrand = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100, filters: { brands: [brand] } });
    expect(byBrand.items.length).toBe(facets.brands[0]!.count);
    expect(byBrand.items.every((p) => p.brand === brand)).toBe(true);

    const middle = all.items.map((p) => p.priceAmount).sort((a, b) => a - b)[Math.floor(all.items.length / 2)]!;
    const cheap = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100, filters: { priceMax: middle } });
    const dear = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100, filters: { priceMin: middle + 1 } });
    expect(cheap.items.every((p) => p.priceAmount <= middle)).toBe(true);
    expect(dear.items.every((p) => p.priceAmount > middle)).toBe(true);
    expect(cheap.items.length + dear.items.length).toBe(all.items.length);

    const inStock = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100, filters: { inStock: true } });
    expect(inStock.items.every((p) => p.inStock)).toBe(true);
    expect(inStock.items.length).toBe(all.items.filter((p) => p.inStock).length);
  });

  it("refuses a price range that ends below its start", async () => {
    await expect(
      h.caller().catalog.listProducts({ categorySlug: "elektronika", limit: 10, filters: { priceMin: 500, priceMax: 100 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("category attributes and popularity", () => {
  it("offers the category's enum attributes with counts, and filters by them", async () => {
    const caller = h.caller();
    const facets = await caller.catalog.categoryFilters({ categorySlug: "smartfonlar", locale: "ru" });
    const origin = facets.attributes.find((a) => a.key === "origin")!;
    expect(origin.name).toBe("Страна производства");
    expect(facets.attributes.map((a) => a.key)).toContain("ram");
    const value = origin.values[0]!;
    const filtered = await caller.catalog.listProducts({
      categorySlug: "smartfonlar",
      limit: 100,
      filters: { attributes: { origin: [value.value] } },
    });
    expect(filtered.items.length).toBe(value.count);
    const ids = filtered.items.map((p) => p.id);
    const rows = (await h.runtime.sql`select attributes->>'origin' as origin from products where id = any(${ids}::uuid[])`) as unknown as {
      origin: string;
    }[];
    expect(rows.every((r) => r.origin === value.value)).toBe(true);
    // Two values of one attribute widen; two attributes narrow.
    const two = await caller.catalog.listProducts({
      categorySlug: "smartfonlar",
      limit: 100,
      filters: { attributes: { origin: origin.values.slice(0, 2).map((v) => v.value) } },
    });
    expect(two.items.length).toBe(origin.values.slice(0, 2).reduce((sum, v) => sum + v.count, 0));
  });

  it("sorts by popularity (views), most viewed first, across pages", async () => {
    const caller = h.caller();
    const views: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 9, sort: "popular", cursor });
      const ids = page.items.map((p) => p.id);
      const rows = (await h.runtime.sql`select id, view_count::int as views from products where id = any(${ids}::uuid[])`) as unknown as {
        id: string;
        views: number;
      }[];
      views.push(...ids.map((id) => rows.find((r) => r.id === id)!.views));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(views).toEqual([...views].sort((a, b) => b - a));
    const all = await caller.catalog.listProducts({ categorySlug: "elektronika", limit: 100 });
    expect(views.length).toBe(all.items.length);
  });

  it("keeps category listings in step with publishing, prices and moves", async () => {
    const sql = h.runtime.sql;
    const [product] = (await sql`select id, category_path from products where status = 'published' limit 1`) as unknown as {
      id: string;
      category_path: string;
    }[];
    const listed = async () =>
      (await sql`select category_id, min_price_amount::int as price from product_listings where product_id = ${product!.id}`) as unknown as {
        category_id: string;
        price: number;
      }[];
    expect((await listed()).map((l) => l.category_id).sort()).toEqual(product!.category_path.split("/").filter(Boolean).sort());
    await sql`update products set min_price_amount = 123400 where id = ${product!.id}`;
    expect((await listed()).every((l) => l.price === 123400)).toBe(true);
    await sql`update products set status = 'archived' where id = ${product!.id}`;
    expect(await listed()).toEqual([]);
    await sql`update products set status = 'published' where id = ${product!.id}`;
    expect((await listed()).length).toBe(product!.category_path.split("/").filter(Boolean).length);
  });
});

describe("product page attributes", () => {
  it("lists the product's attributes with names and values in the page's language", async () => {
    const [row] = (await h.runtime.sql`
      select p.slug from products p join categories c on c.id = p.category_id
      where p.status = 'published' and c.slug = 'smartfonlar' limit 1`) as unknown as { slug: string }[];
    const ru = await h.caller().catalog.productBySlug({ slug: row!.slug, locale: "ru" });
    const origin = ru.attributes.find((a) => a.key === "origin");
    expect(origin?.name).toBe("Страна производства");
    expect(["Узбекистан", "Китай", "Южная Корея", "Турция", "Германия"]).toContain(origin?.value);
    expect(ru.attributes.map((a) => a.key)).toEqual(["origin", "ram"]);
  });
});

describe("view counting", () => {
  it("counts views in the KV store, once per visitor per hour, and adds finished minutes to the product in one flush", async () => {
    const [product] = (await h.runtime
      .sql`select id, view_count::int as views from products where status = 'published' limit 1`) as unknown as {
      id: string;
      views: number;
    }[];
    const visitorA = h.caller(null, { ip: "203.0.113.1" });
    const visitorB = h.caller(null, { ip: "203.0.113.2" });
    expect(await visitorA.catalog.recordView({ productId: product!.id })).toEqual({ counted: true });
    expect(await visitorA.catalog.recordView({ productId: product!.id })).toEqual({ counted: false });
    expect(await visitorB.catalog.recordView({ productId: product!.id })).toEqual({ counted: true });
    const ctx = createContextInner(h.runtime);
    // The minute being counted is not flushed yet; no database write happened per view.
    expect(await flushViews(ctx)).toEqual({ buckets: 0, products: 0 });
    h.clock.advance(61_000);
    expect(await flushViews(ctx)).toEqual({ buckets: 1, products: 1 });
    expect(await flushViews(ctx)).toEqual({ buckets: 0, products: 0 });
    const [after] = (await h.runtime.sql`select view_count::int as views from products where id = ${product!.id}`) as unknown as {
      views: number;
    }[];
    expect(after!.views).toBe(product!.views + 2);
    const [listed] = (await h.runtime
      .sql`select distinct view_count::int as views from product_listings where product_id = ${product!.id}`) as unknown as {
      views: number;
    }[];
    expect(listed!.views).toBe(product!.views + 2);
  });
});

describe("category slugs per language", () => {
  it("names a category by its slug in each language and answers with the page language's slug", async () => {
    const caller = h.caller();
    const ru = await caller.catalog.categoryBySlug({ slug: "smartfony", locale: "ru" });
    expect(ru).toMatchObject({ slug: "smartfony", title: "Смартфоны", slugs: { uz: "smartfonlar", ru: "smartfony", en: "smartphones" } });
    // Reached by another language's slug, the answer names the page language's own (pages redirect to it).
    expect((await caller.catalog.categoryBySlug({ slug: "smartfonlar", locale: "en" })).slug).toBe("smartphones");
    expect(ru.breadcrumbs.map((b) => b.slug)).toEqual(["elektronika", "telefony-i-aksessuary", "smartfony"]);
    const tree = await caller.catalog.categoryTree({ locale: "en" });
    expect(tree[0]!.slug).toBe("electronics");
    const bySlug = async (slug: string) => (await caller.catalog.listProducts({ categorySlug: slug, limit: 100 })).items.map((p) => p.id);
    expect(await bySlug("smartphones")).toEqual(await bySlug("smartfonlar"));
  });

  it("refuses a slug another category uses in any language, and makes missing ones from the names", async () => {
    const admin = (await h.signIn("superadmin@ultramarket.uz", "ultramarket-demo-2026", "ULTRAMARKETSUPERADMINDEMOTWOSIXA")).caller;
    await expect(
      admin.adminCatalog.createCategory({ slug: "smartphones", name: { uz: "Yangi", ru: "Новая", en: "New" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      admin.adminCatalog.createCategory({
        slug: "planshetlar-2",
        slugs: { ru: "smartfony" },
        name: { uz: "Planshetlar", ru: "Планшеты", en: "Tablets" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { "slugs.ru": expect.any(Array) } } });
    const created = await admin.adminCatalog.createCategory({
      slug: "planshetlar-2",
      name: { uz: "Planshetlar", ru: "Планшеты", en: "Tablets" },
      description: { uz: "Planshetlar toʻplami", ru: "Планшеты", en: "" },
    });
    expect(created.slugs).toEqual({ uz: "planshetlar-2", ru: "planshety", en: "tablets" });
    const page = await h.caller().catalog.categoryBySlug({ slug: "planshety", locale: "uz" });
    expect(page).toMatchObject({ slug: "planshetlar-2", description: "Planshetlar toʻplami" });
  });
});

describe("archived categories", () => {
  it("hide themselves and everything below them from the storefront and the sitemap", async () => {
    const caller = h.caller();
    expect((await caller.catalog.categoryBySlug({ slug: "giloflar" })).slug).toBe("giloflar");
    await h.runtime.sql`update categories set archived_at = now() where slug = 'telefonlar'`;
    try {
      await expect(caller.catalog.categoryBySlug({ slug: "giloflar" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.catalog.categoryBySlug({ slug: "telefonlar" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const listed = (await caller.catalog.sitemapCategories()).map((c) => c.slug);
      expect(listed).not.toContain("giloflar");
      expect(listed).not.toContain("telefonlar");
      expect(listed).toContain("elektronika");
      const tree = await caller.catalog.categoryTree({ locale: "uz" });
      expect(tree[0]!.children.map((c) => c.slug)).not.toContain("telefonlar");
    } finally {
      await h.runtime.sql`update categories set archived_at = null where slug = 'telefonlar'`;
    }
  });
});
