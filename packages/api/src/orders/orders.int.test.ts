import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import type { Session, UserSession } from "../core/context";
import { createContextInner } from "../core/context";
import { createSession } from "../auth/sessions";
import type { Buyer } from "../checkout/test-fixtures";
import { codeOf, createBuyers, one, pickVariant, setStock, stockInvariantViolations, stockOf } from "../checkout/test-fixtures";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { lowStockAlertJob } from "../jobs/definitions/low-stock";
import { cancelUnconfirmedOrders, expireReservations } from "./service";

let h: TestHarness;
let a: Awaited<ReturnType<typeof pickVariant>>;
let b: Awaited<ReturnType<typeof pickVariant>>;
let vendorA: Session;
let vendorB: Session;
let admin: Session;
let keys = 0;

async function staffSession(email: string, vendorIds: string[]): Promise<UserSession> {
  const user = await one<{ id: string; role: "VENDOR" | "ADMIN" }>(h.runtime.sql`select id, role from users where email = ${email}`);
  const twoFactorVerified = user.role === "ADMIN";
  const { session } = await createSession(h.runtime, {
    userId: user.id,
    role: user.role,
    vendorIds,
    twoFactorVerified,
    ip: null,
    userAgent: null,
  });
  return { kind: "user", sessionId: session.id, userId: user.id, role: user.role, vendorIds, twoFactorVerified };
}

beforeAll(async () => {
  h = await createTestHarness({ orderAutoCancelMinutes: 60 });
  await seedDatabase(h.database.url, { products: 20, filesDir: "/tmp/ultramarket-test-files" });
  a = await pickVariant(h, "toshkent-elektron");
  b = await pickVariant(h, "samarqand-savdo");
  vendorA = await staffSession("vendor@ultramarket.uz", [a.vendorId]);
  vendorB = await staffSession("vendor2@ultramarket.uz", [b.vendorId]);
  admin = await staffSession("admin@ultramarket.uz", []);
  await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 100, [a.warehouses[1]!.id]: 0 });
  await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 100, [b.warehouses[1]!.id]: 0 });
});
afterAll(async () => {
  await h?.close();
});

/** A fresh buyer's order with 2 of vendor A's variant and 1 of vendor B's. */
async function placeOrder(): Promise<{ buyer: Buyer; orderId: string; partA: string; partB: string }> {
  const [buyer] = await createBuyers(h, 1);
  const api = h.caller(buyer!.session);
  await api.cart.addItem({ variantId: a.variantId, quantity: 2 });
  await api.cart.addItem({ variantId: b.variantId, quantity: 1 });
  const placed = await api.checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: `orders-test-${keys++}-${Date.now()}` });
  const partA = placed.vendorOrders.find((vo) => vo.vendorId === a.vendorId)!.id;
  const partB = placed.vendorOrders.find((vo) => vo.vendorId === b.vendorId)!.id;
  return { buyer: buyer!, orderId: placed.orderId, partA, partB };
}

const reservedOf = async (variantId: string) => (await stockOf(h, variantId)).reduce((sum, row) => sum + row.reserved, 0);
const onHandOf = async (variantId: string) => (await stockOf(h, variantId)).reduce((sum, row) => sum + row.on_hand, 0);

