import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import type { UserSession } from "../core/context";
import { createContextInner } from "../core/context";
import type { Buyer } from "../checkout/test-fixtures";
import { codeOf, createBuyers, one, pickVariant, setStock, stockInvariantViolations, stockOf } from "../checkout/test-fixtures";
import { expireReservations } from "../orders/service";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { moveStock } from "./ledger";

let h: TestHarness;
let variants: Awaited<ReturnType<typeof pickVariant>>[];
let vendor: UserSession;
let buyers: Buyer[];
let keys = 0;

beforeAll(async () => {
  h = await createTestHarness({ orderAutoCancelMinutes: 30 });
  await seedDatabase(h.database.url, { products: 10, filesDir: "/tmp/ultramarket-test-files" });
  variants = [await pickVariant(h, "toshkent-elektron", 0), await pickVariant(h, "toshkent-elektron", 1)];
  for (const v of variants) await setStock(h, v.variantId, { [v.warehouses[0]!.id]: 3, [v.warehouses[1]!.id]: 2 });
  const user = await one<{ id: string }>(h.runtime.sql`select id from users where email = 'vendor@ultramarket.uz'`);
  vendor = { kind: "user", sessionId: null, userId: user.id, role: "VENDOR", vendorIds: [variants[0]!.vendorId], twoFactorVerified: false };
  buyers = await createBuyers(h, 3, "samarkand");
});
afterAll(async () => {
  await h?.close();
});

type Action =
  | { kind: "restock"; variant: number; warehouse: number; quantity: number }
  | { kind: "writeOff"; variant: number; warehouse: number; quantity: number }
  | { kind: "order"; buyer: number; quantities: [number, number] }
  | { kind: "cancel" | "ship" | "deliverAndReturn"; order: number; warehouse: number }
  | { kind: "expire" };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("restock" as const),
      variant: fc.nat(1),
      warehouse: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("writeOff" as const),
      variant: fc.nat(1),
      warehouse: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      buyer: fc.nat(2),
      quantities: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom("cancel" as const, "ship" as const, "deliverAndReturn" as const),
      order: fc.nat(20),
      warehouse: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "expire" as const }) },
);

interface PlacedOrder {
  orderId: string;
  vendorOrderId: string;
  buyer: Buyer;
  status: "PENDING" | "CANCELLED" | "SHIPPED" | "RETURNED";
}

async function onHandTotals(): Promise<number[]> {
  return Promise.all(variants.map(async (v) => (await stockOf(h, v.variantId)).reduce((sum, row) => sum + row.on_hand, 0)));
}

