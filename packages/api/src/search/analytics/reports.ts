import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";

import type { Context } from "../../core/context";
import { ValidationFailed } from "../../core/errors";
import type { LowClickThroughInput, ReportPeriodInput, TopQueriesInput, ZeroResultQueriesInput } from "../admin-schema";
import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS } from "../admin-schema";

/**
 * The console's search reports, read from the analytics log (search_queries, search_clicks).
 *
 * What counts as a search: a logged query with text, on its first page. Later pages are logged as queries of their
 * own (with the clicks made on them), but they continue a search already counted, so neither they nor their clicks
 * count; browsing a category without text is not a search at all. Queries are grouped by their folded text, so
 * `Telefon`, `telefon` and `телефон` are one query.
 */

type ReportCtx = Pick<Context, "db" | "clock">;

/** Days in UTC (the console's clock), both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

interface ResolvedPeriod extends ReportPeriod {
  start: Date;
  /** The first instant after the period. */
  end: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The chosen days, or the last seven up to today; refused when backwards or longer than a year. */
export function resolvePeriod(ctx: Pick<Context, "clock">, input: ReportPeriodInput): ResolvedPeriod {
  const to = input.to ?? dayOf(ctx.clock.now());
  const from = input.from ?? dayOf(new Date(startOfDay(to).getTime() - (REPORT_DEFAULT_DAYS - 1) * DAY_MS));
  const start = startOfDay(from);
  const end = new Date(startOfDay(to).getTime() + DAY_MS);
  if (start >= end) throw new ValidationFailed("The period ends before it starts", { to: ["Choose a day on or after the start"] });
  if (Math.round((end.getTime() - start.getTime()) / DAY_MS) > REPORT_MAX_DAYS) {
    throw new ValidationFailed("The period is too long", { from: [`A report covers at most ${REPORT_MAX_DAYS} days`] });
  }
  return { from, to, start, end };
}

/** The period's searches, one row each, with how many results were opened from them. */
function searchesIn(period: ResolvedPeriod): SQL {
  // As text: the Drizzle driver hands Date parameters to postgres.js unserialised.
  const start = sql`${period.start.toISOString()}::timestamptz`;
  const end = sql`${period.end.toISOString()}::timestamptz`;
  return sql`
    searches as (
      select q.id, q.text, q.folded_text, q.result_count, q.latency_ms, q.created_at, coalesce(c.clicks, 0) as clicks
        from search_queries q
        left join (
          -- A click follows its search, so clicks before the period cannot belong to it.
          select query_id, count(*)::int as clicks from search_clicks where created_at >= ${start} group by query_id
        ) c on c.query_id = q.id
       where q.created_at >= ${start} and q.created_at < ${end}
         and q.page = 1 and q.folded_text <> ''
    )`;
}

export interface QueryReportRow {
  foldedText: string;
  /** The spelling typed most often. */
  text: string;
  searches: number;
  averageResults: number;
  clicks: number;
  /** Searches with at least one result opened, over searches (0–1). */
  clickThrough: number;
}

interface QueryAggregateRow {
  folded_text: string;
  text: string;
  searches: number;
  average_results: number;
  clicks: number;
  clicked_searches: number;
}

const queryAggregates = sql`
  folded_text,
  mode() within group (order by text) as text,
  count(*)::int as searches,
  round(avg(result_count)::numeric, 1)::float8 as average_results,
  sum(clicks)::int as clicks,
  (count(*) filter (where clicks > 0))::int as clicked_searches`;

function toQueryRow(row: QueryAggregateRow): QueryReportRow {
  return {
    foldedText: row.folded_text,
    text: row.text,
    searches: row.searches,
    averageResults: row.average_results,
    clicks: row.clicks,
    clickThrough: row.searches > 0 ? row.clicked_searches / row.searches : 0,
  };
}

/** A page of a ranking: one row more than asked tells whether another page follows. */
function paged<T>(rows: T[], input: { limit: number; offset: number }) {
  return { items: rows.slice(0, input.limit), nextOffset: rows.length > input.limit ? input.offset + input.limit : null };
}

