import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

let h: TestHarness;
type Caller = Awaited<ReturnType<TestHarness["signIn"]>>["caller"];
let vendorA: Caller;
let vendorB: Caller;
let admin: Caller;
let vendorAId: string;
let vendorBId: string;
let leafCategoryId: string;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 20, filesDir: "/tmp/ultramarket-test-files" });
  vendorA = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).caller;
  vendorB = (await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD)).caller;
  admin = (await h.signIn("superadmin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETSUPERADMINDEMOTWOSIXA")).caller;
  const id = async (query: Promise<unknown>) => ((await query) as [{ id: string }])[0].id;
  vendorAId = await id(h.runtime.sql`select id from vendors where slug = 'toshkent-elektron'`);
  vendorBId = await id(h.runtime.sql`select id from vendors where slug = 'samarqand-savdo'`);
  leafCategoryId = await id(h.runtime.sql`select id from categories where slug = 'smartfonlar'`);
});
afterAll(async () => {
  await h?.close();
});

const phone = (sku: string) => ({
  categoryId: leafCategoryId,
  title: { uz: "Smartfon Nova X", ru: "Смартфон Nova X", en: "Nova X smartphone" },
  description: { uz: "Yangi smartfon", ru: "Новый смартфон", en: "A new phone" },
  brand: "Nova",
  ikpuCode: "08517001001000000",
  options: [
    { key: "color", name: { uz: "Rang", ru: "Цвет", en: "Colour" }, values: ["black", "white"] },
    { key: "storage", name: { uz: "Xotira", ru: "Память", en: "Storage" }, values: ["128GB", "256GB"] },
  ],
  variants: [
    { sku: `${sku}-BK-128`, options: { color: "black", storage: "128GB" }, priceAmount: 299_900_000 },
    { sku: `${sku}-BK-256`, options: { color: "black", storage: "256GB" }, priceAmount: 339_900_000 },
    { sku: `${sku}-WH-128`, options: { color: "white", storage: "128GB" }, priceAmount: 299_900_000, compareAtAmount: 319_900_000 },
    { sku: `${sku}-WH-256`, options: { color: "white", storage: "256GB" }, priceAmount: 339_900_000 },
  ],
});