describe("stock invariants under random sequences of operations", () => {
  it("hold after every step: 0 <= reserved <= on-hand, counters = ledger sums = active reservations, on-hand = the model's", async () => {
    const ctx = createContextInner(h.runtime);
    const vendorId = variants[0]!.vendorId;
    const va = () => h.caller(vendor).vendorOrders;
    const done: Record<string, number> = {};
    const did = (what: string) => void (done[what] = (done[what] ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 8, maxLength: 24 }), async (actions) => {
        const orders: PlacedOrder[] = [];
        const model = await onHandTotals();
        for (const step of actions) {
          const v = "variant" in step ? variants[step.variant]! : undefined;
          if (step.kind === "restock") {
            await moveStock(ctx.db, {
              variantId: v!.variantId,
              warehouseId: v!.warehouses[step.warehouse]!.id,
              delta: step.quantity,
              kind: "receipt",
              reason: "restock",
              actorId: null,
            });
            model[step.variant]! += step.quantity;
            did("restock");
          } else if (step.kind === "writeOff") {
            try {
              await moveStock(ctx.db, {
                variantId: v!.variantId,
                warehouseId: v!.warehouses[step.warehouse]!.id,
                delta: -step.quantity,
                kind: "adjustment",
                reason: "damaged",
                actorId: null,
              });
              model[step.variant]! -= step.quantity;
              did("writeOff");
            } catch (error) {
              expect(codeOf(error)).toBe("INVALID_STATE");
              did("writeOff refused");
            }
          } else if (step.kind === "order") {
            const buyer = buyers[step.buyer]!;
            const lines = step.quantities
              .map((quantity, i) => ({ variantId: variants[i]!.variantId, quantity }))
              .filter((l) => l.quantity > 0);
            if (lines.length === 0) continue;
            await h.runtime.kv.del(`cart:u:${buyer.session.userId}`);
            await h.runtime.kv.hSet(
              `cart:u:${buyer.session.userId}`,
              Object.fromEntries(lines.map((l) => [`q:${l.variantId}`, String(l.quantity)])),
            );
            try {
              const placed = await h
                .caller(buyer.session)
                .checkout.placeOrder({ addressId: buyer.addressId, idempotencyKey: `prop-${keys++}-${Date.now()}` });
              orders.push({ orderId: placed.orderId, vendorOrderId: placed.vendorOrders[0]!.id, buyer, status: "PENDING" });
              did("order");
            } catch (error) {
              expect(codeOf(error)).toBe("OUT_OF_STOCK");
              did("order refused");
            }
          } else if (step.kind === "expire") {
            h.clock.advance(31 * 60_000);
            await expireReservations(ctx);
            for (const order of orders) if (order.status === "PENDING") order.status = "CANCELLED";
            did("expire");
          } else {
            // Pick among the orders the operation applies to (any order for cancel, to see refusals too).
            const wanted = step.kind === "ship" ? "PENDING" : step.kind === "deliverAndReturn" ? "SHIPPED" : null;
            const candidates = orders.filter((o) => !wanted || o.status === wanted);
            const order = candidates[step.order % Math.max(candidates.length, 1)];
            if (!order) continue;
            const id = { vendorId, vendorOrderId: order.vendorOrderId };
            if (step.kind === "cancel" && order.status === "PENDING") {
              await h.caller(order.buyer.session).orders.cancel({ orderId: order.orderId });
              order.status = "CANCELLED";
              did("cancel");
            } else if (step.kind === "ship" && order.status === "PENDING") {
              await va().transition({ ...id, to: "CONFIRMED" });
              await va().transition({ ...id, to: "PROCESSING" });
              await va().transition({ ...id, to: "SHIPPED", carrier: "BTS", trackingNumber: `BTS-${keys++}` });
              const lines = (await va().get(id)).lines;
              for (const line of lines) model[variants.findIndex((x) => x.variantId === line.variantId)]! -= line.quantity;
              order.status = "SHIPPED";
              did("ship");
            } else if (step.kind === "deliverAndReturn" && order.status === "SHIPPED") {
              await va().transition({ ...id, to: "DELIVERED" });
              await h
                .caller(order.buyer.session)
                .orders.requestReturn({ orderId: order.orderId, vendorOrderId: order.vendorOrderId, reason: "Changed mind" });
              await va().transition({ ...id, to: "RETURNED", warehouseId: variants[0]!.warehouses[step.warehouse]!.id });
              const lines = (await va().get(id)).lines;
              for (const line of lines) model[variants.findIndex((x) => x.variantId === line.variantId)]! += line.quantity;
              order.status = "RETURNED";
              did("return");
            } else if (step.kind === "cancel" && order.status === "CANCELLED") {
              // Cancelling again is harmless.
              expect(await h.caller(order.buyer.session).orders.cancel({ orderId: order.orderId })).toEqual({ cancelled: 0 });
            } else if (step.kind === "cancel") {
              // Shipped or returned: not the customer's to cancel any more; refused, nothing changes.
              const refused = await h
                .caller(order.buyer.session)
                .orders.cancel({ orderId: order.orderId })
                .catch((e: unknown) => e);
              expect(["INVALID_STATE", "FORBIDDEN"]).toContain(codeOf(refused));
              did("cancel refused");
            }
          }
          expect(await stockInvariantViolations(h)).toEqual([]);
          expect(await onHandTotals()).toEqual(model);
        }
      }),
      { numRuns: 40 },
    );
    console.log("stock property test, operations done:", JSON.stringify(done));
    // Every operation must have run, or the invariants were checked on too little.
    for (const what of ["restock", "order", "expire", "cancel", "ship", "return"]) expect(done[what] ?? 0, what).toBeGreaterThan(0);
  }, 240_000);
});
