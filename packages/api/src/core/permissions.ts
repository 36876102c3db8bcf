import type { UserRole } from "@ultramarket/db";

/**
 * The one permission table. Services check permissions (not roles), so a new role or an
 * API key's scopes slot in without touching them.
 */
export const PERMISSIONS = [
  "catalog:read",
  "account:manage", // own profile, addresses, sessions, second factor
  "vendor:apply",
  "vendor:manage", // a vendor's own rows; further limited to the vendors one belongs to
  "users:read",
  "users:manage", // disable, end sessions, change roles below ADMIN
  "users:grant-admin", // grant or take away ADMIN
  "vendor-applications:review",
  "catalog:moderate", // review queue, publish/reject/unpublish, the category tree
  "search:manage", // synonyms, reindexing, search reports
  "orders:manage", // every vendor's orders: list, read, move through the state machine
  "api-keys:manage",
  "audit:read",
  "system:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CUSTOMER: Permission[] = ["catalog:read", "account:manage", "vendor:apply"];
const VENDOR: Permission[] = [...CUSTOMER, "vendor:manage"];
const ADMIN: Permission[] = [
  ...VENDOR,
  "users:read",
  "users:manage",
  "vendor-applications:review",
  "catalog:moderate", // review queue, publish/reject/unpublish, the category tree
  "search:manage",
  "orders:manage",
  "api-keys:manage",
  "audit:read",
  "system:read",
];
const SUPER_ADMIN: Permission[] = [...ADMIN, "users:grant-admin"];

export const ROLE_PERMISSIONS: Record<UserRole, ReadonlySet<Permission>> = {
  CUSTOMER: new Set(CUSTOMER),
  VENDOR: new Set(VENDOR),
  ADMIN: new Set(ADMIN),
  SUPER_ADMIN: new Set(SUPER_ADMIN),
};

/** Roles whose sessions must have passed a second factor before anything privileged runs. */
export const ROLES_REQUIRING_TWO_FACTOR: ReadonlySet<UserRole> = new Set(["ADMIN", "SUPER_ADMIN"]);

/** Scopes an API key may carry: read-only views for internal services. */
export const API_KEY_SCOPES = ["catalog:read", "users:read", "audit:read", "system:read"] as const satisfies readonly Permission[];
