import { randomUUID } from "node:crypto";

import type { DbExecutor, UserRole } from "@ultramarket/db";
import type { JobQueue } from "../jobs/queue";
import type { Mailer } from "../notifications/mailer";
import type { Clock } from "./clock";
import type { KeyValueStore } from "./kv";
import type { Logger } from "./logger";
import type { Runtime } from "./runtime";

/** Who is calling. Filled by the identity layer (issue 4); null for anonymous callers. */
export interface Session {
  userId: string;
  role: UserRole;
  /** Vendors the user is a member of (owner or staff). */
  vendorIds: string[];
}

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
}

export function createContextInner(runtime: Runtime, options: { requestId?: string; session?: Session | null } = {}): Context {
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
  };
}

/** Runs `fn` in one transaction; the context it receives carries that transaction. */
export async function withTransaction<T>(ctx: Context, fn: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
