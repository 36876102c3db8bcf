import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { productVariants } from "./catalog";
import { vendorOrders } from "./orders";
import { id, timestamps } from "./common";
import { users } from "./users";
import { warehouses } from "./vendors";

export const stockMovementKind = pgEnum("stock_movement_kind", ["receipt", "adjustment", "reservation", "release", "sale", "return"]);
export type StockMovementKind = (typeof stockMovementKind.enumValues)[number];

/**
 * Append-only ledger of every stock change. `stock_levels` counters always equal the sums
 * of these rows for their variant and warehouse; the inventory service writes both in one
 * transaction.
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: id(),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "restrict" }),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    kind: stockMovementKind().notNull(),
    onHandDelta: integer().notNull().default(0),
    reservedDelta: integer().notNull().default(0),
    reason: text(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The order, import or adjustment this movement belongs to, when there is one. */
    reference: text(),
    ...timestamps,
  },
  (t) => [index().on(t.variantId, t.warehouseId, t.createdAt)],
);

export const stockReservationStatus = pgEnum("stock_reservation_status", ["active", "released", "sold"]);
export type StockReservationStatus = (typeof stockReservationStatus.enumValues)[number];

/**
 * Stock held for one vendor order: a quantity of one variant in one warehouse. While
 * `active` it is counted in `stock_levels.reserved`; it ends `released` (cancellation or
 * expiry: reserved goes back) or `sold` (shipped: on-hand and reserved both fall). An
 * active reservation with `expires_at` in the past is released by the worker.
 */
export const stockReservations = pgTable(
  "stock_reservations",
  {
    id: id(),
    vendorOrderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: "restrict" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "restrict" }),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    quantity: integer().notNull(),
    status: stockReservationStatus().notNull().default("active"),
    expiresAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.vendorOrderId),
    index("stock_reservations_active_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active' AND ${t.expiresAt} IS NOT NULL`),
    check("stock_reservations_quantity_positive", sql`${t.quantity} > 0`),
  ],
);
