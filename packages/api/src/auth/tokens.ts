import { and, eq, isNull } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";

import type { UserRole } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";
import type { Context, UserSession } from "../core/context";
import { generateToken, hashToken } from "../core/crypto";
import { Unauthenticated } from "../core/errors";
import { recordAudit } from "../audit/service";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 60 * 60;
const ISSUER = "ultramarket";

interface Subject {
  userId: string;
  role: UserRole;
  vendorIds: string[];
  twoFactorVerified: boolean;
}

async function signAccessToken(ctx: Pick<Context, "authSecret" | "clock">, subject: Subject): Promise<string> {
  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  return new SignJWT({ role: subject.role, vendorIds: subject.vendorIds, tfa: subject.twoFactorVerified })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .sign(ctx.authSecret);
}

/** The caller an access token stands for, or null when it is malformed, forged or expired. */
export async function verifyAccessToken(ctx: Pick<Context, "authSecret" | "clock">, token: string): Promise<UserSession | null> {
  try {
    const { payload } = await jwtVerify(token, ctx.authSecret, {
      issuer: ISSUER,
      algorithms: ["HS256"],
      currentDate: ctx.clock.now(),
    });
    if (typeof payload.sub !== "string" || typeof payload.role !== "string") return null;
    return {
      kind: "user",
      sessionId: null,
      userId: payload.sub,
      role: payload.role as UserRole,
      vendorIds: Array.isArray(payload.vendorIds) ? (payload.vendorIds as string[]) : [],
      twoFactorVerified: payload.tfa === true,
    };
  } catch {
    return null;
  }
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
}

/** A new access token and a refresh token starting (or continuing) a rotation family. */
export async function issueTokenPair(
  ctx: Pick<Context, "db" | "authSecret" | "clock">,
  subject: Subject,
  familyId: string = newId(),
): Promise<TokenPair> {
  const refreshToken = generateToken(32);
  await ctx.db.insert(schema.refreshTokens).values({
    userId: subject.userId,
    familyId,
    tokenHash: hashToken(refreshToken),
    expiresAt: new Date(ctx.clock.now().getTime() + REFRESH_TOKEN_SECONDS * 1000),
  });
  return { accessToken: await signAccessToken(ctx, subject), refreshToken, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_SECONDS };
}

/**
 * Trades a refresh token for a new pair. Each refresh token works once: the UPDATE that
 * marks it rotated is conditional, so two racing refreshes cannot both win. Presenting a
 * token that was already rotated means it leaked, so its whole family is revoked.
 */
export async function rotateRefreshToken(
  ctx: Pick<Context, "db" | "authSecret" | "clock" | "request" | "session">,
  refreshToken: string,
  loadSubject: (userId: string) => Promise<Subject | null>,
): Promise<TokenPair> {
  const { refreshTokens } = schema;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(refreshToken)));
  if (!row || row.revokedAt || row.expiresAt <= now) throw new Unauthenticated("Refresh token is invalid or expired");
  const [claimed] = await ctx.db
    .update(refreshTokens)
    .set({ rotatedAt: now })
    .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (!claimed) {
    await ctx.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
    await recordAudit(ctx, {
      action: "auth.refresh_token_reuse",
      actorId: row.userId,
      targetType: "user",
      targetId: row.userId,
      metadata: { familyId: row.familyId },
    });
    throw new Unauthenticated("Refresh token was already used; sign in again");
  }
  const subject = await loadSubject(row.userId);
  if (!subject) throw new Unauthenticated("Account is not available");
  return issueTokenPair(ctx, subject, row.familyId);
}

export async function revokeRefreshTokens(ctx: Pick<Context, "db" | "clock">, userId: string): Promise<void> {
  await ctx.db
    .update(schema.refreshTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(schema.refreshTokens.userId, userId), isNull(schema.refreshTokens.revokedAt)));
}
