import { and, desc, eq, ilike, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";

import type { UserRole } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import { endSessionsAfterPrivilegeChange } from "../auth/service";
import { verifyPassword } from "../auth/password";
import { listSessions, revokeAllSessions, revokeSession } from "../auth/sessions";
import { revokeRefreshTokens } from "../auth/tokens";
import { pageByLastId } from "../core/cursor";
import type { Context, UserSession } from "../core/context";
import { permissionsOf, withTransaction } from "../core/context";
import { Forbidden, InvalidState, NotFound, ValidationFailed } from "../core/errors";
import { containsPattern } from "../core/like";
import type { addressInput, changeRoleInput, deleteAccountInput, listUsersInput, updateAddressInput, updateProfileInput } from "./schema";

const { users, addresses, orders, vendorOrders, orderLines, vendorMembers, vendorApplications, auditLog } = schema;
type SelfContext = Context & { session: UserSession };

export async function updateProfile(ctx: SelfContext, input: z.infer<typeof updateProfileInput>) {
  const [user] = await ctx.db
    .update(users)
    .set({ name: input.name, phone: input.phone, locale: input.locale, currency: input.currency })
    .where(eq(users.id, ctx.session.userId))
    .returning({ id: users.id, name: users.name, phone: users.phone, locale: users.locale, currency: users.currency });
  if (!user) throw new NotFound("Account not found");
  return user;
}

export async function listAddresses(ctx: SelfContext) {
  return ctx.db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, ctx.session.userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.id));
}

const MAX_ADDRESSES = 20;

/** Exactly one default address: setting one clears the others in the same transaction. */
export async function createAddress(ctx: SelfContext, input: z.infer<typeof addressInput>) {
  return withTransaction(ctx, async (tx) => {
    const [{ n }] = (await tx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(addresses)
      .where(eq(addresses.userId, ctx.session.userId))) as [{ n: number }];
    if (n >= MAX_ADDRESSES)
      throw new ValidationFailed(`At most ${MAX_ADDRESSES} addresses`, { _input: [`You can keep at most ${MAX_ADDRESSES} addresses`] });
    const isDefault = input.isDefault || n === 0;
    if (isDefault) await tx.db.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, ctx.session.userId));
    const [address] = await tx.db
      .insert(addresses)
      .values({ ...input, label: input.label ?? null, postalCode: input.postalCode ?? null, userId: ctx.session.userId, isDefault })
      .returning();
    return address!;
  });
}

export async function updateAddress(ctx: SelfContext, input: z.infer<typeof updateAddressInput>) {
  const { id, ...changes } = input;
  return withTransaction(ctx, async (tx) => {
    if (changes.isDefault) await tx.db.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, ctx.session.userId));
    const [address] = await tx.db
      .update(addresses)
      .set(changes)
      .where(and(eq(addresses.id, id), eq(addresses.userId, ctx.session.userId)))
      .returning();
    if (!address) throw new NotFound("Address not found");
    return address;
  });
}

export async function deleteAddress(ctx: SelfContext, input: { id: string }) {
  await withTransaction(ctx, async (tx) => {
    const [removed] = await tx.db
      .delete(addresses)
      .where(and(eq(addresses.id, input.id), eq(addresses.userId, ctx.session.userId)))
      .returning();
    if (!removed) throw new NotFound("Address not found");
    if (removed.isDefault) {
      const [next] = await tx.db
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, ctx.session.userId))
        .orderBy(desc(addresses.id))
        .limit(1);
      if (next) await tx.db.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
  });
}

export async function mySessions(ctx: SelfContext) {
  const sessions = await listSessions(ctx, ctx.session.userId);
  return sessions.map((s) => ({
    id: s.id,
    current: s.id === ctx.session.sessionId,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: new Date(s.createdAt),
    lastSeenAt: new Date(s.lastSeenAt),
    expiresAt: new Date(s.expiresAt),
  }));
}

