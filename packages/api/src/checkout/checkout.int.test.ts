import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import { moveStock } from "../inventory/ledger";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import type { PlaceOrderStep } from "./service";
import { placeOrder, pruneIdempotencyKeys } from "./service";
import type { Buyer } from "./test-fixtures";
import { codeOf, createBuyers, one, pickVariant, setStock, stockInvariantViolations, stockOf } from "./test-fixtures";

let h: TestHarness;
let a: Awaited<ReturnType<typeof pickVariant>>;
let a2: Awaited<ReturnType<typeof pickVariant>>;
let b: Awaited<ReturnType<typeof pickVariant>>;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 30, filesDir: "/tmp/ultramarket-test-files" });
  a = await pickVariant(h, "toshkent-elektron", 0);
  a2 = await pickVariant(h, "toshkent-elektron", 1);
  b = await pickVariant(h, "samarqand-savdo", 0);
});
afterAll(async () => {
  await h?.close();
});

const count = async (table: string, where = "true") =>
  (await one<{ n: number }>(h.runtime.sql.unsafe(`select count(*)::int as n from ${table} where ${where}`))).n;

async function fillCart(buyer: Buyer, lines: { variantId: string; quantity: number }[]) {
  const cart = h.caller(buyer.session).cart;
  await cart.clear();
  for (const line of lines) await cart.addItem(line);
}

let keys = 0;
const newKey = () => `test-key-${Date.now().toString(36)}-${keys++}`;

describe("placing an order", () => {
  it("splits one checkout into one vendor order per vendor, with VAT per line, shipping and a commission snapshot", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10, [a.warehouses[1]!.id]: 0 });
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 10, [b.warehouses[1]!.id]: 0 });
    const [buyer] = await createBuyers(h, 1);
    await fillCart(buyer!, [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 1 },
    ]);
    const api = h.caller(buyer!.session);
    const quote = await api.checkout.start({ addressId: buyer!.addressId });
    expect(quote.problems).toEqual({});
    expect(quote.groups).toHaveLength(2);
    const placed = await api.checkout.placeOrder({
      addressId: buyer!.addressId,
      idempotencyKey: newKey(),
      expectedTotalAmount: quote.grandTotalAmount,
    });
    expect(placed.number).toMatch(/^UM-\d{4}-\d{6}$/);
    expect(placed.payment).toEqual({ method: "cod", status: "due_on_delivery" });
    expect(placed.vendorOrders.map((vo) => vo.vendorId).sort()).toEqual([a.vendorId, b.vendorId].sort());
    expect(placed.grandTotalAmount).toBe(quote.grandTotalAmount);

    const order = await api.orders.get({ orderId: placed.orderId });
    expect(order.status).toBe("PENDING");
    expect(order.itemsTotalAmount).toBe(a.price * 2 + b.price);
    const partA = order.vendorOrders.find((vo) => vo.vendorId === a.vendorId)!;
    expect(partA.lines).toMatchObject([
      { variantId: a.variantId, quantity: 2, unitPriceAmount: a.price, vatRateBps: 1200, vatAmount: Math.round((a.price * 2 * 12) / 112) },
    ]);
    expect(partA.vendorStir).toMatch(/^\d{9}$/);
    expect(partA.events).toMatchObject([{ fromStatus: null, toStatus: "PENDING", actorRole: "customer" }]);
    const [snapshot] = (await h.runtime
      .sql`select commission_rate_bps, commission_amount::int as amount from vendor_orders where id = ${partA.id}`) as unknown as [
      { commission_rate_bps: number; amount: number },
    ];
    expect(snapshot).toEqual({ commission_rate_bps: 1000, amount: Math.round((a.price * 2 * 1000) / 10_000) });
    expect(await stockOf(h, a.variantId)).toContainEqual({ warehouse_id: a.warehouses[0]!.id, on_hand: 10, reserved: 2 });
    expect(await count("pgboss.job", `name = 'order-placed' and data->>'orderId' = '${placed.orderId}'`)).toBe(1);
    expect((await api.cart.get()).itemCount).toBe(0);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });

  it("refuses a changed total, a missing key and an unknown address, changing nothing", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10 });
    const [buyer] = await createBuyers(h, 1);
    await fillCart(buyer!, [{ variantId: a.variantId, quantity: 1 }]);
    const api = h.caller(buyer!.session);
    const before = await count("orders");
    await expect(
      api.checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: newKey(), expectedTotalAmount: 1 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(api.checkout.placeOrder({ addressId: buyer!.addressId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { idempotencyKey: [expect.any(String)] } },
    });
    await expect(
      api.checkout.placeOrder({ addressId: "0192f1e4-8a5b-7c3d-9e2f-00000000ffff", idempotencyKey: newKey() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await count("orders")).toBe(before);
    expect((await api.cart.get()).itemCount).toBe(1);
  });

  it("reports what stops an order as data in checkout.start: stock, no delivery to the region, a method that does not apply", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 1, [a.warehouses[1]!.id]: 0 });
    const [buyer] = await createBuyers(h, 1, "karakalpakstan");
    await fillCart(buyer!, [{ variantId: a.variantId, quantity: 1 }]);
    await h.runtime.kv.hSet(`cart:u:${buyer!.session.userId}`, { [`q:${a.variantId}`]: "3" });
    const api = h.caller(buyer!.session);
    const methods = (await h.runtime.sql`select id, kind from shipping_methods where vendor_id = ${a.vendorId}`) as unknown as {
      id: string;
      kind: string;
    }[];
    const pickup = methods.find((m) => m.kind === "pickup")!;
    const quote = await api.checkout.start({ addressId: buyer!.addressId, shipping: [{ vendorId: a.vendorId, methodId: pickup.id }] });
    expect(quote.problems).toEqual({
      [`lines.${a.variantId}`]: ["Only 1 left in stock"],
      [`shipping.${a.vendorId}`]: ["This delivery method is not available for the address"],
    });
    // The courier serves every region; it is picked when nothing is chosen.
    const plain = await api.checkout.start({ addressId: buyer!.addressId });
    expect(plain.groups[0]!.shipping).toMatchObject({ kind: "courier" });
    await h.runtime.sql`update shipping_methods set regions = '{andijan}' where vendor_id = ${a.vendorId} and kind = 'courier'`;
    const none = await api.checkout.start({ addressId: buyer!.addressId });
    expect(none.problems[`shipping.${a.vendorId}`]).toEqual([expect.stringContaining("does not deliver to this region")]);
    await expect(api.checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: newKey() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { [`shipping.${a.vendorId}`]: [expect.any(String)] } },
    });
    await h.runtime.sql`update shipping_methods set regions = '{}' where vendor_id = ${a.vendorId} and kind = 'courier'`;
  });

  it("takes the Idempotency-Key header", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10 });
    const [buyer] = await createBuyers(h, 1);
    await fillCart(buyer!, [{ variantId: a.variantId, quantity: 1 }]);
    const key = newKey();
    const placed = await h.caller(buyer!.session, { idempotencyKey: key }).checkout.placeOrder({ addressId: buyer!.addressId });
    const replay = await h.caller(buyer!.session, { idempotencyKey: key }).checkout.placeOrder({ addressId: buyer!.addressId });
    expect(replay).toEqual(placed);
  });
});