describe("vendor products", () => {
  it("creates a product with two options and four variants, as a draft with slugs per language", async () => {
    const product = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("NOVA") });
    expect(product.status).toBe("draft");
    expect(product.minPriceAmount).toBe(299_900_000);
    const full = await vendorA.vendorCatalog.getProduct({ vendorId: vendorAId, productId: product.id });
    expect(full.variants).toHaveLength(4);
    const slugOf = (locale: string) => full.slugs.find((s) => s.locale === locale)?.slug;
    expect(full.slug).toBe("smartfon-nova-x");
    expect(slugOf("uz")).toBe("smartfon-nova-x");
    expect(slugOf("en")).toBe("nova-x-smartphone");
    // The Russian title transliterates to the Uzbek slug, so it gets a distinct one.
    expect(slugOf("ru")).toMatch(/^smartfon-nova-x-[a-z0-9]{5}$/);
  });

  it("keeps SKUs unique per vendor (another vendor may reuse them)", async () => {
    const error = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("NOVA") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as { cause: { fieldErrors: Record<string, string[]> } }).cause.fieldErrors).toHaveProperty(["variants.0.sku"]);
    const reused = await vendorB.vendorCatalog.createProduct({ vendorId: vendorBId, ...phone("NOVA") });
    expect(reused.vendorId).toBe(vendorBId);
  });

  it("refuses variants that do not match the options, with field errors", async () => {
    const input = phone("BAD");
    input.variants[1] = { ...input.variants[1]!, options: { color: "black", storage: "128GB" } };
    input.variants[2] = { ...input.variants[2]!, options: { color: "purple", storage: "128GB" } as never };
    const error = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...input }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const fields = (error as { cause: { fieldErrors: Record<string, string[]> } }).cause.fieldErrors;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["variants.1.options", "variants.2.options.color"]));
  });

  it("answers NOT_FOUND for another vendor's products, variants and warehouses", async () => {
    const mine = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("PRIV") });
    const full = await vendorA.vendorCatalog.getProduct({ vendorId: vendorAId, productId: mine.id });
    const [warehouse] = await vendorA.vendorCatalog.warehouses({ vendorId: vendorAId });
    // Through their own vendor scope, vendor B cannot see A's rows.
    await expect(vendorB.vendorCatalog.getProduct({ vendorId: vendorBId, productId: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(vendorB.vendorCatalog.updateProduct({ vendorId: vendorBId, productId: mine.id, brand: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(vendorB.vendorCatalog.submitForReview({ vendorId: vendorBId, productId: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      vendorB.vendorCatalog.updateVariant({ vendorId: vendorBId, variantId: full.variants[0]!.id, priceAmount: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      vendorB.vendorCatalog.updateWarehouse({
        vendorId: vendorBId,
        warehouseId: warehouse!.id,
        name: "Hijacked",
        region: "bukhara",
        address: "Somewhere 1",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // And naming A's vendor id is refused at the scope.
    await expect(vendorB.vendorCatalog.getProduct({ vendorId: vendorAId, productId: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(vendorB.vendorCatalog.listProducts({ vendorId: vendorAId, limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await vendorB.vendorCatalog.listProducts({ vendorId: vendorBId, limit: 100 });
    expect(list.items.map((p) => p.id)).not.toContain(mine.id);
  });
});

describe("moderation", () => {
  it("goes draft → review → published, refuses illegal moves, and sends material edits back to review", async () => {
    const product = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("MOD") });
    await expect(admin.adminCatalog.moderate({ productId: product.id, decision: "approve" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await vendorA.vendorCatalog.submitForReview({ vendorId: vendorAId, productId: product.id });
    const queue = await admin.adminCatalog.reviewQueue({ limit: 50 });
    expect(queue.items.map((p) => p.id)).toContain(product.id);
    await expect(admin.adminCatalog.moderate({ productId: product.id, decision: "reject" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(vendorA.adminCatalog.moderate({ productId: product.id, decision: "approve" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const published = await admin.adminCatalog.moderate({ productId: product.id, decision: "approve" });
    expect(published.status).toBe("published");
    expect((await h.caller().catalog.productBySlug({ slug: published.slug })).id).toBe(product.id);
    await expect(admin.adminCatalog.moderate({ productId: product.id, decision: "approve" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    // A price change is not material; a new title is.
    const full = await vendorA.vendorCatalog.getProduct({ vendorId: vendorAId, productId: product.id });
    await vendorA.vendorCatalog.updateVariant({ vendorId: vendorAId, variantId: full.variants[0]!.id, priceAmount: 279_900_000 });
    expect((await vendorA.vendorCatalog.getProduct({ vendorId: vendorAId, productId: product.id })).status).toBe("published");
    const edited = await vendorA.vendorCatalog.updateProduct({
      vendorId: vendorAId,
      productId: product.id,
      title: { uz: "Smartfon Nova X Pro", ru: "Смартфон Nova X Pro", en: "Nova X Pro" },
    });
    expect(edited.status).toBe("pending_review");

    await admin.adminCatalog.moderate({ productId: product.id, decision: "approve" });
    const unpublished = await admin.adminCatalog.moderate({ productId: product.id, decision: "unpublish", reason: "Rasmlar sifatsiz" });
    expect(unpublished).toMatchObject({ status: "draft", moderationNote: "Rasmlar sifatsiz" });
    const audit = await admin.audit.list({ targetId: product.id, limit: 20 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["product.submitted", "product.approved", "product.resubmitted", "product.unpublished"]),
    );
  });
});

describe("slugs", () => {
  it("keeps old slugs and other-language slugs as redirects to the current one", async () => {
    const product = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("SLUG") });
    await vendorA.vendorCatalog.submitForReview({ vendorId: vendorAId, productId: product.id });
    await admin.adminCatalog.moderate({ productId: product.id, decision: "approve" });
    const { slugs } = await vendorA.vendorCatalog.getProduct({ vendorId: vendorAId, productId: product.id });
    const ruSlug = slugs.find((s) => s.locale === "ru")!.slug;

    await vendorA.vendorCatalog.setSlug({ vendorId: vendorAId, productId: product.id, locale: "uz", slug: "nova-x-yangi" });
    await expect(h.caller().catalog.productBySlug({ slug: product.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.caller().catalog.redirectForSlug({ slug: product.slug })).toEqual({ slug: "nova-x-yangi" });
    expect(await h.caller().catalog.redirectForSlug({ slug: ruSlug })).toEqual({ slug: "nova-x-yangi" });
    expect((await h.caller().catalog.productBySlug({ slug: "nova-x-yangi" })).id).toBe(product.id);
    expect(await h.caller().catalog.redirectForSlug({ slug: "no-such-slug" })).toBeNull();
    await expect(
      vendorB.vendorCatalog.setSlug({ vendorId: vendorBId, productId: product.id, locale: "uz", slug: "stolen" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("category tree", () => {
  it("moves a subtree with its products, keeping every path right", async () => {
    const roots = await h.caller().catalog.categoryTree();
    const electronics = roots.find((r) => r.slug === "elektronika")!;
    const appliances = roots.find((r) => r.slug === "maishiy-texnika")!;
    const gadgets = await admin.adminCatalog.createCategory({
      parentId: electronics.id,
      slug: "gadjetlar",
      name: { uz: "Gadjetlar", ru: "Гаджеты", en: "Gadgets" },
    });
    const watches = await admin.adminCatalog.createCategory({
      parentId: gadgets.id,
      slug: "soatlar",
      name: { uz: "Aqlli soatlar", ru: "Умные часы", en: "Smart watches" },
    });
    const watch = await vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("WATCH"), categoryId: watches.id });
    await vendorA.vendorCatalog.submitForReview({ vendorId: vendorAId, productId: watch.id });
    await admin.adminCatalog.moderate({ productId: watch.id, decision: "approve" });
    const inTree = async (slug: string) =>
      (await h.caller().catalog.listProducts({ categorySlug: slug, limit: 100 })).items.map((p) => p.id);
    expect(await inTree("elektronika")).toContain(watch.id);

    await expect(admin.adminCatalog.moveCategory({ categoryId: gadgets.id, parentId: watches.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await admin.adminCatalog.moveCategory({ categoryId: gadgets.id, parentId: appliances.id });
    expect(await inTree("elektronika")).not.toContain(watch.id);
    expect(await inTree("maishiy-texnika")).toContain(watch.id);
    expect(await inTree("soatlar")).toContain(watch.id);

    const rows = (await h.runtime
      .sql`select slug, path, depth from categories where slug in ('gadjetlar', 'soatlar') order by depth`) as unknown as {
      slug: string;
      path: string;
      depth: number;
    }[];
    expect(rows[0]).toMatchObject({ path: `/${appliances.id}/${gadgets.id}/`, depth: 1 });
    expect(rows[1]).toMatchObject({ path: `/${appliances.id}/${gadgets.id}/${watches.id}/`, depth: 2 });
    const [productRow] = (await h.runtime.sql`select category_path from products where id = ${watch.id}`) as unknown as [
      { category_path: string },
    ];
    expect(productRow.category_path).toBe(rows[1]!.path);
  });

  it("takes no new products in an archived category", async () => {
    const category = await admin.adminCatalog.createCategory({ slug: "eski", name: { uz: "Eski", ru: "Старое", en: "Old" } });
    await admin.adminCatalog.archiveCategory({ categoryId: category.id });
    await expect(
      vendorA.vendorCatalog.createProduct({ vendorId: vendorAId, ...phone("ARCH"), categoryId: category.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("console product lists", () => {
  it("filters a vendor's products by stock and finds them by SKU", async () => {
    const inStock = await vendorA.vendorCatalog.listProducts({ vendorId: vendorAId, stock: "in_stock", limit: 100 });
    const outOfStock = await vendorA.vendorCatalog.listProducts({ vendorId: vendorAId, stock: "out_of_stock", limit: 100 });
    const all = await vendorA.vendorCatalog.listProducts({ vendorId: vendorAId, limit: 100 });
    expect(inStock.items.every((p) => p.available > 0)).toBe(true);
    expect(outOfStock.items.every((p) => p.available === 0)).toBe(true);
    expect(inStock.items.length + outOfStock.items.length).toBe(all.items.length);
    const [variant] = (await h.runtime
      .sql`select sku, product_id from product_variants where vendor_id = ${vendorAId} limit 1`) as unknown as {
      sku: string;
      product_id: string;
    }[];
    const found = await vendorA.vendorCatalog.listProducts({ vendorId: vendorAId, search: variant!.sku.toLowerCase(), limit: 10 });
    expect(found.items.map((p) => p.id)).toContain(variant!.product_id);
  });

  it("lets staff list every vendor's products, filtered by vendor", async () => {
    const everyone = await admin.adminCatalog.products({ limit: 100 });
    expect(new Set(everyone.items.map((p) => p.vendor.id)).size).toBeGreaterThan(1);
    const onlyA = await admin.adminCatalog.products({ vendorId: vendorAId, limit: 100 });
    expect(onlyA.items.length).toBeGreaterThan(0);
    expect(onlyA.items.every((p) => p.vendor.id === vendorAId)).toBe(true);
    await expect(vendorA.adminCatalog.products({ limit: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
