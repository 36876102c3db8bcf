"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, cn, EmptyState, Stat } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";
import type { ReportPeriodChoice } from "./period";
import { PageButtons } from "./page-buttons";
import { PRESET_DAYS, periodInput, todayUtc } from "./period";

const PAGE_SIZE = 20;
const MIN_SEARCHES = [2, 5, 10, 25, 50] as const;
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const share = (value: number | null) => (value === null ? "—" : percent.format(value));

/** A refused period (or any 4xx) is not worth asking again; a failure of the server may be. */
const retryUnlessRefused = (failures: number, error: { data?: { httpStatus?: number } | null }) =>
  failures < 2 && (error.data?.httpStatus ?? 500) >= 500;
const reportOptions = { placeholderData: keepPreviousData, retry: retryUnlessRefused };

/** A query the reports offer as the start of a synonym group. */
export type AddSynonym = (text: string, foldedText: string) => void;

export function SearchReports({
  period,
  onPeriod,
  onAddSynonym,
}: {
  period: ReportPeriodChoice;
  onPeriod: (next: ReportPeriodChoice) => void;
  onAddSynonym: AddSynonym;
}) {
  const trpc = useTRPC();
  const days = periodInput(period);
  const summary = useQuery(trpc.adminSearch.report.summary.queryOptions(days, reportOptions));
  const periodErrors = fieldErrorsOf(summary.error);

  return (
    <section aria-labelledby="reports-heading" className="space-y-6">
      <div className="space-y-3">
        <h2 id="reports-heading" className="text-base font-semibold text-slate-900">
          What shoppers search for
        </h2>
        <PeriodPicker period={period} onPeriod={onPeriod} errors={periodErrors} />
      </div>

      {summary.isError && Object.keys(periodErrors).length === 0 ? (
        <FormAlert message={`The reports could not be loaded: ${summary.error.message}`} />
      ) : null}
      <div aria-busy={summary.isFetching || undefined}>
        {summary.data ? (
          <>
            <p className="mb-3 text-sm text-slate-500" data-testid="report-period">
              {summary.data.period.from} to {summary.data.period.to} (UTC)
            </p>
            <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="report-summary">
              <Stat
                label="Searches"
                value={number.format(summary.data.searches)}
                hint={`${number.format(summary.data.distinctQueries)} different queries`}
              />
              <Stat label="Zero results" value={share(summary.data.zeroResultRate)} hint="of searches found nothing" />
              <Stat label="Click-through" value={share(summary.data.clickThrough)} hint="of searches had a result opened" />
              <Stat
                label="Median latency"
                value={summary.data.medianLatencyMs === null ? "—" : `${number.format(summary.data.medianLatencyMs)} ms`}
              />
            </dl>
          </>
        ) : summary.isPending ? (
          <p className="text-sm text-slate-500" role="status">
            Loading the reports…
          </p>
        ) : null}
      </div>

      {summary.isError ? null : (
        <>
          <TopQueries days={days} onAddSynonym={onAddSynonym} />
          <ZeroResultQueries days={days} onAddSynonym={onAddSynonym} />
          <LowClickThroughQueries days={days} onAddSynonym={onAddSynonym} />
        </>
      )}
    </section>
  );
}

