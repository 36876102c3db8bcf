import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";

import type { Locale, UserRole } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import { mergeGuestCart } from "../cart/service";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import { generateToken, hashToken } from "../core/crypto";
import { Forbidden, Unauthenticated, ValidationFailed } from "../core/errors";
import { sendEmailJob } from "../jobs/definitions/send-email";
import { MAIL } from "../notifications/templates";
import { hashPassword, verifyPassword } from "./password";
import type {
  changePasswordInput,
  issueTokensInput,
  loginInput,
  refreshTokensInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  secondFactorInput,
} from "./schema";
import { createSession, revokeAllSessions, revokeSession } from "./sessions";
import type { TokenPair } from "./tokens";
import { issueTokenPair, revokeRefreshTokens, rotateRefreshToken } from "./tokens";
import { consumeRecoveryCode, consumeTotp, isTwoFactorEnabled, requireTotpCode } from "./two-factor";

const { users, oneTimeTokens, vendorMembers } = schema;
const VERIFY_EMAIL_MS = 24 * 60 * 60 * 1000;
const RESET_PASSWORD_MS = 60 * 60 * 1000;
const LOGIN_CHALLENGE_SECONDS = 10 * 60;

const INVALID_CREDENTIALS = "Invalid email or password";
const INVALID_LINK = "This link is invalid or has expired";

function link(ctx: Pick<Context, "config">, locale: Locale, path: string): string {
  return `${ctx.config.publicWebUrl}/${locale}${path}`;
}

async function findUserByEmail(ctx: Pick<Context, "db">, email: string) {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

export async function vendorIdsOf(ctx: Pick<Context, "db">, userId: string): Promise<string[]> {
  const rows = await ctx.db.select({ vendorId: vendorMembers.vendorId }).from(vendorMembers).where(eq(vendorMembers.userId, userId));
  return rows.map((r) => r.vendorId);
}

/** One of our own single-use tokens: only its hash is stored; a new one for the same purpose cancels older ones. */
async function createOneTimeToken(
  ctx: Pick<Context, "db" | "clock">,
  userId: string,
  purpose: "verify_email" | "reset_password",
  ttlMs: number,
) {
  const token = generateToken();
  const now = ctx.clock.now();
  await ctx.db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
  await ctx.db.insert(oneTimeTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

async function findLiveToken(ctx: Pick<Context, "db" | "clock">, token: string, purpose: "verify_email" | "reset_password") {
  const [row] = await ctx.db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, ctx.clock.now()),
      ),
    );
  return row;
}

/** Marks a token used if nobody did first: of any number of racing requests, exactly one wins. */
async function claimToken(ctx: Pick<Context, "db" | "clock">, tokenId: string): Promise<boolean> {
  const claimed = await ctx.db
    .update(oneTimeTokens)
    .set({ usedAt: ctx.clock.now() })
    .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, ctx.clock.now())))
    .returning({ id: oneTimeTokens.id });
  return claimed.length === 1;
}

/**
 * Registration answers the same whether or not the email is taken (no enumeration): a
 * taken address gets a "you already have an account" mail instead of a verification link.
 */
export async function register(ctx: Context, input: z.infer<typeof registerInput>): Promise<{ status: "verification_sent" }> {
  await ctx.limiters.consume("registerByIp", ctx.request.ip ?? "unknown");
  const passwordHash = await hashPassword(input.password);
  await withTransaction(ctx, async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await tx.jobs.enqueue(
        tx.db,
        sendEmailJob,
        MAIL.alreadyRegistered(existing.email, input.locale, { link: link(tx, input.locale, "/sign-in") }),
      );
      return;
    }
    const [user] = await tx.db
      .insert(users)
      .values({ email: input.email, passwordHash, name: input.name, phone: input.phone ?? null, locale: input.locale })
      .returning({ id: users.id });
    const token = await createOneTimeToken(tx, user!.id, "verify_email", VERIFY_EMAIL_MS);
    await tx.jobs.enqueue(
      tx.db,
      sendEmailJob,
      MAIL.verifyEmail(input.email, input.locale, { link: link(tx, input.locale, `/verify-email?token=${token}`) }),
    );
    await recordAudit(tx, { action: "auth.register", actorId: user!.id, actorEmail: input.email, targetType: "user", targetId: user!.id });
  });
  return { status: "verification_sent" };
}

export async function verifyEmail(ctx: Context, input: { token: string }): Promise<{ verified: true }> {
  return withTransaction(ctx, async (tx) => {
    const row = await findLiveToken(tx, input.token, "verify_email");
    if (!row || !(await claimToken(tx, row.id))) throw new ValidationFailed(INVALID_LINK, { token: [INVALID_LINK] });
    await tx.db.update(users).set({ emailVerifiedAt: tx.clock.now() }).where(eq(users.id, row.userId));
    await recordAudit(tx, { action: "auth.email_verified", actorId: row.userId, targetType: "user", targetId: row.userId });
    return { verified: true as const };
  });
}