/** Queries ranked by their searches in the period: which searches count, which groups, and the order. */
async function rankedQueries(
  ctx: ReportCtx,
  input: ReportPeriodInput & { limit: number; offset: number },
  rank: { where?: SQL; having?: SQL; orderBy: SQL },
) {
  const period = resolvePeriod(ctx, input);
  const rows = (await ctx.db.execute(sql`
    with ${searchesIn(period)}
    select ${queryAggregates}
      from searches
     ${rank.where ? sql`where ${rank.where}` : sql``}
     group by folded_text
     ${rank.having ? sql`having ${rank.having}` : sql``}
     order by ${rank.orderBy}
     limit ${input.limit + 1} offset ${input.offset}`)) as unknown as QueryAggregateRow[];
  return { period: { from: period.from, to: period.to }, ...paged(rows.map(toQueryRow), input) };
}

/** The most searched queries, with their results and clicks. */
export async function topQueries(ctx: ReportCtx, input: TopQueriesInput) {
  return rankedQueries(ctx, input, { orderBy: sql`searches desc, folded_text` });
}

export interface ZeroResultRow {
  foldedText: string;
  text: string;
  searches: number;
  lastSearchedAt: Date;
}

/** Queries that found nothing, most frequent first: candidates for synonyms and for the catalog. */
export async function zeroResultQueries(ctx: ReportCtx, input: ZeroResultQueriesInput) {
  const period = resolvePeriod(ctx, input);
  const rows = (await ctx.db.execute(sql`
    with ${searchesIn(period)}
    select folded_text, mode() within group (order by text) as text, count(*)::int as searches,
           to_json(max(created_at)) #>> '{}' as last_searched_at
      from searches
     where result_count = 0
     group by folded_text
     order by searches desc, folded_text
     limit ${input.limit + 1} offset ${input.offset}`)) as unknown as {
    folded_text: string;
    text: string;
    searches: number;
    last_searched_at: string;
  }[];
  const items: ZeroResultRow[] = rows.map((row) => ({
    foldedText: row.folded_text,
    text: row.text,
    searches: row.searches,
    lastSearchedAt: new Date(row.last_searched_at),
  }));
  return { period: { from: period.from, to: period.to }, ...paged(items, input) };
}

/**
 * Queries shoppers search often, that find results, whose results they rarely open: the results are probably the
 * wrong ones. Lowest click-through first; only searches that found something count.
 */
export async function lowClickThroughQueries(ctx: ReportCtx, input: LowClickThroughInput) {
  const ranked = await rankedQueries(ctx, input, {
    where: sql`result_count > 0`,
    having: sql`count(*) >= ${input.minSearches}`,
    orderBy: sql`(count(*) filter (where clicks > 0))::float8 / count(*), searches desc, folded_text`,
  });
  return { ...ranked, minSearches: input.minSearches };
}

export interface SearchReportSummary {
  period: ReportPeriod;
  searches: number;
  distinctQueries: number;
  clicks: number;
  /** Shares (0–1) and the median; null when the period has no searches. */
  zeroResultRate: number | null;
  clickThrough: number | null;
  medianLatencyMs: number | null;
}

export async function reportSummary(ctx: ReportCtx, input: ReportPeriodInput): Promise<SearchReportSummary> {
  const period = resolvePeriod(ctx, input);
  const [row] = (await ctx.db.execute(sql`
    with ${searchesIn(period)}
    select count(*)::int as searches,
           count(distinct folded_text)::int as distinct_queries,
           coalesce(sum(clicks), 0)::int as clicks,
           (count(*) filter (where result_count = 0))::int as zero_result_searches,
           (count(*) filter (where clicks > 0))::int as clicked_searches,
           percentile_cont(0.5) within group (order by latency_ms) as median_latency_ms
      from searches`)) as unknown as {
    searches: number;
    distinct_queries: number;
    clicks: number;
    zero_result_searches: number;
    clicked_searches: number;
    median_latency_ms: number | null;
  }[];
  const searches = row?.searches ?? 0;
  return {
    period: { from: period.from, to: period.to },
    searches,
    distinctQueries: row?.distinct_queries ?? 0,
    clicks: row?.clicks ?? 0,
    zeroResultRate: searches ? row!.zero_result_searches / searches : null,
    clickThrough: searches ? row!.clicked_searches / searches : null,
    medianLatencyMs: searches && row?.median_latency_ms !== null ? Math.round(Number(row!.median_latency_ms)) : null,
  };
}
