import { sql } from "drizzle-orm";
import { bigint, char, check, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import type { LocalizedText } from "./common";
import { id, timestamps } from "./common";
import { productVariants } from "./catalog";
import { users } from "./users";
import { vendors } from "./vendors";

export const vendorOrderStatus = pgEnum("vendor_order_status", [
  "PENDING",
  "CONFIRMED",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "CANCELLED",
  "RETURN_REQUESTED",
  "RETURNED",
  "REFUNDED",
]);
export type VendorOrderStatus = (typeof vendorOrderStatus.enumValues)[number];

/** Numbers customer orders (UM-2026-000123). A sequence is not rolled back, so aborted checkouts leave gaps. */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 1, increment: 1 });

/** What the shopper placed: one per checkout, split into one vendor order per vendor. */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    /** Human-facing number, e.g. UM-2026-000123. */
    number: text().notNull().unique(),
    customerId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Derived from the vendor orders' statuses by the orders service. */
    status: text().notNull().default("PENDING"),
    currency: char({ length: 3 }).notNull().default("UZS"),
    itemsTotalAmount: bigint({ mode: "number" }).notNull(),
    shippingTotalAmount: bigint({ mode: "number" }).notNull(),
    vatTotalAmount: bigint({ mode: "number" }).notNull(),
    grandTotalAmount: bigint({ mode: "number" }).notNull(),
    paymentMethod: text().notNull().default("cod"),
    idempotencyKey: text(),
    shippingAddress: jsonb().$type<Record<string, string>>().notNull(),
    locale: text().notNull().default("uz"),
    ...timestamps,
  },
  (t) => [index().on(t.customerId, t.createdAt.desc()), uniqueIndex().on(t.customerId, t.idempotencyKey)],
);

export const vendorOrders = pgTable(
  "vendor_orders",
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "restrict" }),
    /** The customer order's number with the vendor's position, e.g. UM-2026-000123-2. */
    number: text().notNull().unique(),
    status: vendorOrderStatus().notNull().default("PENDING"),
    itemsTotalAmount: bigint({ mode: "number" }).notNull(),
    shippingAmount: bigint({ mode: "number" }).notNull(),
    totalAmount: bigint({ mode: "number" }).notNull(),
    /** Commission rate in basis points at the time of the order, so later rate changes do not rewrite history. */
    commissionRateBps: integer().notNull(),
    commissionAmount: bigint({ mode: "number" }).notNull(),
    /** VAT included in the lines (12% of UZS prices), for the receipt. */
    vatAmount: bigint({ mode: "number" }).notNull().default(0),
    shippingMethodId: uuid(),
    /** Snapshot of the chosen method: kind and name, e.g. "courier: Express". */
    shippingMethod: text(),
    deliveryMinDays: integer(),
    deliveryMaxDays: integer(),
    carrier: text(),
    trackingNumber: text(),
    cancelReason: text(),
    ...timestamps,
  },
  (t) => [index().on(t.vendorId, t.status, t.createdAt.desc()), index().on(t.orderId), index().on(t.status, t.createdAt)],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: id(),
    vendorOrderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: "cascade" }),
    variantId: uuid().references(() => productVariants.id, { onDelete: "set null" }),
    warehouseId: uuid(),
    sku: text().notNull(),
    /** Snapshot of what the shopper saw, so renames never change a past order. */
    title: jsonb().$type<LocalizedText>().notNull(),
    ikpuCode: text(),
    quantity: integer().notNull(),
    unitPriceAmount: bigint({ mode: "number" }).notNull(),
    vatRateBps: integer().notNull(),
    vatAmount: bigint({ mode: "number" }).notNull(),
    lineTotalAmount: bigint({ mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.vendorOrderId), check("order_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

export const orderEvents = pgTable(
  "order_events",
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    vendorOrderId: uuid().references(() => vendorOrders.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorRole: text(),
    fromStatus: text(),
    toStatus: text().notNull(),
    reason: text(),
    ...timestamps,
  },
  (t) => [index().on(t.orderId, t.createdAt), index().on(t.vendorOrderId, t.createdAt)],
);

/**
 * Checkout idempotency: the first request with a key claims it (insert, in the order's own
 * transaction) and stores its response there; a replay with the same body gets that
 * response, a different body is refused. A concurrent replay's insert waits on the
 * first transaction's row lock, so it never runs a second checkout.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    /** Whose key it is, e.g. `checkout:<user id>`: keys of different callers never meet. */
    scope: text().notNull(),
    key: text().notNull(),
    /** SHA-256 of the canonical request body. */
    requestHash: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "cascade" }),
    response: jsonb().$type<unknown>(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.scope, t.key), index().on(t.createdAt)],
);
