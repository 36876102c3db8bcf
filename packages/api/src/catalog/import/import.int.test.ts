import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createAppRoutes } from "../../core/app-server";
import { createContextInner } from "../../core/context";
import { catalogImportJob } from "../../jobs/definitions/catalog-import";
import type { TestHarness } from "../../testing";
import { createTestHarness } from "../../testing";
import { BASE_COLUMNS } from "./csv-format";

let h: TestHarness;
let routes: ReturnType<typeof createAppRoutes>;
let vendorToken: string;
let otherVendorToken: string;
let vendorId: string;
let warehouseName: string;

beforeAll(async () => {
  const filesDir = await mkdtemp(path.join(tmpdir(), "um-import-"));
  h = await createTestHarness({ filesDir });
  await seedDatabase(h.database.url, { products: 20, filesDir });
  routes = createAppRoutes(async () => h.runtime, { exposeInternals: false, sessionCookieName: "c" });
  vendorToken = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).token;
  otherVendorToken = (await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD)).token;
  vendorId = ((await h.runtime.sql`select id from vendors where slug = 'toshkent-elektron'`) as unknown as [{ id: string }])[0].id;
  warehouseName = (
    (await h.runtime.sql`select name from warehouses where vendor_id = ${vendorId} order by created_at desc limit 1`) as unknown as [
      { name: string },
    ]
  )[0].name;
});
afterAll(async () => {
  await h?.close();
});

function upload(csv: string | Uint8Array, options: { token?: string; vendor?: string; name?: string } = {}) {
  const form = new FormData();
  form.set("vendorId", options.vendor ?? vendorId);
  form.set("file", new File([typeof csv === "string" ? csv : new Uint8Array(csv)], options.name ?? "catalog.csv"));
  return routes.uploadCatalogImport(
    new Request("http://localhost:3001/api/uploads/catalog-import", {
      method: "POST",
      body: form,
      headers: { cookie: `c=${options.token ?? vendorToken}`, origin: "http://localhost:3001" },
    }),
  );
}

/** Uploads the file and runs its job the way the worker does; returns the finished import. */
async function importFile(csv: string) {
  const response = await upload(csv);
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  const queued = (await h.runtime.sql`select data from pgboss.job where name = 'catalog-import'`) as unknown as {
    data: { importId: string };
  }[];
  expect(queued.map((j) => j.data.importId)).toContain(id);
  await catalogImportJob.handle(createContextInner(h.runtime), { importId: id }, { id: "test", attempt: 1 });
  const [row] = (await h.runtime.sql`select * from catalog_imports where id = ${id}`) as unknown as [Record<string, unknown>];
  const errors = (await h.runtime
    .sql`select line, field, message from catalog_import_errors where import_id = ${id} order by line`) as unknown as {
    line: number;
    field: string;
    message: string;
  }[];
  return { id, row, errors };
}

const HEADER = [...BASE_COLUMNS, "attr:origin", "attr:ram"];

/** A good row: product n (4 variants: 2 colours × 2 storage sizes), variant v. */
function goodRow(n: number, v: number): Record<string, string> {
  const colour = v % 2 === 0 ? "black" : "white";
  const storage = v < 2 ? "128GB" : "256GB";
  return {
    product_ref: `IMP-${n}`,
    category: "smartfonlar",
    title_uz: `Import smartfon ${n}`,
    title_ru: `Смартфон импорт ${n}`,
    title_en: "",
    description_uz: `Import qilingan smartfon ${n}, "qoʻshtirnoq" va vergul, bilan`,
    description_ru: "",
    description_en: "",
    brand: "Importex",
    tags: "import|test",
    ikpu_code: "08517001001000000",
    option1_name: "color",
    option1_value: colour,
    option2_name: "storage",
    option2_value: storage,
    option3_name: "",
    option3_value: "",
    sku: `IMP-${n}-${v}`,
    barcode: "",
    price: `${1_000_000 + n * 100 + v}`,
    compare_at_price: "",
    weight_grams: "180",
    warehouse: warehouseName,
    stock: String((n + v) % 7),
    "attr:origin": "cn",
    "attr:ram": "8GB",
  };
}

/** Ways to spoil a row, each refused with a message naming its column. */
const SPOILERS: ((row: Record<string, string>) => void)[] = [
  (r) => (r.price = "bir million"),
  (r) => (r.title_uz = ""),
  (r) => (r.sku = "bad sku!"),
  (r) => (r.category = "no-such-category"),
  (r) => (r.barcode = "12ab"),
  (r) => (r.ikpu_code = "123"),
  (r) => (r.warehouse = "Nowhere"),
  (r) => (r["attr:origin"] = "mars"),
  (r) => (r.stock = "-4"),
  (r) => (r.compare_at_price = "1"),
];

function buildFile(rows: number, badEvery: number) {
  const records: Record<string, string>[] = [];
  const badLines: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = goodRow(Math.floor(i / 4), i % 4);
    if (i % badEvery === badEvery - 1) {
      SPOILERS[badLines.length % SPOILERS.length]!(row);
      badLines.push(i + 2); // line 1 is the header
    }
    records.push(row);
  }
  return { csv: stringify(records, { header: true, columns: HEADER }), badLines };
}

