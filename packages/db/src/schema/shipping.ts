import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";

import type { LocalizedText } from "./common";
import { id, timestamps } from "./common";
import { vendors } from "./vendors";

export const shippingMethodKind = pgEnum("shipping_method_kind", ["courier", "pickup"]);
export type ShippingMethodKind = (typeof shippingMethodKind.enumValues)[number];
export const shippingRateType = pgEnum("shipping_rate_type", ["flat", "weight"]);
export type ShippingRateType = (typeof shippingRateType.enumValues)[number];

/**
 * How one vendor delivers: a courier (flat price, or a base price plus a price per started
 * kilogram) or a pickup point, for a set of Uzbekistan's regions (empty = all), optionally
 * free from an order amount, with a delivery-time estimate in days.
 */
export const shippingMethods = pgTable(
  "shipping_methods",
  {
    id: id(),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "cascade" }),
    kind: shippingMethodKind().notNull(),
    name: jsonb().$type<LocalizedText>().notNull(),
    /** Region codes (geo/regions.ts) the method serves; empty = every region. */
    regions: text().array().notNull().default([]),
    rateType: shippingRateType().notNull().default("flat"),
    baseAmount: bigint({ mode: "number" }).notNull().default(0),
    perKgAmount: bigint({ mode: "number" }).notNull().default(0),
    freeOverAmount: bigint({ mode: "number" }),
    minDays: integer().notNull(),
    maxDays: integer().notNull(),
    /** Pickup point address (kind = pickup). */
    pickupAddress: text(),
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index().on(t.vendorId, t.position),
    check("shipping_methods_amounts_nonnegative", sql`${t.baseAmount} >= 0 AND ${t.perKgAmount} >= 0`),
    check("shipping_methods_days", sql`${t.minDays} >= 0 AND ${t.maxDays} >= ${t.minDays}`),
  ],
);