/** Checks email + password with rate limits first (429 before any hashing) and no enumeration. */
async function checkCredentials(ctx: Context, email: string, password: string) {
  await ctx.limiters.consume("loginByIp", ctx.request.ip ?? "unknown");
  await ctx.limiters.consume("loginByAccount", email);
  const user = await findUserByEmail(ctx, email);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.deletedAt) {
    await recordAudit(ctx, {
      action: "auth.login_failed",
      actorId: user?.id ?? null,
      actorEmail: email,
      metadata: { reason: "credentials" },
    });
    throw new Unauthenticated(INVALID_CREDENTIALS);
  }
  if (user.disabledAt) {
    await recordAudit(ctx, { action: "auth.login_failed", actorId: user.id, actorEmail: email, metadata: { reason: "disabled" } });
    throw new Forbidden("This account is disabled. Contact support.");
  }
  if (!user.emailVerifiedAt) throw new Forbidden("Confirm your email address first: we sent you a link.");
  return user;
}

async function startSession(ctx: Context, user: { id: string; role: UserRole; email: string }, twoFactorVerified: boolean, method: string) {
  const { token, session } = await createSession(ctx, {
    userId: user.id,
    role: user.role,
    vendorIds: await vendorIdsOf(ctx, user.id),
    twoFactorVerified,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  });
  ctx.cookie.set(token, new Date(session.expiresAt));
  // The cart filled before signing in joins the account's cart (on every device).
  await mergeGuestCart(ctx, user.id);
  await recordAudit(ctx, {
    action: "auth.login_succeeded",
    actorId: user.id,
    actorEmail: user.email,
    targetType: "user",
    targetId: user.id,
    metadata: { method },
  });
  return { token, expiresAt: new Date(session.expiresAt) };
}

export type LoginResult = { status: "signed_in"; token: string; expiresAt: Date } | { status: "two_factor_required"; challenge: string };

/** Password sign-in. With a second factor enrolled, returns a short-lived challenge instead of a session. */
export async function login(ctx: Context, input: z.infer<typeof loginInput>): Promise<LoginResult> {
  const user = await checkCredentials(ctx, input.email, input.password);
  if (await isTwoFactorEnabled(ctx, user.id)) {
    const challenge = generateToken();
    await ctx.kv.set(`login-challenge:${hashToken(challenge)}`, user.id, { ttlSeconds: LOGIN_CHALLENGE_SECONDS });
    return { status: "two_factor_required", challenge };
  }
  return { status: "signed_in", ...(await startSession(ctx, user, false, "password")) };
}

/** Second step of sign-in: a TOTP code (used once) or a recovery code (used once) opens a new session. */
export async function completeTwoFactorLogin(ctx: Context, input: z.infer<typeof secondFactorInput>) {
  const key = `login-challenge:${hashToken(input.challenge)}`;
  const userId = await ctx.kv.get(key);
  if (!userId) throw new Unauthenticated("This sign-in has expired; start again");
  await ctx.limiters.consume("totpByUser", userId);
  const ok = input.code
    ? await consumeTotp(ctx, userId, input.code)
    : input.recoveryCode
      ? await consumeRecoveryCode(ctx, userId, input.recoveryCode)
      : false;
  if (!ok)
    throw new ValidationFailed("The code is not valid", {
      [input.code ? "code" : "recoveryCode"]: ["The code is not valid or was already used"],
    });
  await ctx.kv.del(key);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt || user.deletedAt) throw new Unauthenticated(INVALID_CREDENTIALS);
  return { status: "signed_in" as const, ...(await startSession(ctx, user, true, input.code ? "totp" : "recovery_code")) };
}

export async function logout(ctx: Context & { session: UserSession }): Promise<void> {
  if (ctx.session.sessionId) await revokeSession(ctx, ctx.session.userId, ctx.session.sessionId);
  ctx.cookie.clear();
  await recordAudit(ctx, { action: "auth.logout", targetType: "user", targetId: ctx.session.userId });
}

export async function logoutEverywhere(ctx: Context & { session: UserSession }): Promise<{ ended: number }> {
  const ended = await revokeAllSessions(ctx, ctx.session.userId);
  await revokeRefreshTokens(ctx, ctx.session.userId);
  ctx.cookie.clear();
  await recordAudit(ctx, { action: "auth.logout_everywhere", targetType: "user", targetId: ctx.session.userId, metadata: { ended } });
  return { ended };
}

