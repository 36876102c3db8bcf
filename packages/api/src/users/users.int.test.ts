import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 5, filesDir: "/tmp/ultramarket-test-files" });
});
afterAll(async () => {
  await h?.close();
});

const address = {
  recipientName: "Jasur Ergashev",
  phone: "93 111 22 33",
  region: "samarkand",
  city: "Samarqand",
  street: "Registon koʻchasi 5, 12-xonadon",
} as const;

describe("profile and addresses", () => {
  it("updates the profile with a normalised phone and keeps one default address", async () => {
    const { caller } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const profile = await caller.users.updateProfile({ name: "Jasur E.", phone: "+998 (90) 555-44-33", locale: "ru" });
    expect(profile).toMatchObject({ name: "Jasur E.", phone: "+998905554433", locale: "ru" });

    const first = await caller.users.createAddress({ ...address, isDefault: false });
    expect(first.isDefault).toBe(true); // the first address becomes the default
    expect(first.phone).toBe("+998931112233");
    const second = await caller.users.createAddress({ ...address, city: "Kattaqoʻrgʻon", isDefault: true });
    let list = await caller.users.addresses();
    expect(list.filter((a) => a.isDefault).map((a) => a.id)).toEqual([second.id]);
    await caller.users.deleteAddress({ id: second.id });
    list = await caller.users.addresses();
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([[first.id, true]]);
    await expect(caller.users.createAddress({ ...address, region: "atlantis" as never, isDefault: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("cannot touch another user's address", async () => {
    const owner = await h.signIn("vendor3@ultramarket.uz", DEMO_PASSWORD);
    const other = await h.signIn("vendor4@ultramarket.uz", DEMO_PASSWORD);
    const mine = await owner.caller.users.createAddress({ ...address, isDefault: false });
    await expect(other.caller.users.updateAddress({ id: mine.id, city: "Buxoro" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.users.deleteAddress({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("data export and account deletion", () => {
  it("exports everything held on the user, then deletes the account keeping anonymised orders", async () => {
    await h.caller().auth.register({ email: "leaving@example.uz", password: "xayr-dunyo-2026", name: "Leaving User" });
    const [{ id: userId }] = (await h.runtime
      .sql`update users set email_verified_at = now() where email = 'leaving@example.uz' returning id`) as unknown as [{ id: string }];
    const [{ id: orderId }] = (await h.runtime.sql`
      insert into orders (id, number, customer_id, items_total_amount, shipping_total_amount, vat_total_amount, grand_total_amount, shipping_address)
      values (gen_random_uuid(), 'UM-TEST-1', ${userId}, 100000, 0, 10714, 100000,
              '{"region":"bukhara","city":"Buxoro","street":"Secret street 1","recipientName":"Leaving User","phone":"+998901234567"}')
      returning id`) as unknown as [{ id: string }];
    const { caller } = await h.signIn("leaving@example.uz", "xayr-dunyo-2026");
    await caller.users.createAddress({ ...address, isDefault: true });

    const data = await caller.users.exportData();
    expect(data.profile.email).toBe("leaving@example.uz");
    expect(data.profile).not.toHaveProperty("passwordHash");
    expect(data.addresses).toHaveLength(1);
    expect(data.orders.map((o) => o.id)).toEqual([orderId]);
    expect(data.securityEvents.map((e) => e.action)).toContain("auth.register");

    await expect(caller.users.deleteAccount({ password: "wrong-password", confirm: "DELETE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller.users.deleteAccount({ password: "xayr-dunyo-2026", confirm: "DELETE" });
    const [user] = (await h.runtime
      .sql`select email, name, phone, password_hash, deleted_at from users where id = ${userId}`) as unknown as {
      email: string;
      name: string;
      phone: string | null;
      password_hash: string | null;
      deleted_at: Date | null;
    }[];
    expect(user).toMatchObject({ email: `deleted-${userId}@deleted.invalid`, name: "Deleted user", phone: null, password_hash: null });
    expect(user?.deleted_at).not.toBeNull();
    const [order] = (await h.runtime.sql`select shipping_address, grand_total_amount from orders where id = ${orderId}`) as unknown as {
      shipping_address: Record<string, string>;
      grand_total_amount: string;
    }[];
    expect(order?.shipping_address).toEqual({ region: "bukhara", city: "Buxoro" });
    expect(Number(order?.grand_total_amount)).toBe(100000);
    expect(
      ((await h.runtime.sql`select count(*)::int as n from addresses where user_id = ${userId}`) as unknown as [{ n: number }])[0].n,
    ).toBe(0);
    await expect(h.caller().auth.login({ email: "leaving@example.uz", password: "xayr-dunyo-2026" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
