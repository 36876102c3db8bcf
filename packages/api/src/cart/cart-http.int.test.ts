import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createSession } from "../auth/sessions";
import { createBuyers, pickVariant, setStock } from "../checkout/test-fixtures";
import { handleTrpcRequest } from "../core/http";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

let h: TestHarness;
let variant: Awaited<ReturnType<typeof pickVariant>>;
const BASE = "http://localhost:3000/api/trpc";

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 5, filesDir: "/tmp/ultramarket-test-files" });
  variant = await pickVariant(h, "toshkent-elektron");
  await setStock(h, variant.variantId, { [variant.warehouses[0]!.id]: 3, [variant.warehouses[1]!.id]: 0 });
});
afterAll(async () => {
  await h?.close();
});

const call = (request: Request) =>
  handleTrpcRequest(h.runtime, request, { endpoint: "/api/trpc", exposeInternals: false, sessionCookieName: "__Host-test" });
const post = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  call(
    new Request(`${BASE}/${path}`, {
      method: "POST",
      body: JSON.stringify({ json: input }),
      headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
    }),
  );
const get = (path: string, headers: Record<string, string> = {}) => call(new Request(`${BASE}/${path}`, { headers }));

describe("cart and checkout over HTTP", () => {
  it("sets the guest cart cookie (HttpOnly, Secure, SameSite=Lax, 30 days) and reads the cart back with it", async () => {
    const added = await post("cart.addItem", { variantId: variant.variantId, quantity: 1 });
    expect(added.status).toBe(200);
    const cookie = added.headers.getSetCookie().find((c) => c.startsWith("__Host-um_cart="))!;
    expect(cookie).toMatch(/^__Host-um_cart=[\w-]+\.[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax; Expires=/);
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime();
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
    expect(added.headers.get("cache-control")).toBe("private, no-store");
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const read = await get("cart.get", { cookie: `__Host-um_cart=${token}` });
    // Personal to the cookie's holder: no shared cache may keep it.
    expect(read.headers.get("cache-control")).toBe("private, no-store");
    const body = (await read.json()) as { result: { data: { json: { itemCount: number } } } };
    expect(body.result.data.json.itemCount).toBe(1);
  });

  it("answers an out-of-stock add with 409 and the domain code", async () => {
    await setStock(h, variant.variantId, { [variant.warehouses[0]!.id]: 0 });
    const refused = await post("cart.addItem", { variantId: variant.variantId, quantity: 1 });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { json: { data: { domainCode: string; fieldErrors: object } } } };
    expect(body.error.json.data).toMatchObject({ domainCode: "OUT_OF_STOCK", fieldErrors: { variantId: ["Out of stock"] } });
    await setStock(h, variant.variantId, { [variant.warehouses[0]!.id]: 3 });
  });

  it("takes the Idempotency-Key header on checkout.placeOrder: a replay gets the same body", async () => {
    const [buyer] = await createBuyers(h, 1);
    const { token } = await createSession(h.runtime, {
      userId: buyer!.session.userId,
      role: "CUSTOMER",
      vendorIds: [],
      twoFactorVerified: false,
      ip: null,
      userAgent: null,
    });
    const auth = { cookie: `__Host-test=${token}` };
    expect((await post("cart.addItem", { variantId: variant.variantId, quantity: 1 }, auth)).status).toBe(200);
    const key = { ...auth, "idempotency-key": `http-test-${Date.now()}` };
    const first = await post("checkout.placeOrder", { addressId: buyer!.addressId }, key);
    expect(first.status).toBe(200);
    const replay = await post("checkout.placeOrder", { addressId: buyer!.addressId }, key);
    expect(await replay.json()).toEqual(await first.json());
    const missing = await post("checkout.placeOrder", { addressId: buyer!.addressId }, auth);
    expect(missing.status).toBe(400);
  });
});
