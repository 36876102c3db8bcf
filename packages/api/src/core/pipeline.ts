import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import type { DbExecutor } from "@ultramarket/db";
import { clientOf } from "./prepared";

const dialect = new PgDialect();

/** A statement to pipeline: SQL, or a Drizzle query builder (its text and parameters, without its row mapping). */
export type PipelinedStatement = SQL | { toSQL(): { sql: string; params: unknown[] } };

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
  const queries = statements.map((statement) => ("toSQL" in statement ? statement.toSQL() : dialect.sqlToQuery(statement)));
  const client = clientOf(tx);
  if (!client) {
    const results: RawRow[][] = [];
    for (const statement of statements)
      results.push((await tx.execute("toSQL" in statement ? (statement as unknown as SQL) : statement)) as unknown as RawRow[]);
    return results;
  }
  // postgres.js queues a query on the connection one microtask after `execute()`; calling it
  // in array order here is what keeps the statements in order on the wire.
  const pending = queries.map(({ sql, params }) => client.unsafe(sql, params as never[], { prepare: true }).execute());
  return (await Promise.all(pending)) as unknown as RawRow[][];
}
