import { index, integer, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

import type { LocalizedText } from "./common";
import { id, timestamps } from "./common";
import { jsonb } from "drizzle-orm/pg-core";
import { users } from "./users";

export const vendorStatus = pgEnum("vendor_status", ["active", "suspended"]);
export const vendorMemberRole = pgEnum("vendor_member_role", ["owner", "staff"]);

export const vendors = pgTable("vendors", {
  id: id(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  legalName: text().notNull(),
  /** Uzbek taxpayer number (STIR / INN), 9 digits; printed on invoices. */
  stir: text().notNull(),
  description: jsonb().$type<LocalizedText>().notNull(),
  status: vendorStatus().notNull().default("active"),
  /** Marketplace commission in basis points (1000 = 10%); each vendor order keeps a copy of the rate it was placed at. */
  commissionRateBps: integer().notNull().default(1000),
  ...timestamps,
});

export const vendorMembers = pgTable(
  "vendor_members",
  {
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: vendorMemberRole().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.userId] }), index().on(t.userId)],
);

export const warehouses = pgTable(
  "warehouses",
  {
    id: id(),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** One of Uzbekistan's 14 regions (viloyat), as a stable code, e.g. `tashkent_city`. */
    region: text().notNull(),
    address: text().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.vendorId)],
);
