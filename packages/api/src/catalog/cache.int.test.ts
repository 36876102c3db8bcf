import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import { catalogCacheJob } from "../jobs/definitions/catalog-cache";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

const ADMIN_TOTP = "ULTRAMARKETADMINDEMOKEYTWOSIXAAA";
let h: TestHarness;
type Caller = Awaited<ReturnType<TestHarness["signIn"]>>["caller"];
let vendor: Caller;
let admin: Caller;
let vendorId: string;
let product: { id: string; slug: string };

beforeAll(async () => {
  h = await createTestHarness({ catalogCache: true });
  await seedDatabase(h.database.url, { products: 40, filesDir: "/tmp/ultramarket-test-files" });
  vendor = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).caller;
  admin = (await h.signIn("admin@ultramarket.uz", DEMO_PASSWORD, ADMIN_TOTP)).caller;
  vendorId = ((await h.runtime.sql`select id from vendors where slug = 'toshkent-elektron'`) as unknown as [{ id: string }])[0].id;
  [product] = (await h.runtime.sql`
    select p.id, p.slug from products p join categories c on c.id = p.category_id
    where p.vendor_id = ${vendorId} and p.status = 'published' and c.slug = 'smartfonlar' limit 1`) as unknown as [
    { id: string; slug: string },
  ];
});
afterAll(async () => {
  await h?.close();
});

/** Runs the queued invalidation jobs the way the worker would, and reports how many there were. */
async function runInvalidations(): Promise<number> {
  const jobs = (await h.runtime.sql`
    delete from pgboss.job where name = ${catalogCacheJob.name} and state = 'created' returning id, data`) as unknown as {
    id: string;
    data: unknown;
  }[];
  for (const job of jobs) {
    await catalogCacheJob.handle(createContextInner(h.runtime), catalogCacheJob.schema.parse(job.data), { id: job.id, attempt: 1 });
  }
  return jobs.length;
}

describe("catalog cache", () => {
  it("serves product pages from the KV store, with stock always live", async () => {
    const shopper = h.caller();
    const first = await shopper.catalog.productBySlug({ slug: product.slug, locale: "uz" });
    // A change behind the API's back is not seen: the page came from the cache...
    await h.runtime.sql`update products set title = jsonb_set(title, '{uz}', '"Yashirin oʻzgarish"') where id = ${product.id}`;
    await h.runtime.sql`update stock_levels set on_hand = on_hand + 5 where variant_id = ${first.variants[0]!.id}`;
    const second = await shopper.catalog.productBySlug({ slug: product.slug, locale: "uz" });
    expect(second.title).toBe(first.title);
    // ...but stock is read live on every request.
    expect(second.variants[0]!.available).toBe(first.variants[0]!.available + 5);
  });

  it("drops a product page when a change commits and its job runs, not before", async () => {
    await runInvalidations();
    const shopper = h.caller();
    await vendor.vendorCatalog.updateProduct({ vendorId, productId: product.id, brand: "Keshsiz" });
    const beforeJob = await shopper.catalog.productBySlug({ slug: product.slug, locale: "uz" });
    expect(beforeJob.brand).not.toBe("Keshsiz");
    expect(await runInvalidations()).toBe(1);
    const afterJob = await shopper.catalog.productBySlug({ slug: product.slug, locale: "uz" });
    expect(afterJob.brand).toBe("Keshsiz");
  });

  it("leaves no invalidation job behind when the change is refused", async () => {
    await runInvalidations();
    await expect(
      vendor.vendorCatalog.updateVariant({
        vendorId,
        variantId: (await h.caller().catalog.productBySlug({ slug: product.slug })).variants[0]!.id,
        priceAmount: 100,
        compareAtAmount: 50,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await runInvalidations()).toBe(0);
  });

  it("updates category listings after moderation, through the job", async () => {
    const shopper = h.caller();
    const listed = async () =>
      (await shopper.catalog.listProducts({ categorySlug: "smartfonlar", limit: 100 })).items.some((p) => p.id === product.id);
    expect(await listed()).toBe(true);
    await admin.adminCatalog.moderate({ productId: product.id, decision: "unpublish", reason: "Rasmlar sifatsiz" });
    expect(await listed()).toBe(true); // cached until the job runs
    await runInvalidations();
    expect(await listed()).toBe(false);
    await expect(shopper.catalog.productBySlug({ slug: product.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("renames categories in the cached tree after the job", async () => {
    const shopper = h.caller();
    const tree = await shopper.catalog.categoryTree({ locale: "uz" });
    const root = tree[0]!;
    await admin.adminCatalog.updateCategory({
      categoryId: root.id,
      name: { uz: "Elektron jihozlar", ru: "Электроника", en: "Electronics" },
    });
    expect((await shopper.catalog.categoryTree({ locale: "uz" }))[0]!.title).toBe(root.title);
    await runInvalidations();
    expect((await shopper.catalog.categoryTree({ locale: "uz" }))[0]!.title).toBe("Elektron jihozlar");
    expect((await shopper.catalog.categoryBySlug({ slug: root.slug, locale: "uz" })).title).toBe("Elektron jihozlar");
  });
});