describe("idempotency", () => {
  it("forgets keys after 30 days", async () => {
    await h.runtime
      .sql`insert into idempotency_keys (id, scope, key, request_hash, created_at) values (gen_random_uuid(), 'checkout:x', 'old-key-1', 'h', now() - interval '31 days')`;
    const { deleted } = await pruneIdempotencyKeys(createContextInner(h.runtime));
    expect(deleted).toBe(1);
    expect(await count("idempotency_keys", "key = 'old-key-1'")).toBe(0);
  });

  it("answers the same key sent 10 times in parallel with one order and ten identical responses", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10 });
    const [buyer] = await createBuyers(h, 1);
    await fillCart(buyer!, [{ variantId: a.variantId, quantity: 1 }]);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.caller(buyer!.session).checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: key })),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await count("orders", `customer_id = '${buyer!.session.userId}'`)).toBe(1);
    // A later replay too; a different body under the same key is refused.
    expect(await h.caller(buyer!.session).checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: key })).toEqual(results[0]);
    await expect(
      h.caller(buyer!.session).checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: key, expectedTotalAmount: 5 }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { fieldErrors: { idempotencyKey: [expect.any(String)] } } });
  });
});

describe("concurrency on the real database", () => {
  for (const round of [1, 2]) {
    it(`sells exactly 50 units to 300 concurrent buyers, refusing 250 with OUT_OF_STOCK (round ${round})`, async () => {
      await setStock(h, a2.variantId, { [a2.warehouses[0]!.id]: 50, [a2.warehouses[1]!.id]: 0 });
      const buyers = await createBuyers(h, 300);
      // Carts are filled before the stock is raced for; adding checks stock, so do it first.
      await Promise.all(buyers.map((buyer) => h.runtime.kv.hSet(`cart:u:${buyer.session.userId}`, { [`q:${a2.variantId}`]: "1" })));
      let lowest = Number.MAX_SAFE_INTEGER;
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const rows = await stockOf(h, a2.variantId);
          for (const row of rows) lowest = Math.min(lowest, row.on_hand - row.reserved);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const results = await Promise.allSettled(
        buyers.map((buyer) => h.caller(buyer.session).checkout.placeOrder({ addressId: buyer.addressId, idempotencyKey: newKey() })),
      );
      watching = false;
      await watcher;
      const placed = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      const codes = refused.map((r) => codeOf(r.reason));
      expect(placed).toHaveLength(50);
      expect(codes.filter((c) => c === "OUT_OF_STOCK")).toHaveLength(250);
      expect(codes.filter((c) => c !== "OUT_OF_STOCK")).toEqual([]);
      expect(refused.every((r) => (r.reason as { code?: string }).code === "CONFLICT")).toBe(true);
      expect(lowest).toBeGreaterThanOrEqual(0);
      const rows = await stockOf(h, a2.variantId);
      expect(rows.reduce((sum, s) => sum + s.on_hand - s.reserved, 0)).toBe(0);
      expect(await stockInvariantViolations(h)).toEqual([]);
    });
  }

  it("gives the last unit to exactly one of two buyers, 200 rounds in a row", async () => {
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 0, [b.warehouses[1]!.id]: 0 });
    const pair = await createBuyers(h, 2);
    const ctx = createContextInner(h.runtime);
    const winners: number[] = [];
    for (let round = 0; round < 200; round++) {
      await moveStock(ctx.db, {
        variantId: b.variantId,
        warehouseId: b.warehouses[0]!.id,
        delta: 1,
        kind: "receipt",
        reason: "last unit",
        actorId: null,
      });
      await Promise.all(pair.map((buyer) => h.runtime.kv.hSet(`cart:u:${buyer.session.userId}`, { [`q:${b.variantId}`]: "1" })));
      const results = await Promise.allSettled(
        pair.map((buyer) => h.caller(buyer.session).checkout.placeOrder({ addressId: buyer.addressId, idempotencyKey: newKey() })),
      );
      winners.push(results.filter((r) => r.status === "fulfilled").length);
      if (round === 0) {
        const loser = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
        expect(loser.reason).toMatchObject({ cause: { fieldErrors: { [`lines.${b.variantId}`]: ["Out of stock"] } } });
      }
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => codeOf(r.reason));
      expect(losers).toEqual(["OUT_OF_STOCK"]);
    }
    expect(winners.every((n) => n === 1)).toBe(true);
    expect(await stockInvariantViolations(h)).toEqual([]);
  }, 120_000);

  it("lets carts holding the same two variants in opposite order all check out without a deadlock reaching anyone", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 500, [a.warehouses[1]!.id]: 500 });
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 500, [b.warehouses[1]!.id]: 500 });
    const buyers = await createBuyers(h, 40);
    // Stored order in the hash differs; each buyer takes from both warehouses (split allocation) too.
    await Promise.all(
      buyers.map((buyer, i) =>
        h.runtime.kv.hSet(
          `cart:u:${buyer.session.userId}`,
          i % 2 ? { [`q:${a.variantId}`]: "3", [`q:${b.variantId}`]: "3" } : { [`q:${b.variantId}`]: "3", [`q:${a.variantId}`]: "3" },
        ),
      ),
    );
    const results = await Promise.allSettled(
      buyers.map((buyer) => h.caller(buyer.session).checkout.placeOrder({ addressId: buyer.addressId, idempotencyKey: newKey() })),
    );
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => codeOf(r.reason));
    expect(errors).toEqual([]);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });
});

