import { and, desc, eq, like, sql } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { prefixPattern } from "../core/like";

const { searchHistory } = schema;
/** Searches kept per shopper; older ones are dropped as new ones arrive. */
const HISTORY_SIZE = 50;

type HistoryCtx = Pick<Context, "db" | "clock"> & { session: { kind: "user"; userId: string } };

/** Remembers a signed-in shopper's search (one row per distinct folded text, newest time kept). */
export async function rememberSearch(ctx: Pick<Context, "db" | "clock">, userId: string, text: string, foldedText: string) {
  if (!foldedText) return;
  const now = ctx.clock.now();
  await ctx.db
    .insert(searchHistory)
    .values({ userId, foldedText, text: text.trim().slice(0, 200), searchedAt: now })
    .onConflictDoUpdate({
      target: [searchHistory.userId, searchHistory.foldedText],
      set: { text: text.trim().slice(0, 200), searchedAt: now, searchCount: sqlIncrement(), updatedAt: now },
    });
}

function sqlIncrement() {
  return sql`${searchHistory.searchCount} + 1`;
}

export async function recentSearches(ctx: HistoryCtx, input: { limit: number; prefix?: string }) {
  const rows = await ctx.db
    .select({ text: searchHistory.text, foldedText: searchHistory.foldedText, searchedAt: searchHistory.searchedAt })
    .from(searchHistory)
    .where(
      and(
        eq(searchHistory.userId, ctx.session.userId),
        input.prefix ? like(searchHistory.foldedText, prefixPattern(input.prefix)) : undefined,
      ),
    )
    .orderBy(desc(searchHistory.searchedAt))
    .limit(input.limit);
  return { items: rows };
}

export async function clearHistory(ctx: HistoryCtx) {
  await ctx.db.delete(searchHistory).where(eq(searchHistory.userId, ctx.session.userId));
  return { ok: true as const };
}

/** Keeps each shopper's history to HISTORY_SIZE rows (run after remembering). */
export async function trimHistory(ctx: Pick<Context, "db">, userId: string) {
  await ctx.db.execute(sql`
    delete from ${searchHistory} where ${searchHistory.userId} = ${userId} and ${searchHistory.foldedText} in (
      select ${searchHistory.foldedText} from ${searchHistory} where ${searchHistory.userId} = ${userId}
       order by ${searchHistory.searchedAt} desc offset ${HISTORY_SIZE})`);
}