describe("vendor order lifecycle", () => {
  it("confirms, processes, ships (a sale), delivers, takes a return into a chosen warehouse and refunds, recording every event", async () => {
    const { buyer, orderId, partA } = await placeOrder();
    const va = h.caller(vendorA).vendorOrders;
    const onHand = await onHandOf(a.variantId);
    const reserved = await reservedOf(a.variantId);

    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "CONFIRMED" });
    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "PROCESSING" });
    await expect(va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "SHIPPED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { carrier: [expect.any(String)], trackingNumber: [expect.any(String)] } },
    });
    const shipped = await va.transition({
      vendorId: a.vendorId,
      vendorOrderId: partA,
      to: "SHIPPED",
      carrier: "BTS Express",
      trackingNumber: "BTS-0001",
    });
    expect(shipped).toMatchObject({ status: "SHIPPED", carrier: "BTS Express", trackingNumber: "BTS-0001" });
    expect(await onHandOf(a.variantId)).toBe(onHand - 2);
    expect(await reservedOf(a.variantId)).toBe(reserved - 2);

    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "DELIVERED" });
    await h.caller(buyer.session).orders.requestReturn({ orderId, vendorOrderId: partA, reason: "Does not fit" });
    const returnTo = a.warehouses[1]!.id;
    await expect(va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "RETURNED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "RETURNED", warehouseId: returnTo });
    expect((await stockOf(h, a.variantId)).find((row) => row.warehouse_id === returnTo)!.on_hand).toBe(2);
    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "REFUNDED" });

    const detail = await va.get({ vendorId: a.vendorId, vendorOrderId: partA });
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      [null, "PENDING", "customer"],
      ["PENDING", "CONFIRMED", "vendor"],
      ["CONFIRMED", "PROCESSING", "vendor"],
      ["PROCESSING", "SHIPPED", "vendor"],
      ["SHIPPED", "DELIVERED", "vendor"],
      ["DELIVERED", "RETURN_REQUESTED", "customer"],
      ["RETURN_REQUESTED", "RETURNED", "vendor"],
      ["RETURNED", "REFUNDED", "vendor"],
    ]);
    expect(detail.events[5]!.reason).toBe("Does not fit");
    // The customer order is as far along as its slowest vendor order (B is still PENDING).
    expect((await h.caller(buyer.session).orders.get({ orderId })).status).toBe("PENDING");
    expect(await stockInvariantViolations(h)).toEqual([]);
  });

  it("refuses illegal transitions with a typed error and changes nothing", async () => {
    const { partA } = await placeOrder();
    const va = h.caller(vendorA).vendorOrders;
    for (const to of ["SHIPPED", "DELIVERED", "RETURNED", "REFUNDED", "PENDING"] as const) {
      const error = await va
        .transition({
          vendorId: a.vendorId,
          vendorOrderId: partA,
          to,
          carrier: "c1",
          trackingNumber: "t12",
          warehouseId: a.warehouses[0]!.id,
        })
        .catch((e: unknown) => e);
      expect(codeOf(error)).toBe("INVALID_STATE");
    }
    // A vendor cannot file a customer's return request.
    await va.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "CONFIRMED" });
    expect((await va.get({ vendorId: a.vendorId, vendorOrderId: partA })).status).toBe("CONFIRMED");
    expect((await va.get({ vendorId: a.vendorId, vendorOrderId: partA })).events).toHaveLength(2);
  });

  it("lets the customer cancel before processing (stock released) but not after", async () => {
    const { buyer, orderId, partA, partB } = await placeOrder();
    const reservedA = await reservedOf(a.variantId);
    const customer = h.caller(buyer.session).orders;
    await h.caller(vendorB).vendorOrders.transition({ vendorId: b.vendorId, vendorOrderId: partB, to: "CONFIRMED" });
    await h.caller(vendorB).vendorOrders.transition({ vendorId: b.vendorId, vendorOrderId: partB, to: "PROCESSING" });
    // All or nothing: B is processing, so cancelling the whole order is refused and A stays.
    expect(codeOf(await customer.cancel({ orderId }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(await reservedOf(a.variantId)).toBe(reservedA);
    await customer.cancel({ orderId, vendorOrderId: partA });
    expect(await reservedOf(a.variantId)).toBe(reservedA - 2);
    const order = await customer.get({ orderId });
    expect(order.vendorOrders.find((vo) => vo.id === partA)!.status).toBe("CANCELLED");
    expect(order.status).toBe("PROCESSING");
    // Vendors must give a reason.
    await expect(
      h.caller(vendorB).vendorOrders.transition({ vendorId: b.vendorId, vendorOrderId: partB, to: "CANCELLED" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { reason: [expect.any(String)] } } });
    await h.caller(admin).adminOrders.transition({ vendorOrderId: partB, to: "CANCELLED", reason: "Customer unreachable" });
    expect((await customer.get({ orderId })).status).toBe("CANCELLED");
    expect(await stockInvariantViolations(h)).toEqual([]);
  });
});

describe("double clicks and races", () => {
  it("cancels once when the shopper clicks cancel five times at once", async () => {
    const { buyer, orderId, partA } = await placeOrder();
    const reserved = await reservedOf(a.variantId);
    const results = await Promise.all(Array.from({ length: 5 }, () => h.caller(buyer.session).orders.cancel({ orderId })));
    expect(results.reduce((sum, r) => sum + r.cancelled, 0)).toBe(2);
    expect(await reservedOf(a.variantId)).toBe(reserved - 2);
    const events = (await h.caller(vendorA).vendorOrders.get({ vendorId: a.vendorId, vendorOrderId: partA })).events;
    expect(events.filter((e) => e.toStatus === "CANCELLED")).toHaveLength(1);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });

  it("lets either the vendor's confirmation or the auto-cancel win, never both", async () => {
    const { partA } = await placeOrder();
    h.clock.advance(61 * 60_000);
    const [confirm, sweep] = await Promise.allSettled([
      h.caller(vendorA).vendorOrders.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "CONFIRMED" }),
      cancelUnconfirmedOrders(createContextInner(h.runtime)),
    ]);
    expect(sweep.status).toBe("fulfilled");
    const detail = await h.caller(vendorA).vendorOrders.get({ vendorId: a.vendorId, vendorOrderId: partA });
    if (confirm.status === "fulfilled") {
      expect(detail.status).toBe("CONFIRMED");
      expect(detail.reservations.every((r) => r.status === "active")).toBe(true);
    } else {
      expect(codeOf(confirm.reason)).toBe("INVALID_STATE");
      expect(detail.status).toBe("CANCELLED");
      expect(detail.reservations.every((r) => r.status === "released")).toBe(true);
    }
    expect(detail.events.filter((e) => e.fromStatus === "PENDING")).toHaveLength(1);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });
});

