import type { RouterOutputs } from "@ultramarket/api";

export type Role = RouterOutputs["users"]["list"]["items"][number]["role"];

export const ROLES: readonly Role[] = ["CUSTOMER", "VENDOR", "ADMIN", "SUPER_ADMIN"];

export const ROLE_LABELS: Record<Role, string> = {
  CUSTOMER: "Customer",
  VENDOR: "Vendor",
  ADMIN: "Admin",
  SUPER_ADMIN: "Super admin",
};

/** Staff roles: the console's full menu, and a second factor before anything privileged. */
export const isStaff = (role: Role): boolean => role === "ADMIN" || role === "SUPER_ADMIN";

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
