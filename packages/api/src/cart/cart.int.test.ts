import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import type { Buyer } from "../checkout/test-fixtures";
import { createBuyers, one, pickVariant, setStock } from "../checkout/test-fixtures";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { CART_LIMITS } from "./schema";
import { guestCartToken } from "./service";

// The cart runs on the KV interface: Redis when the run has REDIS_URL, and always on the
// PostgreSQL twin (what runs when REDIS_URL is unset).
const backends = [
  { name: "default store", overrides: {} },
  { name: "PostgreSQL twin", overrides: { redisUrl: undefined } },
] as const;

describe.each(backends)("cart on the $name", ({ name, overrides }) => {
  let h: TestHarness;
  let a: Awaited<ReturnType<typeof pickVariant>>;
  let a2: Awaited<ReturnType<typeof pickVariant>>;
  let b: Awaited<ReturnType<typeof pickVariant>>;

  beforeAll(async () => {
    h = await createTestHarness(overrides);
    await seedDatabase(h.database.url, { products: 20, filesDir: "/tmp/ultramarket-test-files" });
    a = await pickVariant(h, "toshkent-elektron", 0);
    a2 = await pickVariant(h, "toshkent-elektron", 1);
    b = await pickVariant(h, "samarqand-savdo", 0);
    await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 5, [a.warehouses[1]!.id]: 0 });
    await setStock(h, a2.variantId, { [a2.warehouses[0]!.id]: 100 });
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 100 });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A guest "browser": keeps the cart cookie the API sets, like a browser would. */
  function guest() {
    const jar = { token: null as string | null };
    const api = () => h.caller(null, { cartToken: jar.token, onCartCookie: (t) => (jar.token = t) }).cart;
    return { jar, api };
  }

  it("runs on the store it names", () => {
    if (name === "PostgreSQL twin") expect(h.runtime.kv.backend).toBe("postgres");
    else expect(h.runtime.kv.backend).toBe(inject("redisUrl") ? "redis" : "postgres");
  });

  it("gives a guest a signed cookie on the first add and prices the cart on every read, grouped by vendor", async () => {
    const g = guest();
    expect((await g.api().get()).itemCount).toBe(0);
    expect(g.jar.token).toBeNull();
    await g.api().addItem({ variantId: a.variantId, quantity: 2 });
    expect(g.jar.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const cart = await g.api().addItem({ variantId: b.variantId });
    expect(cart.groups.map((group) => group.vendorId).sort()).toEqual([a.vendorId, b.vendorId].sort());
    expect(cart.itemsTotalAmount).toBe(a.price * 2 + b.price);
    expect(cart.checkoutReady).toBe(true);
    const [guestId] = g.jar.token!.split(".");
    expect(Math.round((await h.runtime.kv.ttl(`cart:g:${guestId}`)) / 86_400)).toBe(30);
    await g.api().updateItem({ variantId: b.variantId, quantity: 3 });
    expect((await g.api().get()).itemCount).toBe(5);
    await g.api().removeItem({ variantId: b.variantId });
    expect((await g.api().get()).itemCount).toBe(2);
    await g.api().clear();
    expect((await g.api().get()).itemCount).toBe(0);
  });

  it("ignores a cookie whose signature does not match", async () => {
    const g = guest();
    await g.api().addItem({ variantId: a2.variantId });
    const [id] = g.jar.token!.split(".");
    const forged = h.caller(null, { cartToken: `${id}.${"x".repeat(32)}` }).cart;
    expect((await forged.get()).itemCount).toBe(0);
    expect(guestCartToken(h.runtime.authSecret, id!)).toBe(g.jar.token);
  });

  it("caps a line by stock and by the per-line limit, and refuses an out-of-stock item and a cart past its line limit", async () => {
    const g = guest();
    const capped = await g.api().addItem({ variantId: a.variantId, quantity: 9 });
    expect(capped.groups[0]!.lines[0]!.quantity).toBe(5);
    expect(capped.notices).toContainEqual({ kind: "quantity_reduced", variantId: a.variantId, previousQuantity: 9, currentQuantity: 5 });
    await g.api().addItem({ variantId: a2.variantId, quantity: CART_LIMITS.maxLineQuantity });
    const more = await g.api().addItem({ variantId: a2.variantId, quantity: 5 });
    expect(more.groups[0]!.lines.find((l) => l.variantId === a2.variantId)!.quantity).toBe(CART_LIMITS.maxLineQuantity);
    await expect(g.api().addItem({ variantId: a2.variantId, quantity: CART_LIMITS.maxLineQuantity + 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 0, [b.warehouses[1]!.id]: 0 });
    await expect(g.api().addItem({ variantId: b.variantId })).rejects.toMatchObject({ code: "CONFLICT", cause: { code: "OUT_OF_STOCK" } });
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 100 });
    // Fill the cart to its line limit with stored lines (any variant ids), then one more is refused.
    const [guestId] = g.jar.token!.split(".");
    const filler = Object.fromEntries(
      Array.from({ length: CART_LIMITS.maxLines }, (_, i) => [`q:0192f1e4-8a5b-7c3d-9e2f-${String(i).padStart(12, "0")}`, "1"]),
    );
    await h.runtime.kv.hSet(`cart:g:${guestId}`, filler);
    await expect(g.api().addItem({ variantId: b.variantId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Lines whose variant does not exist are dropped on the next read, each with a notice.
    const read = await g.api().get();
    expect(read.notices.filter((n) => n.kind === "removed")).toHaveLength(CART_LIMITS.maxLines);
    expect((await g.api().get()).notices).toEqual([]);
  });

  it("tells the shopper once what changed since they last looked: price, stock, removal", async () => {
    const g = guest();
    await g.api().addItem({ variantId: a2.variantId });
    await g.api().addItem({ variantId: b.variantId });
    await h.runtime.sql`update product_variants set price_amount = price_amount + 100000 where id = ${a2.variantId}`;
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 0, [b.warehouses[1]!.id]: 0 });
    const changed = await g.api().get();
    expect(changed.notices).toEqual(
      expect.arrayContaining([
        { kind: "price_up", variantId: a2.variantId, previousAmount: a2.price, currentAmount: a2.price + 100_000 },
        { kind: "out_of_stock", variantId: b.variantId },
      ]),
    );
    expect(changed.checkoutReady).toBe(false);
    expect(changed.groups.flatMap((group) => group.lines).find((l) => l.variantId === b.variantId)!.state).toBe("out_of_stock");
    expect((await g.api().get()).notices).toEqual([]);
    await h.runtime.sql`update product_variants set price_amount = ${a2.price} where id = ${a2.variantId}`;
    await setStock(h, b.variantId, { [b.warehouses[0]!.id]: 100 });
    await h.runtime.sql`update products set status = 'archived' where id = ${a2.productId}`;
    const later = await g.api().get();
    expect(later.notices).toEqual(
      expect.arrayContaining([
        { kind: "removed", variantId: a2.variantId },
        { kind: "back_in_stock", variantId: b.variantId },
      ]),
    );
    await h.runtime.sql`update products set status = 'published' where id = ${a2.productId}`;
  });

  describe("signed-in carts", () => {
    let buyer: Buyer;
    beforeAll(async () => {
      [buyer] = (await createBuyers(h, 1)) as [Buyer];
    });

    it("are shared by all of the user's devices", async () => {
      const phone = h.caller(buyer.session).cart;
      const laptop = h.caller({ ...buyer.session, sessionId: "another-device" }).cart;
      await phone.addItem({ variantId: b.variantId, quantity: 2 });
      expect((await laptop.get()).itemCount).toBe(2);
      expect(Math.round((await h.runtime.kv.ttl(`cart:u:${buyer.session.userId}`)) / 86_400)).toBe(90);
      await phone.clear();
    });

    it("counts every add when the same item is added from several tabs at once", async () => {
      const tabs = Array.from({ length: 10 }, (_, i) => h.caller({ ...buyer.session, sessionId: `tab-${i}` }).cart);
      await Promise.all(tabs.map((tab) => tab.addItem({ variantId: b.variantId, quantity: 1 })));
      const cart = await tabs[0]!.get();
      expect(cart.groups.flatMap((g) => g.lines).find((l) => l.variantId === b.variantId)?.quantity).toBe(10);
      await tabs[0]!.clear();
    });

    it("merge the guest cart at sign-in: quantities added, capped by stock and the line limit; the guest cart and cookie go", async () => {
      const user = await one<{ id: string }>(h.runtime.sql`select id from users where email = 'customer@ultramarket.uz'`);
      const session = {
        kind: "user" as const,
        sessionId: null,
        userId: user.id,
        role: "CUSTOMER" as const,
        vendorIds: [],
        twoFactorVerified: false,
      };
      await h.caller(session).cart.clear();
      await h.caller(session).cart.addItem({ variantId: a.variantId, quantity: 3 });
      await h.caller(session).cart.addItem({ variantId: b.variantId, quantity: 15 });
      const g = guest();
      await g.api().addItem({ variantId: a.variantId, quantity: 4 });
      await g.api().addItem({ variantId: b.variantId, quantity: 10 });
      await g.api().addItem({ variantId: a2.variantId, quantity: 1 });
      const guestToken = g.jar.token;
      let cleared: string | null | undefined;
      await h
        .caller(null, { cartToken: guestToken, onCartCookie: (t) => (cleared = t), onCookie: () => undefined })
        .auth.login({ email: "customer@ultramarket.uz", password: DEMO_PASSWORD });
      expect(cleared).toBeNull();
      const merged = await h.caller(session).cart.get();
      const quantities = Object.fromEntries(merged.groups.flatMap((group) => group.lines).map((l) => [l.variantId, l.quantity]));
      expect(quantities).toEqual({ [a.variantId]: 5, [b.variantId]: CART_LIMITS.maxLineQuantity, [a2.variantId]: 1 });
      expect((await h.caller(null, { cartToken: guestToken }).cart.get()).itemCount).toBe(0);
    });
  });
});
