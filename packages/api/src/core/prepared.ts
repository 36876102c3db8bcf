import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";

import type { DbExecutor } from "@ultramarket/db";

const dialect = new PgDialect();

/**
 * The postgres.js client under a Drizzle database or transaction. A transaction's is reached through its session
 * (not part of Drizzle's typed surface): null if a Drizzle upgrade moves it, and the statement then runs unprepared.
 */
export function clientOf(db: DbExecutor): Sql | null {
  if ("$client" in db) return db.$client as Sql;
  const session = (db as unknown as { session?: { client?: Sql } }).session;
  return typeof session?.client?.unsafe === "function" ? session.client : null;
}

/**
 * Runs a statement whose text never changes as a prepared statement (postgres.js keeps one per connection, in or out
 * of a transaction), so Postgres parses and plans it once instead of on every call. Only for statements whose plan
 * does not depend on their parameters' values: a generic plan is used after a few runs. An `= any(array)` condition
 * should read the array through a sub-select (`any((select $1::uuid[])::uuid[])`): otherwise Postgres prices a
 * generic plan for ten elements against custom plans for the few actually sent and keeps planning every call
 * (0.3 ms each for the cart's variants statement; docs/benchmarks.md).
 */
export async function preparedRows<T>(db: DbExecutor, query: SQL): Promise<T[]> {
  const client = clientOf(db);
  if (!client) return (await db.execute(query)) as unknown as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}
