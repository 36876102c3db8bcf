import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { id, timestamps } from "./common";
import { users } from "./users";
import { vendors } from "./vendors";

/** Single-use, hashed, expiring tokens sent by mail: email verification and password reset. */
export const oneTimeTokenPurpose = pgEnum("one_time_token_purpose", ["verify_email", "reset_password"]);

export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: oneTimeTokenPurpose().notNull(),
    /** SHA-256 of the token; the token itself exists only in the mail. */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.userId, t.purpose)],
);

/** Rotating refresh tokens for API clients; reuse of a rotated one revokes its whole family. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    rotatedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.familyId), index().on(t.userId)],
);

/** Keys for internal services: stored hashed, shown once, scoped, revocable. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    name: text().notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    scopes: text().array().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.createdAt)],
);

export const totpCredentials = pgTable("totp_credentials", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The shared secret (base32). TOTP needs the secret itself to verify, so it cannot be hashed. */
  secret: text().notNull(),
  /** Null while enrolment waits for its first code. */
  enabledAt: timestamp({ withTimezone: true }),
  /** The last 30-second step accepted; a code for this step or an earlier one is a replay. */
  lastUsedStep: integer(),
  ...timestamps,
});

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.userId)],
);

export const addresses = pgTable(
  "addresses",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text(),
    recipientName: text().notNull(),
    phone: text().notNull(),
    /** Region code from the list of Uzbekistan's regions, e.g. `tashkent_city`. */
    region: text().notNull(),
    city: text().notNull(),
    street: text().notNull(),
    postalCode: text(),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index().on(t.userId),
    uniqueIndex("addresses_one_default_per_user")
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
);

/** Security events. Append-only: a trigger (migration 0003) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    action: text().notNull(),
    actorId: uuid(),
    actorEmail: text(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    userAgent: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.createdAt), index().on(t.action, t.createdAt), index().on(t.actorId, t.createdAt)],
);

export const vendorApplicationStatus = pgEnum("vendor_application_status", ["pending", "changes_requested", "approved", "rejected"]);

export interface KycDocument {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

export const vendorApplications = pgTable(
  "vendor_applications",
  {
    id: id(),
    applicantId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    storeName: text().notNull(),
    legalName: text().notNull(),
    stir: text().notNull(),
    bankName: text().notNull(),
    bankAccount: text().notNull(),
    bankMfo: text().notNull(),
    contactName: text().notNull(),
    contactPhone: text().notNull(),
    contactEmail: text().notNull(),
    documents: jsonb().$type<KycDocument[]>().notNull().default([]),
    status: vendorApplicationStatus().notNull().default("pending"),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewNote: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    vendorId: uuid().references(() => vendors.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index().on(t.status, t.createdAt), index().on(t.applicantId)],
);

/** Counters of rate-limiter-flexible's Drizzle store, used when REDIS_URL is unset (UNLOGGED: migration 0003). */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