export async function revokeMySession(ctx: SelfContext, input: { sessionId: string }) {
  // Only ids from the caller's own index can be revoked: another user's session id is "not found".
  const own = (await listSessions(ctx, ctx.session.userId)).some((s) => s.id === input.sessionId);
  if (!own || !(await revokeSession(ctx, ctx.session.userId, input.sessionId))) throw new NotFound("Session not found");
  if (input.sessionId === ctx.session.sessionId) ctx.cookie.clear();
  await recordAudit(ctx, { action: "session.revoked", targetType: "user", targetId: ctx.session.userId });
}

/** Everything we hold about the caller, as JSON (the right of access). */
export async function exportMyData(ctx: SelfContext) {
  const userId = ctx.session.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound("Account not found");
  const { passwordHash: _omit, ...profile } = user;
  const myOrders = await ctx.db.select().from(orders).where(eq(orders.customerId, userId));
  const orderIds = myOrders.map((o) => o.id);
  const myVendorOrders = orderIds.length ? await ctx.db.select().from(vendorOrders).where(inArray(vendorOrders.orderId, orderIds)) : [];
  const lines = myVendorOrders.length
    ? await ctx.db
        .select()
        .from(orderLines)
        .where(
          inArray(
            orderLines.vendorOrderId,
            myVendorOrders.map((v) => v.id),
          ),
        )
    : [];
  const data = {
    exportedAt: ctx.clock.now().toISOString(),
    profile,
    addresses: await ctx.db.select().from(addresses).where(eq(addresses.userId, userId)),
    orders: myOrders.map((order) => ({
      ...order,
      vendorOrders: myVendorOrders
        .filter((v) => v.orderId === order.id)
        .map((v) => ({ ...v, lines: lines.filter((l) => l.vendorOrderId === v.id) })),
    })),
    vendorMemberships: await ctx.db.select().from(vendorMembers).where(eq(vendorMembers.userId, userId)),
    vendorApplications: await ctx.db.select().from(vendorApplications).where(eq(vendorApplications.applicantId, userId)),
    sessions: await mySessions(ctx),
    securityEvents: await ctx.db
      .select({ action: auditLog.action, ip: auditLog.ip, userAgent: auditLog.userAgent, createdAt: auditLog.createdAt })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, userId), eq(auditLog.targetId, userId)))
      .orderBy(desc(auditLog.id))
      .limit(1000),
  };
  await recordAudit(ctx, { action: "user.data_exported", targetType: "user", targetId: userId });
  return data;
}

/**
 * Deletes an account: personal data is erased; the user row (anonymised) and orders stay,
 * because invoices and tax records must be kept. Addresses on past orders are cut to the
 * region and city, which is what accounting needs.
 */
export async function deleteMyAccount(ctx: SelfContext, input: z.infer<typeof deleteAccountInput>) {
  const userId = ctx.session.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
    throw new ValidationFailed("Password is wrong", { password: ["The password is wrong"] });
  }
  const isOwner = await ctx.db
    .select({ vendorId: vendorMembers.vendorId })
    .from(vendorMembers)
    .where(and(eq(vendorMembers.userId, userId), eq(vendorMembers.role, "owner")));
  if (isOwner.length > 0) throw new InvalidState("Hand over or close your store before deleting your account");
  await withTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({
        email: `deleted-${userId}@deleted.invalid`,
        name: "Deleted user",
        phone: null,
        passwordHash: null,
        deletedAt: tx.clock.now(),
        disabledAt: tx.clock.now(),
      })
      .where(eq(users.id, userId));
    await tx.db
      .update(orders)
      .set({
        shippingAddress: sql`jsonb_build_object('region', ${orders.shippingAddress} ->> 'region', 'city', ${orders.shippingAddress} ->> 'city')`,
      })
      .where(eq(orders.customerId, userId));
    await tx.db.delete(addresses).where(eq(addresses.userId, userId));
    await tx.db.delete(schema.totpCredentials).where(eq(schema.totpCredentials.userId, userId));
    await tx.db.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, userId));
    await tx.db.delete(schema.oneTimeTokens).where(eq(schema.oneTimeTokens.userId, userId));
    await recordAudit(tx, { action: "user.deleted", targetType: "user", targetId: userId });
  });
  await revokeAllSessions(ctx, userId);
  await revokeRefreshTokens(ctx, userId);
  ctx.cookie.clear();
}

