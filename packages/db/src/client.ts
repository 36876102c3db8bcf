import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as schema from "./schema";

export interface DbOptions {
  /** Pool size; the apps keep it small because each Next.js server is one process. */
  max?: number;
  /** Name reported in pg_stat_activity, so a slow query can be traced to its process. */
  applicationName?: string;
}

export function createSqlClient(url: string, options: DbOptions = {}) {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connection: {
      application_name: options.applicationName ?? "ultramarket",
      // JIT compiles a statement when its estimated cost is high, which for the searches' and listings' large but
      // LIMITed statements costs 20-40 ms of compiling for a few ms of work (measured; docs/benchmarks.md).
      jit: "off",
      // Short statements from many concurrent requests: worker processes cost more to start than they save, and the
      // search engine reads its popularity tiers in order through an Append that a parallel plan would interleave.
      max_parallel_workers_per_gather: "0",
    },
  });
}

export function createDb(url: string, options: DbOptions = {}) {
  const client = createSqlClient(url, options);
  const db = drizzle({ client, schema, casing: "snake_case" });
  return { db, client };
}

export type SqlClient = ReturnType<typeof createSqlClient>;
export type Database = ReturnType<typeof createDb>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the pool or an open transaction: services accept both so they can join a caller's transaction. */
export type DbExecutor = Database | Transaction;