describe("ownership: every procedure refuses another customer or vendor", () => {
  it("hides one customer's order from another", async () => {
    const { orderId, partA } = await placeOrder();
    const [other] = await createBuyers(h, 1);
    const api = h.caller(other!.session).orders;
    expect(codeOf(await api.get({ orderId }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await api.cancel({ orderId }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await api.requestReturn({ orderId, vendorOrderId: partA, reason: "Not mine" }).catch((e: unknown) => e))).toBe(
      "NOT_FOUND",
    );
    expect((await api.list({})).items).toEqual([]);
  });

  it("refuses to check out to another customer's address", async () => {
    const [owner, other] = await createBuyers(h, 2);
    const api = h.caller(other!.session);
    await api.cart.addItem({ variantId: a.variantId, quantity: 1 });
    expect(codeOf(await api.checkout.start({ addressId: owner!.addressId }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    const placed = await api.checkout
      .placeOrder({ addressId: owner!.addressId, idempotencyKey: `orders-test-${keys++}-${Date.now()}` })
      .catch((e: unknown) => e);
    expect(codeOf(placed)).toBe("NOT_FOUND");
    expect((await api.orders.list({})).items).toEqual([]);
  });

  it("refuses bad input with field messages and changes nothing", async () => {
    const [buyer] = await createBuyers(h, 1);
    const api = h.caller(buyer!.session);
    await api.cart.addItem({ variantId: a.variantId, quantity: 1 });
    const bad = await api.checkout
      .placeOrder({ addressId: "not-a-uuid", paymentMethod: "card" as "cod", idempotencyKey: "short" })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    const fields = (bad as { cause: { issues: { path: string[] }[] } }).cause.issues.map((i) => i.path.join("."));
    expect(fields.sort()).toEqual(["addressId", "idempotencyKey", "paymentMethod"]);
    expect((await api.orders.list({})).items).toEqual([]);
    expect((await api.cart.get()).itemCount).toBe(1);
  });

  it("shows a vendor only its own vendor orders", async () => {
    const { partA, partB } = await placeOrder();
    const vb = h.caller(vendorB).vendorOrders;
    const get = await vb.get({ vendorId: b.vendorId, vendorOrderId: partA }).catch((e: unknown) => e);
    expect(codeOf(get)).toBe("NOT_FOUND");
    const move = await vb.transition({ vendorId: b.vendorId, vendorOrderId: partA, to: "CONFIRMED" }).catch((e: unknown) => e);
    expect(codeOf(move)).toBe("NOT_FOUND");
    // Naming vendor A's id does not help vendor B: the vendor scope refuses it first.
    expect(codeOf(await vb.list({ vendorId: a.vendorId }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    const listed = await vb.list({ vendorId: b.vendorId, limit: 100 });
    expect(listed.items.map((i) => i.id)).toContain(partB);
    expect(listed.items.map((i) => i.id)).not.toContain(partA);
    const detail = await h.caller(vendorA).vendorOrders.get({ vendorId: a.vendorId, vendorOrderId: partA });
    expect(detail.lines.every((l) => l.vendorOrderId === partA)).toBe(true);
  });

  it("filters a vendor's queue by the day placed, still only its own orders, and gives admins the moves they may make", async () => {
    const { orderId, partA, partB } = await placeOrder();
    const va = h.caller(vendorA).vendorOrders;
    // Orders are stamped with the harness's clock, not the wall clock.
    const now = h.clock.now().getTime();
    const around = { createdFrom: new Date(now - 60 * 60_000), createdTo: new Date(now + 60 * 60_000) };
    const today = await va.list({ vendorId: a.vendorId, ...around, limit: 100 });
    expect(today.items.map((i) => i.id)).toContain(partA);
    expect(today.items.map((i) => i.id)).not.toContain(partB);
    const tomorrow = await va.list({ vendorId: a.vendorId, createdFrom: new Date(now + 24 * 60 * 60_000), limit: 100 });
    expect(tomorrow.items).toHaveLength(0);
    const before = await va.list({ vendorId: a.vendorId, createdTo: new Date(now - 24 * 60 * 60_000), limit: 100 });
    expect(before.items.map((i) => i.id)).not.toContain(partA);
    // Vendor B's date filter does not reach vendor A's orders.
    const other = await h.caller(vendorB).vendorOrders.list({ vendorId: b.vendorId, ...around, limit: 100 });
    expect(other.items.map((i) => i.id)).not.toContain(partA);
    expect(
      codeOf(
        await h
          .caller(vendorB)
          .vendorOrders.list({ vendorId: a.vendorId, ...around })
          .catch((e: unknown) => e),
      ),
    ).toBe("NOT_FOUND");

    const listed = await h.caller(admin).adminOrders.list({ ...around, limit: 100 });
    expect(listed.items.find((i) => i.id === partA)?.vendorName).toBeTruthy();
    const detail = await h.caller(admin).adminOrders.get({ orderId });
    expect(detail.vendorOrders.find((vo) => vo.id === partA)?.allowedMoves).toEqual(["CONFIRMED", "CANCELLED"]);
  });

  it("keeps customers and vendors out of the admin procedures", async () => {
    const { orderId, partA, buyer } = await placeOrder();
    for (const session of [buyer.session, vendorA]) {
      const api = h.caller(session).adminOrders;
      expect(codeOf(await api.list({}).catch((e: unknown) => e))).toBe("FORBIDDEN");
      expect(codeOf(await api.get({ orderId }).catch((e: unknown) => e))).toBe("FORBIDDEN");
      expect(codeOf(await api.transition({ vendorOrderId: partA, to: "CONFIRMED" }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    }
    const all = await h.caller(admin).adminOrders.get({ orderId });
    expect(all.vendorOrders).toHaveLength(2);
  });

  it("keeps each vendor's shipping methods its own", async () => {
    const created = await h.caller(vendorA).vendorShipping.create({
      vendorId: a.vendorId,
      kind: "courier",
      name: { uz: "Tezkor" },
      regions: ["andijan"],
      baseAmount: 1_500_000,
      minDays: 1,
      maxDays: 2,
    });
    expect(created.name).toEqual({ uz: "Tezkor", ru: "Tezkor", en: "Tezkor" });
    const vb = h.caller(vendorB).vendorShipping;
    expect(codeOf(await vb.update({ vendorId: b.vendorId, methodId: created.id, baseAmount: 1 }).catch((e: unknown) => e))).toBe(
      "NOT_FOUND",
    );
    expect(codeOf(await vb.delete({ vendorId: b.vendorId, methodId: created.id }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect((await vb.list({ vendorId: b.vendorId })).map((m) => m.id)).not.toContain(created.id);
    expect(codeOf(await vb.list({ vendorId: a.vendorId }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    // Bad input is refused with field messages.
    const bad = await h
      .caller(vendorA)
      .vendorShipping.create({ vendorId: a.vendorId, kind: "pickup", name: { uz: "P" }, minDays: 3, maxDays: 1 })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    await h.caller(vendorA).vendorShipping.delete({ vendorId: a.vendorId, methodId: created.id });
  });
});

describe("the worker's schedules", () => {
  it("auto-cancels cash-on-delivery orders nobody confirmed in time, releasing their stock; confirmed ones stay", async () => {
    const late = await placeOrder();
    const confirmed = await placeOrder();
    await h.caller(vendorA).vendorOrders.transition({ vendorId: a.vendorId, vendorOrderId: confirmed.partA, to: "CONFIRMED" });
    const ctx = createContextInner(h.runtime);
    expect((await cancelUnconfirmedOrders(ctx)).cancelled).toBe(0);
    h.clock.advance(61 * 60_000);
    const result = await cancelUnconfirmedOrders(ctx);
    expect(result.cancelled).toBeGreaterThanOrEqual(3); // late: A and B; confirmed: B
    const va = h.caller(vendorA).vendorOrders;
    const cancelled = await va.get({ vendorId: a.vendorId, vendorOrderId: late.partA });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.events.at(-1)).toMatchObject({ actorRole: "system", actorId: null, reason: "not confirmed by the seller in time" });
    expect(cancelled.reservations.map((r) => r.status)).toEqual(["released"]);
    // Every order of earlier tests still pending is past the delay too; only confirmed ones keep their stock.
    const kept = await va.get({ vendorId: a.vendorId, vendorOrderId: confirmed.partA });
    expect(kept.status).toBe("CONFIRMED");
    expect(kept.reservations).toMatchObject([{ status: "active", expiresAt: null, quantity: 2 }]);
    expect((await cancelUnconfirmedOrders(ctx)).cancelled).toBe(0);
    expect(await stockInvariantViolations(h)).toEqual([]);
  });

  it("releases expired reservations by cancelling their pending orders, and is safe to run twice", async () => {
    const { partA, partB } = await placeOrder();
    const reserved = await reservedOf(a.variantId);
    const ctx = createContextInner(h.runtime);
    expect((await expireReservations(ctx)).released).toBe(0);
    h.clock.advance(61 * 60_000);
    expect((await expireReservations(ctx)).released).toBeGreaterThanOrEqual(2);
    expect((await expireReservations(ctx)).released).toBe(0);
    expect(await reservedOf(a.variantId)).toBe(reserved - 2);
    for (const [session, vendorId, id] of [
      [vendorA, a.vendorId, partA],
      [vendorB, b.vendorId, partB],
    ] as const) {
      const detail = await h.caller(session).vendorOrders.get({ vendorId, vendorOrderId: id });
      expect(detail.status).toBe("CANCELLED");
      expect(detail.reservations.every((r) => r.status === "released")).toBe(true);
    }
    expect(await stockInvariantViolations(h)).toEqual([]);
  });
});

describe("inventory procedures and alerts", () => {
  it("alerts the vendor once when a reservation takes stock below the threshold, in the order's transaction", async () => {
    const inventory = h.caller(vendorA).inventory;
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 5, [a.warehouses[1]!.id]: 0 });
    expect(await inventory.setLowStockThreshold({ vendorId: a.vendorId, variantId: a.variantId, threshold: 4 })).toEqual({
      variantId: a.variantId,
      lowStockThreshold: 4,
    });
    const jobs = async () =>
      (await h.runtime
        .sql`select data from pgboss.job where name = 'inventory-low-stock' and data->>'variantId' = ${a.variantId}`) as unknown as {
        data: { available: number; threshold: number };
      }[];
    const first = await placeOrder(); // 5 → 3: crosses 4
    expect((await jobs()).map((j) => j.data)).toMatchObject([{ available: 3, threshold: 4 }]);
    await placeOrder(); // 3 → 1: already below, no second alert
    expect(await jobs()).toHaveLength(1);
    // The handler mails the vendor's members (dev mailbox) in their language (the demo vendor's is Uzbek), and a rerun mails nobody twice.
    const ctx = createContextInner(h.runtime);
    const payload = { vendorId: a.vendorId, variantId: a.variantId, available: 3, threshold: 4 };
    await lowStockAlertJob.handle(ctx, payload, { id: "0192f1e4-8a5b-7c3d-9e2f-0000000000aa", attempt: 1 });
    await lowStockAlertJob.handle(ctx, payload, { id: "0192f1e4-8a5b-7c3d-9e2f-0000000000aa", attempt: 2 });
    const mail = (await h.runtime.sql`select "to" from dev_mailbox where subject like 'Kam qoldi:%'`) as unknown as { to: string }[];
    expect(mail.map((m) => m.to)).toEqual(["vendor@ultramarket.uz"]);
    const reservations = await inventory.reservations({ vendorId: a.vendorId, variantId: a.variantId, status: "active" });
    expect(reservations.items.map((r) => r.vendorOrderId)).toContain(first.partA);
    await inventory.setLowStockThreshold({ vendorId: a.vendorId, variantId: a.variantId, threshold: null });
  });

  it("enqueues the shopper's notification with each status change", async () => {
    const { partA } = await placeOrder();
    await h.caller(vendorA).vendorOrders.transition({ vendorId: a.vendorId, vendorOrderId: partA, to: "CONFIRMED" });
    const [row] = (await h.runtime.sql`
      select count(*)::int as n from pgboss.job where name = 'order-status-changed' and data->>'vendorOrderId' = ${partA}`) as unknown as [
      { n: number },
    ];
    expect(row!.n).toBe(1);
  });

  it("keeps another vendor out of the stock procedures", async () => {
    const inventory = h.caller(vendorB).inventory;
    expect(codeOf(await inventory.reservations({ vendorId: b.vendorId, variantId: a.variantId }).catch((e: unknown) => e))).toBe(
      "NOT_FOUND",
    );
    expect(
      codeOf(await inventory.setLowStockThreshold({ vendorId: b.vendorId, variantId: a.variantId, threshold: 1 }).catch((e: unknown) => e)),
    ).toBe("NOT_FOUND");
    expect(codeOf(await inventory.reservations({ vendorId: a.vendorId, variantId: a.variantId }).catch((e: unknown) => e))).toBe(
      "NOT_FOUND",
    );
  });
});