export async function me(ctx: Context) {
  if (ctx.session?.kind !== "user") return null;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.session.userId));
  if (!user || user.deletedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    role: user.role,
    locale: user.locale as Locale,
    currency: user.currency,
    emailVerified: user.emailVerifiedAt !== null,
    vendorIds: ctx.session.vendorIds,
    twoFactorEnabled: await isTwoFactorEnabled(ctx, user.id),
    twoFactorVerified: ctx.session.twoFactorVerified,
  };
}

export async function changePassword(ctx: Context & { session: UserSession }, input: z.infer<typeof changePasswordInput>): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.session.userId));
  await ctx.limiters.consume("loginByAccount", user?.email ?? ctx.session.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationFailed("Current password is wrong", { currentPassword: ["The current password is wrong"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
  // Other devices must sign in again with the new password; this one stays signed in.
  await revokeAllSessions(ctx, user.id, { except: ctx.session.sessionId ?? undefined });
  await revokeRefreshTokens(ctx, user.id);
  await recordAudit(ctx, { action: "auth.password_changed", targetType: "user", targetId: user.id });
}

/** Always answers the same; a mail goes out only for a known, live account. */
export async function requestPasswordReset(
  ctx: Context,
  input: z.infer<typeof requestPasswordResetInput>,
): Promise<{ status: "sent_if_known" }> {
  await ctx.limiters.consume("resetByIp", ctx.request.ip ?? "unknown");
  await ctx.limiters.consume("resetByAccount", input.email);
  const user = await findUserByEmail(ctx, input.email);
  if (user && !user.deletedAt && !user.disabledAt) {
    await withTransaction(ctx, async (tx) => {
      const token = await createOneTimeToken(tx, user.id, "reset_password", RESET_PASSWORD_MS);
      const locale = (user.locale as Locale) ?? input.locale;
      await tx.jobs.enqueue(
        tx.db,
        sendEmailJob,
        MAIL.resetPassword(user.email, locale, { link: link(tx, locale, `/reset-password?token=${token}`) }),
      );
      await recordAudit(tx, { action: "auth.password_reset_requested", actorId: user.id, targetType: "user", targetId: user.id });
    });
  }
  return { status: "sent_if_known" };
}

/**
 * Sets a new password from a reset link. The token works once (claimed with a conditional
 * update), the second factor is asked when enrolled, and every session and refresh token ends.
 */
export async function resetPassword(ctx: Context, input: z.infer<typeof resetPasswordInput>): Promise<{ status: "password_reset" }> {
  await ctx.limiters.consume("resetByIp", ctx.request.ip ?? "unknown");
  const row = await findLiveToken(ctx, input.token, "reset_password");
  if (!row) throw new ValidationFailed(INVALID_LINK, { token: [INVALID_LINK] });
  if (await isTwoFactorEnabled(ctx, row.userId)) await requireTotpCode(ctx, row.userId, input.code);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    if (!(await claimToken(tx, row.id))) throw new ValidationFailed(INVALID_LINK, { token: [INVALID_LINK] });
    await tx.db.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    await recordAudit(tx, { action: "auth.password_reset", actorId: row.userId, targetType: "user", targetId: row.userId });
  });
  await revokeAllSessions(ctx, row.userId);
  await revokeRefreshTokens(ctx, row.userId);
  return { status: "password_reset" };
}

async function tokenSubject(ctx: Pick<Context, "db">, userId: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt || user.deletedAt) return null;
  return { userId: user.id, role: user.role, vendorIds: await vendorIdsOf(ctx, user.id), twoFactorVerified: false };
}

/** For API clients (mobile apps, scripts): a 15-minute access token and a rotating 7-day refresh token. */
export async function issueTokens(ctx: Context, input: z.infer<typeof issueTokensInput>): Promise<TokenPair> {
  const user = await checkCredentials(ctx, input.email, input.password);
  const twoFactorVerified = await isTwoFactorEnabled(ctx, user.id);
  if (twoFactorVerified) await requireTotpCode(ctx, user.id, input.code);
  await recordAudit(ctx, {
    action: "auth.login_succeeded",
    actorId: user.id,
    actorEmail: user.email,
    targetType: "user",
    targetId: user.id,
    metadata: { method: "tokens" },
  });
  return issueTokenPair(ctx, { userId: user.id, role: user.role, vendorIds: await vendorIdsOf(ctx, user.id), twoFactorVerified });
}

export async function refreshTokens(ctx: Context, input: z.infer<typeof refreshTokensInput>): Promise<TokenPair> {
  await ctx.limiters.consume("tokensByIp", ctx.request.ip ?? "unknown");
  return rotateRefreshToken(ctx, input.refreshToken, (userId) => tokenSubject(ctx, userId));
}

/** A session for a user whose role or memberships changed must be re-issued: end the old ones. */
export async function endSessionsAfterPrivilegeChange(ctx: Context, userId: string): Promise<void> {
  await revokeAllSessions(ctx, userId);
  await revokeRefreshTokens(ctx, userId);
}
