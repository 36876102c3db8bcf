import { and, desc, eq, gte, lt, lte } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import { pageByLastId } from "../core/cursor";
import type { Context } from "../core/context";

export const AUDIT_ACTIONS = [
  "auth.register",
  "auth.email_verified",
  "auth.login_succeeded",
  "auth.login_failed",
  "auth.logout",
  "auth.logout_everywhere",
  "auth.password_changed",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.totp_enabled",
  "auth.totp_disabled",
  "auth.recovery_code_used",
  "auth.refresh_token_reuse",
  "session.revoked",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.sessions_ended",
  "user.deleted",
  "user.data_exported",
  "vendor.member_added",
  "api_key.created",
  "api_key.revoked",
  "vendor_application.submitted",
  "vendor_application.approved",
  "vendor_application.rejected",
  "vendor_application.changes_requested",
  "product.submitted",
  "product.withdrawn",
  "product.archived",
  "product.resubmitted",
  "product.approved",
  "product.rejected",
  "product.unpublished",
  "category.created",
  "category.updated",
  "category.moved",
  "category.archived",
  "category.reordered",
  "catalog.import_started",
  "catalog.import_finished",
  "catalog.import_failed",
  "catalog.bulk_updated",
  "synonyms.created",
  "synonyms.updated",
  "synonyms.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

/** Appends a security event; written through ctx.db so it commits (or not) with the change it records. */
export async function recordAudit(ctx: Pick<Context, "db" | "request" | "session">, event: AuditEvent): Promise<void> {
  const actorId = event.actorId !== undefined ? event.actorId : ctx.session?.kind === "user" ? ctx.session.userId : null;
  await ctx.db.insert(schema.auditLog).values({
    action: event.action,
    actorId,
    actorEmail: event.actorEmail ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent?.slice(0, 300) ?? null,
    metadata: { ...event.metadata, ...(ctx.session?.kind === "api-key" ? { apiKeyId: ctx.session.apiKeyId } : {}) },
  });
}

export async function listAudit(
  ctx: Pick<Context, "db">,
  input: { action?: string; actorId?: string; targetId?: string; from?: Date; to?: Date; cursor?: string; limit: number },
) {
  const { auditLog } = schema;
  const conditions = [
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.targetId ? eq(auditLog.targetId, input.targetId) : undefined,
    input.from ? gte(auditLog.createdAt, input.from) : undefined,
    input.to ? lte(auditLog.createdAt, input.to) : undefined,
    // UUIDv7 ids sort by time, so the last id seen is the page cursor.
    input.cursor ? lt(auditLog.id, input.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}
