import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { productVariants } from "./catalog";
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