describe("checkouts racing a vendor's bulk stock edit", () => {
  it("finish without a deadlock on either side when the edit lists the variants in the opposite order", async () => {
    const vendorUser = await one<{ id: string }>(h.runtime.sql`select id from users where email = 'vendor@ultramarket.uz'`);
    const vendor = {
      kind: "user" as const,
      sessionId: null,
      userId: vendorUser.id,
      role: "VENDOR" as const,
      vendorIds: [a.vendorId],
      twoFactorVerified: false,
    };
    const [first, second] = [a, a2].sort((x, y) => x.variantId.localeCompare(y.variantId)) as [typeof a, typeof a];
    await setStock(h, first.variantId, { [first.warehouses[0]!.id]: 400 });
    await setStock(h, second.variantId, { [second.warehouses[0]!.id]: 400 });
    const buyers = await createBuyers(h, 30);
    await Promise.all(
      buyers.map((buyer) =>
        h.runtime.kv.hSet(`cart:u:${buyer.session.userId}`, { [`q:${first.variantId}`]: "1", [`q:${second.variantId}`]: "1" }),
      ),
    );
    const edits = Array.from({ length: 15 }, (_, i) =>
      h.caller(vendor).vendorCatalog.bulkUpdateVariants({
        vendorId: a.vendorId,
        reason: "stock count",
        // The later variant first: the edit sorts its stock changes into checkout's lock order.
        changes: [
          { variantId: second.variantId, stock: { warehouseId: second.warehouses[0]!.id, onHand: 900 + i } },
          { variantId: first.variantId, stock: { warehouseId: first.warehouses[0]!.id, onHand: 900 + i } },
        ],
      }),
    );
    const checkouts = buyers.map((buyer) =>
      h.caller(buyer.session).checkout.placeOrder({ addressId: buyer.addressId, idempotencyKey: newKey() }),
    );
    const results = await Promise.allSettled([...edits, ...checkouts]);
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => codeOf(r.reason));
    expect(errors).toEqual([]);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });
});

