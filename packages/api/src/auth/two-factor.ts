import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import { hashToken } from "../core/crypto";
import { Conflict, InvalidState, ValidationFailed } from "../core/errors";
import { ROLES_REQUIRING_TWO_FACTOR } from "../core/permissions";
import { createSession, revokeSession } from "./sessions";
import { matchTotp, newRecoveryCodes, newTotpSecret, totpEnrolment } from "./totp";

const { totpCredentials, recoveryCodes, users } = schema;

export async function isTwoFactorEnabled(ctx: Pick<Context, "db">, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  return Boolean(row);
}

/**
 * Accepts a TOTP code once: the step it belongs to must be later than the last step
 * used, and recording it is a conditional update, so a replay (even a concurrent one) fails.
 */
export async function consumeTotp(
  ctx: Pick<Context, "db" | "clock">,
  userId: string,
  code: string,
  options: { pending?: boolean } = {},
): Promise<boolean> {
  const [credential] = await ctx.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  if (!credential || (options.pending ? credential.enabledAt !== null : credential.enabledAt === null)) return false;
  const step = matchTotp(credential.secret, code, ctx.clock.now());
  if (step === null) return false;
  const claimed = await ctx.db
    .update(totpCredentials)
    .set({ lastUsedStep: step })
    .where(and(eq(totpCredentials.userId, userId), or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step))))
    .returning({ userId: totpCredentials.userId });
  return claimed.length === 1;
}

/**
 * The second-factor check for actions that take a code with their input (token issue,
 * password reset, disabling 2FA): asks for a missing code, counts the attempt against
 * the per-user TOTP limit, and accepts each code once.
 */
export async function requireTotpCode(
  ctx: Pick<Context, "db" | "clock" | "limiters">,
  userId: string,
  code: string | undefined,
): Promise<void> {
  if (!code) throw new ValidationFailed("Enter your authenticator code", { code: ["Enter the 6-digit code from your authenticator app"] });
  await ctx.limiters.consume("totpByUser", userId);
  if (!(await consumeTotp(ctx, userId, code)))
    throw new ValidationFailed("The code is not valid", { code: ["The code is not valid or was already used"] });
}

export async function consumeRecoveryCode(
  ctx: Pick<Context, "db" | "clock" | "request" | "session">,
  userId: string,
  code: string,
): Promise<boolean> {
  const claimed = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: ctx.clock.now() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashToken(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (claimed.length !== 1) return false;
  await recordAudit(ctx, { action: "auth.recovery_code_used", actorId: userId, targetType: "user", targetId: userId });
  return true;
}

async function replaceRecoveryCodes(ctx: Pick<Context, "db">, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await ctx.db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashToken(code) })));
  return codes;
}

export async function twoFactorStatus(ctx: Context & { session: UserSession }) {
  const [credential] = await ctx.db.select().from(totpCredentials).where(eq(totpCredentials.userId, ctx.session.userId));
  const [left] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, ctx.session.userId), isNull(recoveryCodes.usedAt)));
  return {
    enabled: Boolean(credential?.enabledAt),
    required: ROLES_REQUIRING_TWO_FACTOR.has(ctx.session.role),
    recoveryCodesLeft: left?.n ?? 0,
  };
}

/** Starts enrolment: a new secret (not yet active) and the QR code to scan. */
export async function startEnrolment(ctx: Context & { session: UserSession }) {
  if (await isTwoFactorEnabled(ctx, ctx.session.userId)) throw new Conflict("Two-factor authentication is already on");
  const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.session.userId));
  const secret = newTotpSecret();
  await ctx.db
    .insert(totpCredentials)
    .values({ userId: ctx.session.userId, secret })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secret, enabledAt: null, lastUsedStep: null } });
  return { secret, ...(await totpEnrolment(secret, user?.email ?? ctx.session.userId)) };
}

/**
 * Finishes enrolment with a first valid code. Returns ten recovery codes (shown once) and
 * replaces the session with one that has passed the second factor.
 */
export async function confirmEnrolment(ctx: Context & { session: UserSession }, input: { code: string }) {
  await ctx.limiters.consume("totpByUser", ctx.session.userId);
  const codes = await withTransaction(ctx, async (tx) => {
    if (!(await consumeTotp(tx, ctx.session.userId, input.code, { pending: true }))) {
      throw new ValidationFailed("The code is not valid", { code: ["The code is not valid; check your authenticator app's time"] });
    }
    await tx.db.update(totpCredentials).set({ enabledAt: tx.clock.now() }).where(eq(totpCredentials.userId, ctx.session.userId));
    const codes = await replaceRecoveryCodes(tx, ctx.session.userId);
    await recordAudit(tx, { action: "auth.totp_enabled", targetType: "user", targetId: ctx.session.userId });
    return codes;
  });
  if (ctx.session.sessionId) {
    await revokeSession(ctx, ctx.session.userId, ctx.session.sessionId);
    const { token, session } = await createSession(ctx, {
      userId: ctx.session.userId,
      role: ctx.session.role,
      vendorIds: ctx.session.vendorIds,
      twoFactorVerified: true,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
    });
    ctx.cookie.set(token, new Date(session.expiresAt));
  }
  return { recoveryCodes: codes };
}

export async function disableTwoFactor(ctx: Context & { session: UserSession }, input: { code: string }) {
  if (ROLES_REQUIRING_TWO_FACTOR.has(ctx.session.role)) throw new InvalidState("Staff accounts must keep two-factor authentication on");
  await requireTotpCode(ctx, ctx.session.userId, input.code);
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(totpCredentials).where(eq(totpCredentials.userId, ctx.session.userId));
    await tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.session.userId));
    await recordAudit(tx, { action: "auth.totp_disabled", targetType: "user", targetId: ctx.session.userId });
  });
}

export async function regenerateRecoveryCodes(ctx: Context & { session: UserSession }, input: { code: string }) {
  await requireTotpCode(ctx, ctx.session.userId, input.code);
  return { recoveryCodes: await replaceRecoveryCodes(ctx, ctx.session.userId) };
}
