import { sql } from "drizzle-orm";

import type { UserSession } from "./../core/context";
import { createContextInner } from "../core/context";
import { moveStock } from "../inventory/ledger";
import type { TestHarness } from "../testing";

/** Helpers for checkout, orders and inventory integration tests (real database, no mocks). */

export interface Buyer {
  session: UserSession;
  addressId: string;
}

let buyerCount = 0;

/** Signed-in customers with one address each (in `region`), made in bulk with SQL. */
export async function createBuyers(h: TestHarness, count: number, region = "tashkent_city"): Promise<Buyer[]> {
  const rows = (await h.runtime.sql`
    with made as (
      insert into users (id, email, name, role, email_verified_at)
      select gen_random_uuid(), 'buyer-' || ${String(buyerCount)} || '-' || g || '@example.uz', 'Buyer ' || g, 'CUSTOMER', now()
      from generate_series(1, ${count}) g
      returning id
    )
    insert into addresses (id, user_id, recipient_name, phone, region, city, street)
    select gen_random_uuid(), id, 'Buyer', '+998901112233', ${region}, 'Toshkent', 'Amir Temur 1' from made
    returning id, user_id`) as unknown as { id: string; user_id: string }[];
  buyerCount += 1;
  return rows.map((row) => ({
    addressId: row.id,
    session: { kind: "user", sessionId: null, userId: row.user_id, role: "CUSTOMER", vendorIds: [], twoFactorVerified: false },
  }));
}

export async function one<T>(query: Promise<unknown>): Promise<T> {
  return ((await query) as T[])[0]!;
}

/** A published variant of a vendor (by slug), with its vendor's warehouses. */
export async function pickVariant(h: TestHarness, vendorSlug: string, skip = 0) {
  const vendor = await one<{ id: string }>(h.runtime.sql`select id from vendors where slug = ${vendorSlug}`);
  const variant = await one<{ id: string; price: number; product_id: string }>(h.runtime.sql`
    select v.id, v.price_amount::int as price, v.product_id from product_variants v join products p on p.id = v.product_id
    where v.vendor_id = ${vendor.id} and p.status = 'published' order by v.id offset ${skip} limit 1`);
  const warehouses = (await h.runtime.sql`select id, region from warehouses where vendor_id = ${vendor.id} order by id`) as unknown as {
    id: string;
    region: string;
  }[];
  return { vendorId: vendor.id, variantId: variant.id, productId: variant.product_id, price: variant.price, warehouses };
}

/**
 * Makes `available` units sellable in each warehouse: on-hand becomes what is reserved plus
 * that, set through the ledger, so counters and ledger stay equal.
 */
export async function setStock(h: TestHarness, variantId: string, available: Record<string, number>) {
  const ctx = createContextInner(h.runtime);
  await ctx.db.transaction(async (tx) => {
    for (const [warehouseId, quantity] of Object.entries(available)) {
      const [row] = (await tx.execute(
        sql`select reserved from stock_levels where variant_id = ${variantId} and warehouse_id = ${warehouseId}`,
      )) as unknown as { reserved: number }[];
      await moveStock(tx, {
        variantId,
        warehouseId,
        setOnHand: (row?.reserved ?? 0) + quantity,
        kind: "adjustment",
        reason: "test stock",
        actorId: null,
      });
    }
  });
}

export async function stockOf(h: TestHarness, variantId: string) {
  return (await h.runtime.sql`
    select warehouse_id, on_hand, reserved from stock_levels where variant_id = ${variantId} order by warehouse_id`) as unknown as {
    warehouse_id: string;
    on_hand: number;
    reserved: number;
  }[];
}

/**
 * The stock invariants, for every counter in the database: 0 <= reserved <= on-hand,
 * counters equal the ledger's sums, and reserved equals the active reservations.
 * Returns the rows that break one (empty when all hold).
 */
export async function stockInvariantViolations(h: TestHarness): Promise<unknown[]> {
  return (await h.runtime.db.execute(sql`
    select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, m.on_hand as ledger_on_hand, m.reserved as ledger_reserved, r.active
    from stock_levels s
    left join (select variant_id, warehouse_id, sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved
               from stock_movements group by 1, 2) m using (variant_id, warehouse_id)
    left join (select variant_id, warehouse_id, sum(quantity)::int as active from stock_reservations
               where status = 'active' group by 1, 2) r using (variant_id, warehouse_id)
    where s.reserved < 0 or s.on_hand < s.reserved
       or s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)
       or s.reserved <> coalesce(r.active, 0)`)) as unknown as unknown[];
}

export function codeOf(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code ?? "THROWN";
}