describe("after the commit", () => {
  it("returns the placed order even when emptying the cart fails, and a replay returns it again", async () => {
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10 });
    const [buyer] = await createBuyers(h, 1);
    await fillCart(buyer!, [{ variantId: a.variantId, quantity: 1 }]);
    const base = createContextInner(h.runtime, { session: buyer!.session });
    const brokenKv = { ...h.runtime.kv, del: () => Promise.reject(new Error("store unavailable")) };
    const ctx = { ...base, kv: brokenKv, session: buyer!.session };
    const input = { addressId: buyer!.addressId, idempotencyKey: newKey(), shipping: [], paymentMethod: "cod" as const };
    const placed = await placeOrder(ctx, input);
    expect(await count("orders", `id = '${placed.orderId}'`)).toBe(1);
    expect(await placeOrder({ ...base, session: buyer!.session }, input)).toEqual(placed);
  });
});

describe("a checkout aborted at any step leaves nothing behind", () => {
  const steps: PlaceOrderStep[] = [
    "key-claimed",
    "priced",
    "order-written",
    "stock-reserved",
    "events-written",
    "jobs-enqueued",
    "response-stored",
  ];
  for (const step of steps) {
    it(`after "${step}": no order, no reservation, no job, no key; the cart is kept`, async () => {
      await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 100 });
      const [buyer] = await createBuyers(h, 1);
      await fillCart(buyer!, [
        { variantId: a.variantId, quantity: 2 },
        { variantId: b.variantId, quantity: 1 },
      ]);
      const before = {
        orders: await count("orders"),
        vendorOrders: await count("vendor_orders"),
        lines: await count("order_lines"),
        events: await count("order_events"),
        reservations: await count("stock_reservations"),
        movements: await count("stock_movements"),
        jobs: await count("pgboss.job", "name = 'order-placed'"),
        keys: await count("idempotency_keys"),
        stockA: await stockOf(h, a.variantId),
      };
      const ctx = { ...createContextInner(h.runtime, { session: buyer!.session }), session: buyer!.session };
      await expect(
        placeOrder(
          ctx,
          { addressId: buyer!.addressId, idempotencyKey: newKey(), shipping: [], paymentMethod: "cod" },
          {
            afterStep: (reached) => {
              if (reached === step) throw new Error(`crash after ${step}`);
            },
          },
        ),
      ).rejects.toThrow(`crash after ${step}`);
      expect({
        orders: await count("orders"),
        vendorOrders: await count("vendor_orders"),
        lines: await count("order_lines"),
        events: await count("order_events"),
        reservations: await count("stock_reservations"),
        movements: await count("stock_movements"),
        jobs: await count("pgboss.job", "name = 'order-placed'"),
        keys: await count("idempotency_keys"),
        stockA: await stockOf(h, a.variantId),
      }).toEqual(before);
      expect((await h.caller(buyer!.session).cart.get()).itemCount).toBe(3);
    });
  }
});
