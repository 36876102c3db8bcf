import type { Database } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";

import type { Context } from "../../core/context";
import type { Logger } from "../../core/logger";

export type SearchQueryEntry = typeof schema.searchQueries.$inferInsert;
export type SearchClickEntry = typeof schema.searchClicks.$inferInsert;

/** Rows kept in memory at most; past it the oldest are dropped (a database outage must not exhaust memory). */
const MAX_BUFFERED = 20_000;

/**
 * Writes search analytics in batches: a search costs a push onto an array, and one INSERT per table carries up to
 * a second's worth of them. Flushed every interval, when a batch fills, and when the process closes; what a crash
 * loses is at most that last second of analytics — never anything a shopper sees.
 */
export class SearchLogWriter {
  private queries: SearchQueryEntry[] = [];
  private clicks: SearchClickEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly options: { intervalMs: number; batchSize: number } = { intervalMs: 1000, batchSize: 500 },
  ) {}

  query(entry: Omit<SearchQueryEntry, "id"> & { id?: string }): string {
    const id = entry.id ?? newId();
    this.push(this.queries, { ...entry, id });
    return id;
  }

  click(entry: Omit<SearchClickEntry, "id">): void {
    this.push(this.clicks, { ...entry, id: newId() });
  }

  private push<T>(buffer: T[], row: T): void {
    buffer.push(row);
    if (buffer.length > MAX_BUFFERED) buffer.splice(0, buffer.length - MAX_BUFFERED);
    if (buffer.length >= this.options.batchSize) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is buffered; concurrent calls wait for the same write. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (this.queries.length === 0 && this.clicks.length === 0) return;
    const queries = this.queries.splice(0);
    const clicks = this.clicks.splice(0);
    this.flushing = (async () => {
      try {
        await this.write(queries, clicks);
      } catch (error) {
        this.log.warn({ err: error, queries: queries.length, clicks: clicks.length }, "search analytics write failed; retrying later");
        this.queries.unshift(...queries);
        this.clicks.unshift(...clicks);
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.options.intervalMs * 5);
          this.timer.unref();
        }
      }
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /**
   * One INSERT per table. A row the database refuses (a data error) must not hold back every other row forever: the
   * batch is then written row by row and the refused rows are dropped; other failures (the database is away) throw,
   * and the batch is kept for the next flush.
   */
  private async write(queries: SearchQueryEntry[], clicks: SearchClickEntry[]): Promise<void> {
    const insert = async (rows: SearchQueryEntry[], clickRows: SearchClickEntry[]) => {
      if (rows.length) await this.db.insert(schema.searchQueries).values(rows).onConflictDoNothing();
      if (clickRows.length) await this.db.insert(schema.searchClicks).values(clickRows).onConflictDoNothing();
    };
    try {
      await insert(queries, clicks);
    } catch (error) {
      if (!isDataError(error)) throw error;
      let dropped = 0;
      for (const row of queries) await insert([row], []).catch((e: unknown) => (isDataError(e) ? void dropped++ : Promise.reject(e)));
      for (const row of clicks) await insert([], [row]).catch((e: unknown) => (isDataError(e) ? void dropped++ : Promise.reject(e)));
      this.log.warn({ err: error, dropped }, "search analytics rows refused by the database were dropped");
    }
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A result opened from the results page: counted against the query it came from. */
export async function logClick(ctx: Pick<Context, "searchLog" | "db">, input: { queryId: string; productId: string; position: number }) {
  ctx.searchLog.click(input);
  return { ok: true as const };
}

/** SQLSTATE class 22 (data exception) or 23 (integrity): the row itself is wrong, retrying will not help. */
function isDataError(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}
