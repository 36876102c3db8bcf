/** The same list as API_KEY_SCOPES in packages/api/src/core/permissions.ts: read-only views for internal services. */
export const API_KEY_SCOPES = ["catalog:read", "users:read", "audit:read", "system:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  "catalog:read": "Read the catalog",
  "users:read": "Read user accounts",
  "audit:read": "Read the audit log",
  "system:read": "Read system counts and the dev mailbox",
};

export const isScope = (value: unknown): value is ApiKeyScope => typeof value === "string" && value in SCOPE_DESCRIPTIONS;
