import { desc, eq, lt, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { decodeCursor, encodeCursor } from "../core/cursor";
import { NotFound } from "../core/errors";

/** Past this many rows an exact count(*) costs more than a dashboard is worth. */
const EXACT_COUNT_LIMIT = 200_000;

export interface Count {
  value: number;
  estimated: boolean;
}

async function countRows(ctx: Pick<Context, "db">, table: PgTable, tableName: string): Promise<Count> {
  const [estimate] = await ctx.db.execute<{ n: number }>(
    sql`select greatest(reltuples, 0)::bigint::int as n from pg_class where oid = to_regclass(${tableName})`,
  );
  if (estimate && estimate.n > EXACT_COUNT_LIMIT) return { value: estimate.n, estimated: true };
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return { value: row?.n ?? 0, estimated: false };
}

export async function dashboardCounts(ctx: Pick<Context, "db">) {
  const [products, orders, vendors, users] = await Promise.all([
    countRows(ctx, schema.products, "products"),
    countRows(ctx, schema.orders, "orders"),
    countRows(ctx, schema.vendors, "vendors"),
    countRows(ctx, schema.users, "users"),
  ]);
  return { products, orders, vendors, users };
}

export async function devMailbox(ctx: Pick<Context, "db" | "mailer">, input: { cursor?: string; limit: number }) {
  if (ctx.mailer.transport !== "dev-mailbox") throw new NotFound("The dev mailbox is off: mail goes to SMTP");
  const { devMailbox: mail } = schema;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.db
    .select()
    .from(mail)
    // UUIDv7 ids are time-ordered, so the id alone is a stable newest-first key.
    .where(cursor ? lt(mail.id, cursor.id) : undefined)
    .orderBy(desc(mail.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ id, to, subject, text, html, createdAt }) => ({ id, to, subject, text, html, createdAt })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ v: 0, id: last.id }) : null,
  };
}

export async function devMailboxMessage(ctx: Pick<Context, "db" | "mailer">, input: { id: string }) {
  if (ctx.mailer.transport !== "dev-mailbox") throw new NotFound("The dev mailbox is off: mail goes to SMTP");
  const [row] = await ctx.db.select().from(schema.devMailbox).where(eq(schema.devMailbox.id, input.id));
  if (!row) throw new NotFound("Message not found");
  return row;
}