function PeriodPicker({
  period,
  onPeriod,
  errors,
}: {
  period: ReportPeriodChoice;
  onPeriod: (next: ReportPeriodChoice) => void;
  errors: Record<string, string[]>;
}) {
  const custom = "from" in period;
  const [showCustom, setShowCustom] = useState(custom);
  const [from, setFrom] = useState(custom ? period.from : periodInput(period).from);
  const [to, setTo] = useState(custom ? period.to : periodInput(period).to);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPeriod({ from, to });
  }

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Report period" className="flex flex-wrap gap-2">
        {PRESET_DAYS.map((days) => {
          const active = !custom && !showCustom && period.days === days;
          return (
            <button
              key={days}
              type="button"
              aria-pressed={active}
              className={cn(buttonClass(active ? "primary" : "secondary"), "py-1.5")}
              onClick={() => {
                setShowCustom(false);
                onPeriod({ days });
              }}
            >
              Last {days} days
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={custom || showCustom}
          aria-expanded={custom || showCustom}
          aria-controls="custom-period"
          className={cn(buttonClass(custom || showCustom ? "primary" : "secondary"), "py-1.5")}
          onClick={() => setShowCustom(true)}
        >
          Custom dates
        </button>
      </div>
      {custom || showCustom ? (
        <form id="custom-period" onSubmit={apply} className="flex flex-wrap items-start gap-3" aria-label="Custom period" noValidate>
          <TextField
            label="From (UTC)"
            type="date"
            value={from}
            max={todayUtc()}
            onChange={(e) => setFrom(e.target.value)}
            error={errors.from}
            required
          />
          <TextField
            label="To (UTC)"
            type="date"
            value={to}
            max={todayUtc()}
            onChange={(e) => setTo(e.target.value)}
            error={errors.to}
            required
          />
          <SubmitButton variant="secondary" className="mt-6">
            Show period
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

type Days = { from: string; to: string };

/** A report's card: title, explanation, loading, error and empty states, and paging by rank. */
function ReportCard({
  title,
  description,
  testId,
  query,
  empty,
  offset,
  onOffset,
  controls,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  query: {
    isPending: boolean;
    isError: boolean;
    isFetching: boolean;
    error: { message: string } | null;
    data?: { items: unknown[]; nextOffset: number | null };
  };
  empty: string;
  offset: number;
  onOffset: (offset: number) => void;
  controls?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${testId}-heading`;
  const nextOffset = query.data?.nextOffset ?? null;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid={testId} aria-busy={query.isFetching || undefined}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            {title}
          </h3>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
        {controls}
      </div>
      {query.isPending ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500" role="status">
          Loading…
        </p>
      ) : query.isError ? (
        <FormAlert message={`This report could not be loaded: ${query.error?.message ?? "unknown error"}`} />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState title={offset > 0 ? "No more queries" : empty} />
      ) : (
        children
      )}
      <PageButtons
        label={`${title} pages`}
        busy={query.isFetching}
        onPrevious={offset > 0 ? () => onOffset(Math.max(0, offset - PAGE_SIZE)) : null}
        onNext={nextOffset ? () => onOffset(nextOffset) : null}
      />
    </section>
  );
}

function QueryCell({ text, folded }: { text: string; folded: string }) {
  return (
    <Td className="max-w-xs break-words">
      <span className="font-medium text-slate-900">{text}</span>
      {folded !== text.toLowerCase() ? <span className="block text-xs text-slate-400">{folded}</span> : null}
    </Td>
  );
}

function AddSynonymButton({ text, folded, onAddSynonym }: { text: string; folded: string; onAddSynonym: AddSynonym }) {
  return (
    <Td className="text-right whitespace-nowrap">
      <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => onAddSynonym(text, folded)}>
        Add synonym<span className="sr-only"> for “{text}”</span>
      </button>
    </Td>
  );
}

function TopQueries({ days, onAddSynonym }: { days: Days; onAddSynonym: AddSynonym }) {
  const trpc = useTRPC();
  const [offset, setOffset] = usePagedPeriod(days);
  const query = useQuery(trpc.adminSearch.report.top.queryOptions({ ...days, limit: PAGE_SIZE, offset }, reportOptions));
  return (
    <ReportCard
      title="Top queries"
      description="The most searched queries, with their results and the share of searches where a result was opened."
      testId="report-top"
      query={query}
      empty="No searches in this period"
      offset={offset}
      onOffset={setOffset}
    >
      <QueryTable caption="Top queries" rows={query.data?.items ?? []} offset={offset} onAddSynonym={onAddSynonym} />
    </ReportCard>
  );
}

function ZeroResultQueries({ days, onAddSynonym }: { days: Days; onAddSynonym: AddSynonym }) {
  const trpc = useTRPC();
  const [offset, setOffset] = usePagedPeriod(days);
  const query = useQuery(trpc.adminSearch.report.zeroResults.queryOptions({ ...days, limit: PAGE_SIZE, offset }, reportOptions));
  return (
    <ReportCard
      title="Zero-result queries"
      description="Searches that found nothing, most frequent first: a synonym, a spelling or a missing product."
      testId="report-zero-results"
      query={query}
      empty="Every search in this period found something"
      offset={offset}
      onOffset={setOffset}
    >
      <TableCard caption="Zero-result queries">
        <thead>
          <tr>
            <Th>#</Th>
            <Th>Query</Th>
            <Th className="text-right">Searches</Th>
            <Th>Last searched</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {(query.data?.items ?? []).map((row, index) => (
            <tr key={row.foldedText} data-testid="report-row">
              <Td className="text-slate-400 tabular-nums">{offset + index + 1}</Td>
              <QueryCell text={row.text} folded={row.foldedText} />
              <Td className="text-right tabular-nums">{number.format(row.searches)}</Td>
              <Td className="whitespace-nowrap text-slate-500">{formatDateTime(row.lastSearchedAt)}</Td>
              <AddSynonymButton text={row.text} folded={row.foldedText} onAddSynonym={onAddSynonym} />
            </tr>
          ))}
        </tbody>
      </TableCard>
    </ReportCard>
  );
}

function LowClickThroughQueries({ days, onAddSynonym }: { days: Days; onAddSynonym: AddSynonym }) {
  const trpc = useTRPC();
  const [minSearches, setMinSearches] = useState<number>(5);
  const [offset, setOffset] = usePagedPeriod(days, minSearches);
  const query = useQuery(
    trpc.adminSearch.report.lowClickThrough.queryOptions({ ...days, minSearches, limit: PAGE_SIZE, offset }, reportOptions),
  );
  return (
    <ReportCard
      title="Low click-through queries"
      description="Queries searched often that find results shoppers rarely open: the results are probably not what they meant."
      testId="report-low-click-through"
      query={query}
      empty={`No query with results was searched ${minSearches} times or more in this period`}
      offset={offset}
      onOffset={setOffset}
      controls={
        <SelectField
          label="Searched at least"
          value={String(minSearches)}
          onChange={(e) => setMinSearches(Number(e.target.value))}
          className="w-40"
        >
          {MIN_SEARCHES.map((n) => (
            <option key={n} value={n}>
              {n} times
            </option>
          ))}
        </SelectField>
      }
    >
      <QueryTable caption="Low click-through queries" rows={query.data?.items ?? []} offset={offset} onAddSynonym={onAddSynonym} />
    </ReportCard>
  );
}

type QueryRow = RouterOutputs["adminSearch"]["report"]["top"]["items"][number];

function QueryTable({
  caption,
  rows,
  offset,
  onAddSynonym,
}: {
  caption: string;
  rows: QueryRow[];
  offset: number;
  onAddSynonym: AddSynonym;
}) {
  return (
    <TableCard caption={caption}>
      <thead>
        <tr>
          <Th>#</Th>
          <Th>Query</Th>
          <Th className="text-right">Searches</Th>
          <Th className="text-right">Avg. results</Th>
          <Th className="text-right">Clicks</Th>
          <Th className="text-right">Click-through</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.foldedText} data-testid="report-row">
            <Td className="text-slate-400 tabular-nums">{offset + index + 1}</Td>
            <QueryCell text={row.text} folded={row.foldedText} />
            <Td className="text-right tabular-nums">{number.format(row.searches)}</Td>
            <Td className="text-right tabular-nums">{number.format(row.averageResults)}</Td>
            <Td className="text-right tabular-nums">{number.format(row.clicks)}</Td>
            <Td className="text-right tabular-nums">{percent.format(row.clickThrough)}</Td>
            <AddSynonymButton text={row.text} folded={row.foldedText} onAddSynonym={onAddSynonym} />
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}

/** A report's page offset, back to the first page whenever the period (or another filter) changes. */
function usePagedPeriod(days: Days, ...filters: unknown[]): [number, (offset: number) => void] {
  const key = JSON.stringify([days, filters]);
  const [state, setState] = useState({ key, offset: 0 });
  const offset = state.key === key ? state.offset : 0;
  return [offset, (next) => setState({ key, offset: next })];
}
