import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import type { DbExecutor } from "@ultramarket/db";
import { clientOf } from "./prepared";

const dialect = new PgDialect();

/**
 * A statement to pipeline: SQL, a Drizzle query builder (its text and parameters, without its row mapping), or a
 * fixed text with its parameters (nothing to build per call).
 */
export type PipelinedStatement = SQL | { toSQL(): { sql: string; params: unknown[] } } | { text: string; params: unknown[] };

function toQuery(statement: PipelinedStatement): { sql: string; params: unknown[] } {
  if ("text" in statement) return { sql: statement.text, params: statement.params };
  return "toSQL" in statement ? statement.toSQL() : dialect.sqlToQuery(statement);
}

export type RawRow = Record<string, unknown>;

/**
 * Sends statements back to back on the transaction's connection, in the order given, and
 * waits for all of them: one round trip instead of one per statement, which on a loaded
 * machine is most of what a short statement costs (docs/benchmarks.md, bench:checkout).
 * Postgres still runs them one after another, so a later statement sees an earlier one's
 * rows (a child row may follow its parent's insert); if one fails, the rest fail with it
 * and the transaction is aborted. Rows come back as the database names them: select with
 * aliases when their shape matters. Statements are prepared per connection.
 *
 * Pass a transaction: on the pool, statements would go to different connections in no order.
 */
export async function pipeline(tx: DbExecutor, statements: PipelinedStatement[]): Promise<RawRow[][]> {
  const queries = statements.map(toQuery);
  const client = clientOf(tx);
  // Only if a Drizzle upgrade moved its driver client: every checkout test fails at once rather than silently slowing down.
  if (!client) throw new Error("pipeline: no postgres.js client under this executor");
  // postgres.js queues a query on the connection one microtask after `execute()`; calling it
  // in array order here is what keeps the statements in order on the wire.
  const pending = queries.map(({ sql, params }) => client.unsafe(sql, params as never[], { prepare: true }).execute());
  return (await Promise.all(pending)) as unknown as RawRow[][];
}
