import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import type { DbExecutor } from "@ultramarket/db";

const dialect = new PgDialect();

/**
 * Runs a statement whose text never changes as a prepared statement (postgres.js keeps one per connection), so
 * Postgres parses and plans it once instead of on every search. Only for statements whose plan does not depend on
 * their parameters' values: a generic plan is used after a few runs. Inside a transaction it runs unprepared.
 */
export async function preparedRows<T>(db: DbExecutor, query: SQL): Promise<T[]> {
  const client = "$client" in db ? db.$client : null;
  if (!client) return (await db.execute(query)) as unknown as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}
