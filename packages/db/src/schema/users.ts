import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

import { id, timestamps } from "./common";

export const userRole = pgEnum("user_role", ["CUSTOMER", "VENDOR", "ADMIN", "SUPER_ADMIN"]);
export type UserRole = (typeof userRole.enumValues)[number];

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    passwordHash: text(),
    name: text().notNull(),
    phone: text(),
    role: userRole().notNull().default("CUSTOMER"),
    locale: text().notNull().default("uz"),
    currency: text().notNull().default("UZS"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    /** Set when the account is deleted: personal data is erased, the row stays for orders and accounting. */
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`), index().on(t.role)],
);
