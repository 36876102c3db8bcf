import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createSession } from "./auth/sessions";
import type { Access, Fixtures } from "./access.expected";
import { EXPECTED_ACCESS } from "./access.expected";
import type { Session } from "./core/context";
import { appRouter } from "./root";
import type { TestHarness } from "./testing";
import { createTestHarness } from "./testing";

const CALLERS = ["anonymous", "customer", "vendorA", "vendorB", "admin", "superAdmin"] as const;
type Caller = (typeof CALLERS)[number];

const ALLOWED: Record<Access, ReadonlySet<Caller>> = {
  public: new Set(CALLERS),
  "signed-in": new Set(["customer", "vendorA", "vendorB", "admin", "superAdmin"]),
  staff: new Set(["admin", "superAdmin"]),
  vendor: new Set(["vendorA", "admin", "superAdmin"]),
};

let h: TestHarness;
let fixtures: Fixtures;
const people: Record<
  Exclude<Caller, "anonymous">,
  { userId: string; role: "CUSTOMER" | "VENDOR" | "ADMIN" | "SUPER_ADMIN"; vendorIds: string[] }
> = {} as never;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 5, filesDir: "/tmp/ultramarket-test-files" });
  const sql = h.runtime.sql;
  const userId = async (email: string) => ((await sql`select id from users where email = ${email}`) as unknown as [{ id: string }])[0].id;
  const vendorId = async (slug: string) => ((await sql`select id from vendors where slug = ${slug}`) as unknown as [{ id: string }])[0].id;
  const vendorA = await vendorId("toshkent-elektron");
  people.customer = { userId: await userId("customer@ultramarket.uz"), role: "CUSTOMER", vendorIds: [] };
  people.vendorA = { userId: await userId("vendor@ultramarket.uz"), role: "VENDOR", vendorIds: [vendorA] };
  people.vendorB = { userId: await userId("vendor2@ultramarket.uz"), role: "VENDOR", vendorIds: [await vendorId("samarqand-savdo")] };
  people.admin = { userId: await userId("admin@ultramarket.uz"), role: "ADMIN", vendorIds: [] };
  people.superAdmin = { userId: await userId("superadmin@ultramarket.uz"), role: "SUPER_ADMIN", vendorIds: [] };
  const [throwaway] =
    (await sql`insert into users (id, email, name) values (gen_random_uuid(), 'throwaway@example.uz', 'T') returning id`) as unknown as [
      { id: string },
    ];
  const [application] = (await sql`
    insert into vendor_applications (id, applicant_id, store_name, legal_name, stir, bank_name, bank_account, bank_mfo, contact_name, contact_phone, contact_email)
    values (gen_random_uuid(), ${throwaway.id}, 'S', 'S', '209876543', 'B', '20208000900123456001', '01158', 'C', '+998901112233', 'c@example.uz') returning id`) as unknown as [
    { id: string },
  ];
  const [apiKey] =
    (await sql`insert into api_keys (id, name, prefix, key_hash, scopes) values (gen_random_uuid(), 'k', 'umk_x', 'hash', '{catalog:read}') returning id`) as unknown as [
      { id: string },
    ];
  const [mail] =
    (await sql`insert into dev_mailbox (id, "to", subject, text) values (gen_random_uuid(), 'a@example.uz', 's', 't') returning id`) as unknown as [
      { id: string },
    ];
  const [product] = (await sql`select slug from products where status = 'published' limit 1`) as unknown as [{ slug: string }];
  const one = async (query: Promise<unknown>) => ((await query) as unknown as [{ id: string }])[0].id;
  const productIdA = await one(sql`select id from products where vendor_id = ${vendorA} limit 1`);
  const variantIdA = await one(sql`select id from product_variants where product_id = ${productIdA} limit 1`);
  const warehouseIdA = await one(sql`select id from warehouses where vendor_id = ${vendorA} limit 1`);
  const leafCategoryId = await one(sql`select id from categories where slug = 'smartfonlar'`);
  const spareCategoryId = await one(sql`
    insert into categories (id, path, depth, slug, slugs, name)
    select id, '/' || id || '/', 0, 'zaxira', '{"uz":"zaxira","ru":"zaxira","en":"zaxira"}', '{"uz":"Zaxira","ru":"","en":""}'
    from (select gen_random_uuid() as id) g returning id`);
  let n = 0;
  fixtures = {
    productIdA,
    variantIdA,
    warehouseIdA,
    leafCategoryId,
    spareCategoryId,
    vendorA,
    customerId: people.customer.userId,
    throwawayUserId: throwaway.id,
    applicationId: application.id,
    apiKeyId: apiKey.id,
    mailId: mail.id,
    productSlug: product.slug,
    unique: () => `matrix-${Date.now().toString(36)}-${n++}`,
  };
});
afterAll(async () => {
  await h?.close();
});

/** A fresh session per call, so a logout or role change in one call cannot affect the next. */
async function sessionFor(caller: Caller): Promise<Session | null> {
  if (caller === "anonymous") return null;
  const person = people[caller];
  const twoFactorVerified = person.role === "ADMIN" || person.role === "SUPER_ADMIN";
  const { session } = await createSession(h.runtime, { ...person, twoFactorVerified, ip: null, userAgent: null });
  return { kind: "user", sessionId: session.id, userId: person.userId, role: person.role, vendorIds: person.vendorIds, twoFactorVerified };
}

async function call(path: string, caller: Caller, input: unknown): Promise<{ code: string; denied: boolean }> {
  const api = h.caller(await sessionFor(caller)) as unknown as Record<string, unknown>;
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    await procedure(input);
    return { code: "OK", denied: false };
  } catch (error) {
    const { code, cause } = error as { code?: string; cause?: { accessCheck?: boolean } };
    // Only refusals by the procedure's access check count as denied; a service's own
    // "wrong password" or "not found" means the caller got through.
    return { code: code ?? "THROWN", denied: cause?.accessCheck === true };
  }
}

describe("access matrix", () => {
  const paths = Object.keys(appRouter._def.procedures).sort();

  it("has an expected-access entry for every procedure, and none for procedures that do not exist", () => {
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual(paths);
  });

  it("lets each caller reach exactly the procedures the table allows", async () => {
    const unexpected: string[] = [];
    for (const path of paths) {
      const entry = EXPECTED_ACCESS[path];
      if (!entry) continue;
      for (const caller of CALLERS) {
        const { code, denied } = await call(path, caller, entry.input?.(fixtures));
        const shouldAllow = ALLOWED[entry.access].has(caller);
        if (denied === shouldAllow) unexpected.push(`${path} as ${caller}: ${code} (expected ${shouldAllow ? "allowed" : "denied"})`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it("lets only a super admin grant ADMIN", async () => {
    const asAdmin = await call("users.changeRole", "admin", { userId: fixtures.throwawayUserId, role: "ADMIN" });
    expect(asAdmin.code).toBe("FORBIDDEN");
    const asSuper = await call("users.changeRole", "superAdmin", { userId: fixtures.throwawayUserId, role: "ADMIN" });
    expect(asSuper.code).toBe("OK");
  });
});
