import type { UserRole } from "@ultramarket/db";
import type { Clock } from "../core/clock";
import { generateToken, hashToken } from "../core/crypto";
import type { KeyValueStore } from "../core/kv";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Lifetime {
  /** Ends after this long without a request. */
  idleMs: number;
  /** Ends this long after sign-in, however active. */
  absoluteMs: number;
}

/** Shoppers stay signed in while they keep coming back; staff sessions end after a working day. */
export function sessionLifetime(role: UserRole): Lifetime {
  return role === "CUSTOMER" ? { idleMs: 30 * DAY, absoluteMs: 180 * DAY } : { idleMs: 12 * 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE };
}

/** Seen-at updates are written at most this often, so validating a session is usually one read. */
const TOUCH_INTERVAL_MS = MINUTE;

export interface StoredSession {
  id: string;
  userId: string;
  role: UserRole;
  vendorIds: string[];
  twoFactorVerified: boolean;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionDeps {
  kv: KeyValueStore;
  clock: Clock;
}

const sessionKey = (id: string) => `session:${id}`;
const userIndexKey = (userId: string) => `user-sessions:${userId}`;

function decode(id: string, fields: Record<string, string>): StoredSession | null {
  if (!fields.userId || !fields.role) return null;
  return {
    id,
    userId: fields.userId,
    role: fields.role as UserRole,
    vendorIds: JSON.parse(fields.vendorIds ?? "[]") as string[],
    twoFactorVerified: fields.twoFactorVerified === "1",
    createdAt: Number(fields.createdAt),
    lastSeenAt: Number(fields.lastSeenAt),
    expiresAt: Number(fields.expiresAt),
    ip: fields.ip || null,
    userAgent: fields.userAgent || null,
  };
}

/**
 * Creates a session and returns its token. Only the token's SHA-256 (the session id) is
 * stored; the token lives in the browser's cookie. The token has 160 bits of entropy.
 */
export async function createSession(
  deps: SessionDeps,
  input: { userId: string; role: UserRole; vendorIds: string[]; twoFactorVerified: boolean; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: StoredSession }> {
  const token = generateToken();
  const id = hashToken(token);
  const now = deps.clock.now().getTime();
  const lifetime = sessionLifetime(input.role);
  const session: StoredSession = { id, ...input, createdAt: now, lastSeenAt: now, expiresAt: now + lifetime.absoluteMs };
  await deps.kv.hSet(sessionKey(id), {
    userId: session.userId,
    role: session.role,
    vendorIds: JSON.stringify(session.vendorIds),
    twoFactorVerified: session.twoFactorVerified ? "1" : "0",
    createdAt: String(now),
    lastSeenAt: String(now),
    expiresAt: String(session.expiresAt),
    ip: session.ip ?? "",
    userAgent: (session.userAgent ?? "").slice(0, 300),
  });
  await deps.kv.expire(sessionKey(id), Math.ceil(Math.min(lifetime.idleMs, lifetime.absoluteMs) / 1000));
  await deps.kv.hSet(userIndexKey(input.userId), { [id]: String(now) });
  await deps.kv.expire(userIndexKey(input.userId), Math.ceil(sessionLifetime("CUSTOMER").absoluteMs / 1000));
  return { token, session };
}

/** The session a token stands for, or null when unknown, idle too long or past its lifetime. */
export async function validateSessionToken(
  deps: SessionDeps,
  token: string,
  options: { touch?: boolean } = {},
): Promise<StoredSession | null> {
  const id = hashToken(token);
  const session = decode(id, await deps.kv.hGetAll(sessionKey(id)));
  if (!session) return null;
  const now = deps.clock.now().getTime();
  const lifetime = sessionLifetime(session.role);
  if (now >= session.expiresAt || now - session.lastSeenAt >= lifetime.idleMs) {
    await revokeSession(deps, session.userId, id);
    return null;
  }
  if (options.touch !== false && now - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
    await deps.kv.hSet(sessionKey(id), { lastSeenAt: String(now) });
    await deps.kv.expire(sessionKey(id), Math.ceil(Math.min(lifetime.idleMs, session.expiresAt - now) / 1000));
    session.lastSeenAt = now;
  }
  return session;
}

export async function listSessions(deps: SessionDeps, userId: string): Promise<StoredSession[]> {
  const ids = Object.keys(await deps.kv.hGetAll(userIndexKey(userId)));
  const sessions: StoredSession[] = [];
  for (const id of ids) {
    const session = decode(id, await deps.kv.hGetAll(sessionKey(id)));
    const now = deps.clock.now().getTime();
    if (session && now < session.expiresAt && now - session.lastSeenAt < sessionLifetime(session.role).idleMs) sessions.push(session);
    else await deps.kv.hDel(userIndexKey(userId), id);
  }
  return sessions.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

export async function revokeSession(deps: SessionDeps, userId: string, sessionId: string): Promise<boolean> {
  const removed = await deps.kv.del(sessionKey(sessionId));
  await deps.kv.hDel(userIndexKey(userId), sessionId);
  return removed > 0;
}

/** Ends every session of a user (logout everywhere, password reset, role change, disable). */
export async function revokeAllSessions(deps: SessionDeps, userId: string, options: { except?: string } = {}): Promise<number> {
  const ids = Object.keys(await deps.kv.hGetAll(userIndexKey(userId))).filter((id) => id !== options.except);
  if (ids.length === 0) return 0;
  const removed = await deps.kv.del(...ids.map(sessionKey));
  await deps.kv.hDel(userIndexKey(userId), ...ids);
  return removed;
}