async function catalogSnapshot() {
  const [products, variants, stock, movements, slugs] = await Promise.all([
    h.runtime.sql`select * from products where vendor_id = ${vendorId} order by id`,
    h.runtime.sql`select * from product_variants where vendor_id = ${vendorId} order by id`,
    h.runtime
      .sql`select s.* from stock_levels s join product_variants v on v.id = s.variant_id where v.vendor_id = ${vendorId} order by 1, 2`,
    h.runtime.sql`select count(*)::int as n from stock_movements`,
    h.runtime.sql`select * from product_slugs order by slug`,
  ]);
  return JSON.stringify([products, variants, stock, movements, slugs]);
}

describe("catalog CSV import", () => {
  it("imports 10,000 rows with 100 bad ones: 9,900 in, exactly the 100 reported by line; the same file again changes nothing", async () => {
    const { csv, badLines } = buildFile(10_000, 100);
    expect(badLines).toHaveLength(100);

    const first = await importFile(csv);
    expect(first.row).toMatchObject({ status: "succeeded", processed_rows: 10_000, created_variants: 9_900, error_rows: 100 });
    expect([...new Set(first.errors.map((e) => e.line))]).toEqual(badLines);
    expect(first.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["price", "title_uz", "sku", "category", "stock", "attr:origin"]),
    );
    const [{ count }] = (await h.runtime.sql`select count(*)::int as count from product_variants where sku like 'IMP-%'`) as unknown as [
      { count: number },
    ];
    expect(count).toBe(9_900);
    const [product] = (await h.runtime.sql`select * from products where external_ref = 'IMP-7'`) as unknown as [
      { status: string; options: { key: string; values: string[] }[]; min_price_amount: string; attributes: Record<string, string> },
    ];
    expect(product).toMatchObject({ status: "draft", attributes: { origin: "cn", ram: "8GB" } });
    expect(product.options.map((o) => [o.key, o.values])).toEqual([
      ["color", ["black", "white"]],
      ["storage", ["128GB", "256GB"]],
    ]);
    expect(Number(product.min_price_amount)).toBe((1_000_000 + 700) * 100);
    // Stock went through the ledger: counters equal the sums of movements.
    const drift = await h.runtime.sql`
      select s.variant_id from stock_levels s
      left join (select variant_id, warehouse_id, sum(on_hand_delta) as total from stock_movements group by 1, 2) m
        on m.variant_id = s.variant_id and m.warehouse_id = s.warehouse_id
      where s.on_hand <> coalesce(m.total, 0)`;
    expect(drift).toHaveLength(0);

    const before = await catalogSnapshot();
    const second = await importFile(csv);
    expect(second.row).toMatchObject({
      status: "succeeded",
      created_variants: 0,
      updated_variants: 0,
      unchanged_rows: 9_900,
      error_rows: 100,
    });
    expect(await catalogSnapshot()).toBe(before);
  }, 120_000);

  it("updates only what changed, and a material edit sends a published product back to review", async () => {
    await h.runtime.sql`update products set status = 'published', published_at = now() where external_ref = 'IMP-1'`;
    const rows = [0, 1, 2, 3].map((v) => goodRow(1, v));
    rows[0]!.price = "999000";
    rows[1]!.stock = "42";
    const result = await importFile(stringify(rows, { header: true, columns: HEADER }));
    expect(result.errors).toEqual([]);
    expect(result.row).toMatchObject({ updated_variants: 2, unchanged_rows: 2 });
    const [price] = (await h.runtime.sql`select price_amount::int as p from product_variants where sku = 'IMP-1-0'`) as unknown as [
      { p: number },
    ];
    expect(price.p).toBe(99_900_000);
    const [listed] = (await h.runtime
      .sql`select status, min_price_amount::int as m from products where external_ref = 'IMP-1'`) as unknown as [
      { status: string; m: number },
    ];
    // Prices and stock are not material: the product stays published, its listing price follows.
    expect(listed).toEqual({ status: "published", m: 99_900_000 });

    rows.forEach((r) => (r.title_uz = "Yangi nom"));
    await importFile(stringify(rows, { header: true, columns: HEADER }));
    const [after] = (await h.runtime.sql`select status from products where external_ref = 'IMP-1'`) as unknown as [{ status: string }];
    expect(after.status).toBe("pending_review");
  });

  it("refuses rows that disagree within the file or with the catalog", async () => {
    const rows = [goodRow(5000, 0), goodRow(5000, 1), goodRow(5000, 1), goodRow(5001, 0)];
    rows[1]!.brand = "Other"; // product columns differ from the first row
    rows[2]!.sku = "IMP-5000-9"; // same options as line 2 is fine only once
    rows[3]!.sku = "IMP-2-0"; // belongs to product IMP-2
    const { errors } = await importFile(stringify(rows, { header: true, columns: HEADER }));
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, "product_ref"],
      [5, "sku"],
    ]);
  });

  it("refuses files that are not a catalog CSV before queueing anything, and other vendors' imports", async () => {
    const before = (await h.runtime.sql`select count(*)::int as n from catalog_imports`) as unknown as [{ n: number }];
    const zip = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...new Array(60).fill(0)]), {
      name: "catalog.csv",
    });
    expect(zip.status).toBe(400);
    const noHeader = await upload("sku,price\nA,1\n");
    expect(noHeader.status).toBe(400);
    expect(JSON.stringify(await noHeader.json())).toContain("product_ref");
    const foreign = await upload(stringify([goodRow(1, 0)], { header: true, columns: HEADER }), { token: otherVendorToken });
    expect(foreign.status).toBe(404);
    const after = (await h.runtime.sql`select count(*)::int as n from catalog_imports`) as unknown as [{ n: number }];
    expect(after[0].n).toBe(before[0].n);
  });

  it("exports the catalog in the import format; importing the export changes nothing", async () => {
    const response = await routes.catalogExport(
      new Request(`http://localhost:3001/api/exports/catalog?vendorId=${vendorId}`, { headers: { cookie: `c=${vendorToken}` } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const [{ count }] = (await h.runtime.sql`
      select count(*)::int as count from product_variants v join products p on p.id = v.product_id
      where v.vendor_id = ${vendorId} and p.status <> 'archived'`) as unknown as [{ count: number }];
    expect(records).toHaveLength(count);
    expect(records.find((r) => r.sku === "IMP-1-0")).toMatchObject({ product_ref: "IMP-1", price: "999000", option1_name: "color" });

    const before = await catalogSnapshot();
    const again = await importFile(csv);
    expect(again.errors).toEqual([]);
    expect(again.row).toMatchObject({ created_variants: 0, updated_variants: 0 });
    expect(await catalogSnapshot()).toBe(before);

    const foreign = await routes.catalogExport(
      new Request(`http://localhost:3001/api/exports/catalog?vendorId=${vendorId}`, { headers: { cookie: `c=${otherVendorToken}` } }),
    );
    expect(foreign.status).toBe(404);
  });

  it("takes its stock locks in checkout's order, so a checkout holding one of them cannot deadlock with it", async () => {
    const created = await importFile(stringify([goodRow(7000, 0), goodRow(7001, 0)], { header: true, columns: HEADER }));
    expect(created.errors).toEqual([]);
    const variants = (await h.runtime.sql`
      select v.id, v.sku, s.warehouse_id from product_variants v join stock_levels s on s.variant_id = v.id
      where v.sku in ('IMP-7000-0', 'IMP-7001-0') order by v.id`) as unknown as { id: string; sku: string; warehouse_id: string }[];
    expect(variants).toHaveLength(2);
    const [first, second] = variants as [(typeof variants)[0], (typeof variants)[0]];
    // The file names the later variant (in checkout's lock order) first.
    const rowOf = (sku: string, stock: number) => ({ ...goodRow(Number(sku.slice(4, 8)), 0), stock: String(stock) });
    const file = stringify([rowOf(second.sku, 60), rowOf(first.sku, 50)], { header: true, columns: HEADER });

    // A checkout holds the first variant's stock row, as reserving does, while the import runs...
    let running: ReturnType<typeof importFile> | undefined;
    let secondLocked = false;
    await h.runtime.sql.begin(async (tx) => {
      await tx`select 1 from stock_levels where variant_id = ${first.id} for update`;
      running = importFile(file);
      running.catch(() => undefined); // awaited below, once this transaction has let go
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      // ...then asks for the second one. An import that had locked it in file order would now be waiting for the first:
      // a deadlock, and PostgreSQL would abort one of the two.
      await tx`select 1 from stock_levels where variant_id = ${second.id} for update`;
      secondLocked = true;
    });
    const imported = await running!;
    expect(secondLocked).toBe(true);
    expect(imported.errors).toEqual([]);
    const stock = (await h.runtime.sql`
      select v.sku, s.on_hand from stock_levels s join product_variants v on v.id = s.variant_id
      where v.sku in ('IMP-7000-0', 'IMP-7001-0') order by v.sku`) as unknown as { sku: string; on_hand: number }[];
    expect(Object.fromEntries(stock.map((row) => [row.sku, row.on_hand]))).toEqual({
      [first.sku]: 50,
      [second.sku]: 60,
    });
  });

  it("serves the error report as CSV with line numbers", async () => {
    const rows = [goodRow(6000, 0), { ...goodRow(6000, 1), price: "x" }];
    const { id } = await importFile(stringify(rows, { header: true, columns: HEADER }));
    const response = await routes.importErrorReport(
      new Request(`http://localhost:3001/api/imports/errors?vendorId=${vendorId}&importId=${id}`, {
        headers: { cookie: `c=${vendorToken}` },
      }),
    );
    expect(response.status).toBe(200);
    const report = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(report).toEqual([{ line: "3", sku: "IMP-6000-1", column: "price", error: expect.stringContaining("price") }]);
  });
});
