import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { InvalidState } from "../core/errors";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { applyMovements, moveStock } from "./ledger";

let h: TestHarness;
type Caller = Awaited<ReturnType<TestHarness["signIn"]>>["caller"];
let vendorA: Caller;
let vendorB: Caller;
let vendorAId: string;
let vendorBId: string;
let variantId: string;
let productId: string;
let warehouseId: string;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 20, filesDir: "/tmp/ultramarket-test-files" });
  vendorA = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).caller;
  vendorB = (await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD)).caller;
  const one = async (query: Promise<unknown>) => ((await query) as [{ id: string }])[0].id;
  vendorAId = await one(h.runtime.sql`select id from vendors where slug = 'toshkent-elektron'`);
  vendorBId = await one(h.runtime.sql`select id from vendors where slug = 'samarqand-savdo'`);
  const [row] = (await h.runtime
    .sql`select v.id as variant_id, v.product_id from product_variants v where v.vendor_id = ${vendorAId} limit 1`) as unknown as [
    { variant_id: string; product_id: string },
  ];
  variantId = row.variant_id;
  productId = row.product_id;
  warehouseId = await one(h.runtime.sql`select id from warehouses where vendor_id = ${vendorAId} order by created_at limit 1`);
});
afterAll(async () => {
  await h?.close();
});

async function ledgerMatchesCounters(): Promise<boolean> {
  const [row] = (await h.runtime.sql`
    select count(*)::int as mismatches from stock_levels s
    left join (select variant_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
               from stock_movements group by 1, 2) m using (variant_id, warehouse_id)
    where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)`) as unknown as [{ mismatches: number }];
  return row.mismatches === 0;
}