// ── Administration ─────────────────────────────────────────────────────────────────

export async function listUsers(ctx: Pick<Context, "db">, input: z.infer<typeof listUsersInput>) {
  const conditions = [
    sql`${users.deletedAt} is null`,
    input.role ? eq(users.role, input.role) : undefined,
    input.query ? or(ilike(users.email, containsPattern(input.query)), ilike(users.name, containsPattern(input.query))) : undefined,
    input.cursor ? lt(users.id, input.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

export async function getUser(ctx: Context, input: { userId: string }) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new NotFound("User not found");
  const { passwordHash: _omit, ...profile } = user;
  const memberships = await ctx.db
    .select({ vendorId: vendorMembers.vendorId, role: vendorMembers.role, vendorName: schema.vendors.name })
    .from(vendorMembers)
    .innerJoin(schema.vendors, eq(schema.vendors.id, vendorMembers.vendorId))
    .where(eq(vendorMembers.userId, user.id));
  const sessions = await listSessions(ctx, user.id);
  return {
    ...profile,
    memberships,
    sessions: sessions.map((s) => ({
      id: s.id,
      ip: s.ip,
      userAgent: s.userAgent,
      lastSeenAt: new Date(s.lastSeenAt),
      createdAt: new Date(s.createdAt),
    })),
  };
}

const PRIVILEGED: ReadonlySet<UserRole> = new Set(["ADMIN", "SUPER_ADMIN"]);

/** Only SUPER_ADMIN grants or takes away ADMIN; nobody changes their own role; the user's sessions end. */
export async function changeRole(ctx: SelfContext, input: z.infer<typeof changeRoleInput>) {
  if (input.userId === ctx.session.userId) throw new Forbidden("You cannot change your own role");
  const [target] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!target || target.deletedAt) throw new NotFound("User not found");
  const touchesAdmin = PRIVILEGED.has(input.role) || PRIVILEGED.has(target.role);
  if (touchesAdmin && !permissionsOf(ctx.session).has("users:grant-admin"))
    throw new Forbidden("Only a super admin can grant or remove admin roles");
  if (target.role === input.role) return { id: target.id, role: target.role };
  await withTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ role: input.role }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      action: "user.role_changed",
      targetType: "user",
      targetId: target.id,
      metadata: { from: target.role, to: input.role },
    });
  });
  await endSessionsAfterPrivilegeChange(ctx, target.id);
  return { id: target.id, role: input.role };
}

export async function setDisabled(ctx: SelfContext, input: { userId: string; disabled: boolean }) {
  if (input.userId === ctx.session.userId) throw new Forbidden("You cannot disable your own account");
  const [target] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!target || target.deletedAt) throw new NotFound("User not found");
  if (PRIVILEGED.has(target.role) && !permissionsOf(ctx.session).has("users:grant-admin"))
    throw new Forbidden("Only a super admin can disable an admin");
  await ctx.db
    .update(users)
    .set({ disabledAt: input.disabled ? ctx.clock.now() : null })
    .where(and(eq(users.id, target.id), ne(users.role, "SUPER_ADMIN")));
  await recordAudit(ctx, { action: input.disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: target.id });
  if (input.disabled) await endSessionsAfterPrivilegeChange(ctx, target.id);
}

export async function endUserSessions(ctx: SelfContext, input: { userId: string }) {
  const [target] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!target) throw new NotFound("User not found");
  const ended = await revokeAllSessions(ctx, target.id);
  await revokeRefreshTokens(ctx, target.id);
  await recordAudit(ctx, { action: "user.sessions_ended", targetType: "user", targetId: target.id, metadata: { ended } });
  return { ended };
}
