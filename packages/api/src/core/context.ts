import { randomUUID } from "node:crypto";

import type { DbExecutor, UserRole } from "@ultramarket/db";
import type { JobQueue } from "../jobs/queue";
import type { Mailer } from "../notifications/mailer";
import type { SearchLogWriter } from "../search/analytics/log";
import type { SearchEngine } from "../search/engine";
import type { Clock } from "./clock";
import type { KeyValueStore } from "./kv";
import type { Logger } from "./logger";
import type { RateLimiters } from "../auth/rate-limit";
import type { FileStorage } from "../files/storage";
import type { Permission } from "./permissions";
import { ROLE_PERMISSIONS } from "./permissions";
import type { Runtime, RuntimeConfig } from "./runtime";

/** A signed-in person: by browser session cookie, or by access token (then `sessionId` is null). */
export interface UserSession {
  kind: "user";
  sessionId: string | null;
  userId: string;
  role: UserRole;
  /** Vendors the user is a member of (owner or staff). */
  vendorIds: string[];
  twoFactorVerified: boolean;
}

/** An internal service calling with an API key; it may do what its scopes allow. */
export interface ApiKeySession {
  kind: "api-key";
  apiKeyId: string;
  scopes: Permission[];
}

/** Who is calling; null for anonymous callers. */
export type Session = UserSession | ApiKeySession;

export function permissionsOf(session: Session | null): ReadonlySet<Permission> {
  if (!session) return new Set();
  return session.kind === "user" ? ROLE_PERMISSIONS[session.role] : new Set(session.scopes);
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** The `Idempotency-Key` header, when the request had one (checkout). */
  idempotencyKey?: string | null;
}

/** How a procedure hands a browser its session cookie; a no-op for tokens and tests. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

const noCookie: SessionCookie = { set: () => undefined, clear: () => undefined };

/** The guest cart's signed id: read from the request, set or cleared on the response. */
export interface CartCookie {
  read(): string | null;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

const noCartCookie: CartCookie = { read: () => null, set: () => undefined, clear: () => undefined };

/**
 * What every service receives. `db` is the pool or the caller's open transaction, so a
 * service called inside another's transaction joins it instead of opening its own.
 * Nothing here is a tRPC type: the worker and scripts build the same context.
 */
export interface Context {
  db: DbExecutor;
  kv: KeyValueStore;
  jobs: JobQueue;
  mailer: Mailer;
  log: Logger;
  clock: Clock;
  requestId: string;
  session: Session | null;
  request: RequestMeta;
  cookie: SessionCookie;
  cartCookie: CartCookie;
  limiters: RateLimiters;
  files: FileStorage;
  search: SearchEngine;
  searchLog: SearchLogWriter;
  config: Pick<RuntimeConfig, "publicWebUrl" | "publicAdminUrl" | "appEnv" | "catalogCache" | "orderAutoCancelMinutes">;
  authSecret: Uint8Array;
}

export function createContextInner(
  runtime: Runtime,
  options: {
    requestId?: string;
    session?: Session | null;
    request?: RequestMeta;
    cookie?: SessionCookie;
    cartCookie?: CartCookie;
  } = {},
): Context {
  const requestId = options.requestId ?? randomUUID();
  return {
    db: runtime.db,
    kv: runtime.kv,
    jobs: runtime.jobs,
    mailer: runtime.mailer,
    clock: runtime.clock,
    log: runtime.logger.child({ requestId }),
    requestId,
    session: options.session ?? null,
    request: options.request ?? { ip: null, userAgent: null },
    cookie: options.cookie ?? noCookie,
    cartCookie: options.cartCookie ?? noCartCookie,
    limiters: runtime.limiters,
    files: runtime.files,
    search: runtime.search,
    searchLog: runtime.searchLog,
    config: runtime.config,
    authSecret: runtime.authSecret,
  };
}

/** Runs `fn` in one transaction; the context it receives carries that transaction. */
export async function withTransaction<T>(ctx: Context, fn: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** A context inside a vendor-scoped procedure: a signed-in person acting for one vendor. */
export type VendorContext = Context & { session: UserSession; vendorId: string };