describe("stock adjustments", () => {
  it("starts with counters equal to the ledger (the seed opens it with receipts)", async () => {
    expect(await ledgerMatchesCounters()).toBe(true);
  });

  it("receives, corrects and sets stock, writing a movement for each change", async () => {
    await vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, setOnHand: 10, reason: "Stock count" });
    const received = await vendorA.inventory.adjust({
      vendorId: vendorAId,
      variantId,
      warehouseId,
      delta: 5,
      kind: "receipt",
      reason: "Delivery #42",
    });
    expect(received.level.onHand).toBe(15);
    const corrected = await vendorA.inventory.adjust({
      vendorId: vendorAId,
      variantId,
      warehouseId,
      delta: -3,
      reason: "Damaged in storage",
    });
    expect(corrected.level.onHand).toBe(12);
    const levels = await vendorA.inventory.levels({ vendorId: vendorAId, productId });
    expect(levels.find((l) => l.variantId === variantId && l.warehouseId === warehouseId)).toMatchObject({ onHand: 12, available: 12 });
    const movements = await vendorA.inventory.movements({ vendorId: vendorAId, variantId, limit: 3 });
    expect(movements.items.map((m) => [m.kind, m.onHandDelta, m.reason])).toEqual([
      ["adjustment", -3, "Damaged in storage"],
      ["receipt", 5, "Delivery #42"],
      expect.arrayContaining(["adjustment"]),
    ]);
    expect(await ledgerMatchesCounters()).toBe(true);
  });

  it("never lets on-hand fall below reserved, and changes nothing when refused", async () => {
    await vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, setOnHand: 4, reason: "Stock count" });
    await h.runtime.sql`update stock_levels set reserved = 3 where variant_id = ${variantId} and warehouse_id = ${warehouseId}`;
    await h.runtime
      .sql`insert into stock_movements (id, variant_id, warehouse_id, kind, reserved_delta, reason) values (gen_random_uuid(), ${variantId}, ${warehouseId}, 'reservation', 3, 'test order')`;
    await expect(
      vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, delta: -2, reason: "Too much" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, setOnHand: 2, reason: "Too much" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const levels = await vendorA.inventory.levels({ vendorId: vendorAId, productId });
    expect(levels.find((l) => l.variantId === variantId && l.warehouseId === warehouseId)).toMatchObject({
      onHand: 4,
      reserved: 3,
      available: 1,
    });
    expect(await ledgerMatchesCounters()).toBe(true);
  });

  it("stays exact under 20 concurrent adjustments", async () => {
    await vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, setOnHand: 100, reason: "Stock count" });
    const before = (await vendorA.inventory.levels({ vendorId: vendorAId, productId })).find(
      (l) => l.variantId === variantId && l.warehouseId === warehouseId,
    )!;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, delta: i % 2 ? 2 : -1, reason: `Concurrent ${i}` }),
      ),
    );
    const after = (await vendorA.inventory.levels({ vendorId: vendorAId, productId })).find(
      (l) => l.variantId === variantId && l.warehouseId === warehouseId,
    )!;
    expect(after.onHand).toBe(before.onHand + 10);
    expect(await ledgerMatchesCounters()).toBe(true);
  });

  it("keeps the ledger append-only and other vendors out", async () => {
    await expect(h.runtime.sql`delete from stock_movements`).rejects.toThrow(/append-only/);
    await expect(
      vendorB.inventory.adjust({ vendorId: vendorBId, variantId, warehouseId, delta: 1, reason: "Not mine" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendorB.inventory.movements({ vendorId: vendorBId, variantId, limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(vendorB.inventory.levels({ vendorId: vendorAId, productId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await vendorB.inventory.levels({ vendorId: vendorBId, productId })).toEqual([]);
  });

  it("refuses an adjustment without a reason or with both forms, with field errors", async () => {
    await expect(vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, delta: 1, reason: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      vendorA.inventory.adjust({ vendorId: vendorAId, variantId, warehouseId, delta: 1, setOnHand: 3, reason: "Both" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("bulk price and stock edit", () => {
  async function twoVariants() {
    return (await h.runtime.sql`
      select v.id, v.product_id, v.price_amount::int as price from product_variants v
      where v.vendor_id = ${vendorAId} order by v.sku limit 2`) as unknown as { id: string; product_id: string; price: number }[];
  }

  it("sets prices and stock of several variants at once, through the ledger", async () => {
    const [a, b] = await twoVariants();
    const result = await vendorA.vendorCatalog.bulkUpdateVariants({
      vendorId: vendorAId,
      changes: [
        { variantId: a!.id, priceAmount: 100 },
        { variantId: b!.id, priceAmount: 250_000_00, compareAtAmount: 300_000_00, stock: { warehouseId, onHand: 13 } },
      ],
      reason: "December price list",
    });
    expect(result).toEqual({ priced: 2, restocked: 1 });
    const [product] = (await h.runtime.sql`select min_price_amount::int as m from products where id = ${a!.product_id}`) as unknown as [
      { m: number },
    ];
    expect(product.m).toBe(100);
    const list = await vendorA.vendorCatalog.variants({ vendorId: vendorAId, limit: 200 });
    expect(list.items.find((v) => v.id === b!.id)?.stock.find((s) => s.warehouseId === warehouseId)?.onHand).toBe(13);
    expect(await ledgerMatchesCounters()).toBe(true);
  });

  it("changes nothing when one row is wrong, and names the row", async () => {
    const [a, b] = await twoVariants();
    await expect(
      vendorA.vendorCatalog.bulkUpdateVariants({
        vendorId: vendorAId,
        changes: [
          { variantId: a!.id, priceAmount: 777 },
          { variantId: b!.id, priceAmount: 500, compareAtAmount: 400 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { "changes.1.compareAtAmount": expect.any(Array) } } });
    expect((await twoVariants())[0]!.price).toBe(a!.price);
  });

  it("answers NOT_FOUND for another vendor's variants", async () => {
    const [a] = await twoVariants();
    await expect(
      vendorB.vendorCatalog.bulkUpdateVariants({ vendorId: vendorBId, changes: [{ variantId: a!.id, priceAmount: 1 }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await twoVariants())[0]!.price).toBe(a!.price);
  });
});

describe("the ledger statement", () => {
  it("moves the rows it may and logs exactly those, leaving a refused row and its ledger untouched", async () => {
    const [second] = (await h.runtime.sql`
      select id from warehouses where vendor_id = ${vendorAId} and id <> ${warehouseId} order by created_at limit 1`) as unknown as [
      { id: string },
    ];
    const reservedIn = async (warehouse: string) =>
      (
        (await h.runtime
          .sql`select reserved from stock_levels where variant_id = ${variantId} and warehouse_id = ${warehouse}`) as unknown as [
          { reserved: number } | undefined,
        ]
      )[0]?.reserved ?? 0;
    const held = await reservedIn(warehouseId);
    await moveStock(h.runtime.db, { variantId, warehouseId, setOnHand: held + 4, kind: "adjustment", reason: "count", actorId: null });
    await moveStock(h.runtime.db, {
      variantId,
      warehouseId: second!.id,
      setOnHand: (await reservedIn(second!.id)) + 2,
      kind: "adjustment",
      reason: "count",
      actorId: null,
    });
    const movementsBefore = await movementCount();
    const moved = await applyMovements(h.runtime.db, [
      { variantId, warehouseId, kind: "reservation", onHandDelta: 0, reservedDelta: 3, reason: "test", actorId: null },
      // Only 2 free: reserving 5 would break reserved <= on-hand, so this one is refused.
      { variantId, warehouseId: second!.id, kind: "reservation", onHandDelta: 0, reservedDelta: 5, reason: "test", actorId: null },
    ]);
    expect(moved).toEqual([expect.objectContaining({ variantId, warehouseId, onHand: held + 4, reserved: held + 3 })]);
    expect(await movementCount()).toBe(movementsBefore + 1);
    expect(await ledgerMatchesCounters()).toBe(true);
    await applyMovements(h.runtime.db, [
      { variantId, warehouseId, kind: "release", onHandDelta: 0, reservedDelta: -3, reason: "test", actorId: null },
    ]);
  });

  it("refuses two movements of one row in one statement, changing nothing", async () => {
    const movementsBefore = await movementCount();
    const movement = { variantId, warehouseId, kind: "receipt" as const, onHandDelta: 1, reservedDelta: 0, reason: "test", actorId: null };
    await expect(applyMovements(h.runtime.db, [movement, movement])).rejects.toBeInstanceOf(InvalidState);
    expect(await movementCount()).toBe(movementsBefore);
  });
});

async function movementCount(): Promise<number> {
  const [row] = (await h.runtime.sql`select count(*)::int as n from stock_movements`) as unknown as [{ n: number }];
  return row.n;
}
