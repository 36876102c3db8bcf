"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, EmptyState } from "@ultramarket/ui";
import { FormAlert, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Card, Td, TableCard, Th } from "~/components/ui";
import { formatBytes, formatDateTime } from "~/lib/format";
import { useHydrated } from "~/lib/use-hydrated";
import { errorReportHref } from "./csv-format";

type ImportsPage = RouterOutputs["vendorCatalog"]["imports"];
type ImportRow = ImportsPage["items"][number];
type ImportStatus = ImportRow["status"];

/** While an import is queued or running, the list (and an open detail) asks again this often. */
const POLL_MS = 1500;
const PAGE_SIZE = 20;
const MAX_BYTES = 50 * 1024 * 1024;

const STATUS: Record<ImportStatus, { label: string; tone: "slate" | "indigo" | "green" | "red" }> = {
  queued: { label: "Queued", tone: "slate" },
  running: { label: "Running", tone: "indigo" },
  succeeded: { label: "Succeeded", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

const isActive = (row: { status: ImportStatus }) => row.status === "queued" || row.status === "running";

const COUNTERS: { key: keyof ImportRow & string; label: string; testId: string }[] = [
  { key: "processedRows", label: "Rows read", testId: "import-processed-rows" },
  { key: "createdProducts", label: "Products created", testId: "import-created-products" },
  { key: "createdVariants", label: "Variants created", testId: "import-created-variants" },
  { key: "updatedVariants", label: "Variants updated", testId: "import-updated-variants" },
  { key: "unchangedRows", label: "Unchanged rows", testId: "import-unchanged-rows" },
  { key: "errorRows", label: "Rows with errors", testId: "import-error-rows" },
];

interface UploadRefusal {
  error?: { message?: string; domainCode?: string; fieldErrors?: Record<string, string[]> | null };
}

/**
 * The upload form and the vendor's imports, newest first. The list polls while any import
 * is queued or running and stops once none is; the import just uploaded opens its details.
 */
export function ImportsPanel({ vendorId, initial, aside }: { vendorId: string; initial: ImportsPage; aside?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  // Pages by cursor, each polling while it shows an import in progress. (Not useInfiniteQuery: tRPC adds a
  // `direction` key to infinite queries' input, which the API's strict input schema refuses.)
  const pollWhileActive = {
    refetchInterval: (query: { state: { data?: ImportsPage } }) => (query.state.data?.items.some(isActive) ? POLL_MS : false),
  };
  const first = useQuery(
    trpc.vendorCatalog.imports.queryOptions({ vendorId, limit: PAGE_SIZE }, { initialData: initial, ...pollWhileActive }),
  );
  const [olderCursors, setOlderCursors] = useState<string[]>([]);
  const older = useQueries({
    queries: olderCursors.map((cursor) => trpc.vendorCatalog.imports.queryOptions({ vendorId, limit: PAGE_SIZE, cursor }, pollWhileActive)),
  });
  const pages = [first, ...older];
  const seen = new Set<string>();
  // An upload shifts the pages by one: an import may then sit on two of them.
  const items = pages.flatMap((page) => page.data?.items ?? []).filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
  const last = pages.at(-1)!;
  const nextCursor = last.data?.nextCursor ?? null;
  const loadingMore = olderCursors.length > 0 && last.isPending;
  const refreshError = pages.find((page) => page.isError)?.error;
  const running = items.filter(isActive).length;

  async function uploaded(importId: string) {
    setExpanded((current) => ({ ...current, [importId]: true }));
    await queryClient.invalidateQueries(trpc.vendorCatalog.imports.pathFilter());
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Import a CSV">
          <UploadForm vendorId={vendorId} onUploaded={(id) => void uploaded(id)} />
        </Card>
        {aside}
      </div>

      <section aria-labelledby="imports-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="imports-heading" className="text-base font-semibold text-slate-900">
            Imports
          </h2>
          <p className="text-xs text-slate-500" role="status">
            {running ? `${running} import${running > 1 ? "s" : ""} in progress; this list updates by itself.` : null}
          </p>
        </div>
        {refreshError ? <FormAlert message={`The list could not be refreshed: ${refreshError.message}`} /> : null}
        {items.length === 0 ? (
          <EmptyState title="No imports yet">Upload a CSV above to add or update products in bulk.</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="imports" aria-label="Imports, newest first">
            {items.map((row) => (
              <ImportItem
                key={row.id}
                vendorId={vendorId}
                row={row}
                expanded={Boolean(expanded[row.id])}
                onToggle={() => setExpanded((current) => ({ ...current, [row.id]: !current[row.id] }))}
              />
            ))}
          </ul>
        )}
        {nextCursor || loadingMore ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={loadingMore}
            aria-busy={loadingMore || undefined}
            onClick={() => nextCursor && setOlderCursors((current) => [...current, nextCursor])}
          >
            {loadingMore ? "Loading…" : "Show older imports"}
          </button>
        ) : null}
      </section>
    </div>
  );
}

function UploadForm({ vendorId, onUploaded }: { vendorId: string; onUploaded: (importId: string) => void }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [fileError, setFileError] = useState<string[] | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    setFileError(undefined);
    setFormError(null);
    setDone(null);
    if (!file) {
      setFileError(["Choose a CSV file"]);
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(["The file is larger than 50 MB"]);
      return;
    }
    const body = new FormData();
    body.set("vendorId", vendorId);
    body.set("file", file);
    setPending(true);
    try {
      const response = await fetch("/api/uploads/catalog-import", { method: "POST", body });
      const json = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) {
        const error = (json as UploadRefusal | null)?.error;
        const fields = error?.fieldErrors ?? {};
        if (fields.file?.length) setFileError(fields.file);
        const others = Object.entries(fields)
          .filter(([key]) => key !== "file")
          .flatMap(([, messages]) => messages.slice(0, 1));
        if (others.length || !fields.file?.length) {
          setFormError([error?.message ?? `The upload failed (HTTP ${response.status})`, ...others].join(". "));
        }
        return;
      }
      const row = json as { id: string; fileName: string };
      form.reset();
      setDone(`“${row.fileName}” uploaded. The import runs in the background; follow it below.`);
      onUploaded(row.id);
    } catch {
      setFormError("The upload did not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-label="Import a CSV" noValidate data-testid="import-upload">
      <p className="text-sm text-slate-600">
        One row per variant, in the format described below. Rows are matched by SKU: new SKUs are added, existing ones updated where the
        file differs, and importing the same file twice changes nothing.
      </p>
      <FormAlert tone="success" message={done} />
      <FormAlert message={formError} />
      <TextField
        label="CSV file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        disabled={pending || !hydrated}
        error={fileError}
        hint="UTF-8 CSV, up to 50 MB. Save spreadsheets as “CSV UTF-8” first."
        onChange={() => setFileError(undefined)}
      />
      <SubmitButton pending={pending || !hydrated}>{pending ? "Uploading…" : "Upload and import"}</SubmitButton>
      {pending ? (
        <p className="text-sm text-slate-500" role="status" aria-live="polite">
          Uploading the file…
        </p>
      ) : null}
    </form>
  );
}

function ImportItem({ vendorId, row, expanded, onToggle }: { vendorId: string; row: ImportRow; expanded: boolean; onToggle: () => void }) {
  const active = isActive(row);
  const percent = row.sizeBytes > 0 ? Math.min(100, Math.round((row.processedBytes / row.sizeBytes) * 100)) : 0;
  const status = STATUS[row.status];
  const detailId = `import-detail-${row.id}`;
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="import-row" data-status={row.status}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900" data-testid="import-file-name">
            {row.fileName}
          </p>
          <p className="text-xs text-slate-500">
            {formatBytes(row.sizeBytes)} · uploaded {formatDateTime(row.createdAt)}
            {row.startedAt ? ` · started ${formatDateTime(row.startedAt)}` : ""}
            {row.finishedAt ? ` · finished ${formatDateTime(row.finishedAt)}` : ""}
          </p>
        </div>
        <div aria-live="polite" className="flex items-center gap-2">
          <span className="sr-only">Status of {row.fileName}:</span>
          <span data-testid="import-status">
            <Badge tone={status.tone}>{status.label}</Badge>
          </span>
          {row.status === "succeeded" && row.errorRows > 0 ? (
            <Badge tone="amber">
              {row.errorRows} row{row.errorRows > 1 ? "s" : ""} refused
            </Badge>
          ) : null}
        </div>
      </div>

      {active ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label={`Progress of ${row.fileName}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}% read`}
            className="h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full rounded-full bg-indigo-600 transition-all" style={{ width: `${Math.max(percent, 2)}%` }} />
          </div>
          <p className="text-xs text-slate-500">
            {row.status === "queued"
              ? "Waiting for the importer to pick it up…"
              : `${percent}% of ${formatBytes(row.sizeBytes)} read · ${row.processedRows} rows so far`}
          </p>
        </div>
      ) : null}

      {row.status === "failed" ? (
        <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-failure">
          {row.failure ?? "The import stopped."} Nothing after that point was imported; fix the file and upload it again.
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {COUNTERS.map((counter) => (
          <div key={counter.key}>
            <dt className="text-xs text-slate-500">{counter.label}</dt>
            <dd
              className={`text-sm font-semibold tabular-nums ${counter.key === "errorRows" && row.errorRows > 0 ? "text-red-700" : "text-slate-900"}`}
              data-testid={counter.testId}
            >
              {String(row[counter.key])}
            </dd>
          </div>
        ))}
      </dl>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="text-sm font-medium text-indigo-700 hover:underline"
          aria-expanded={expanded}
          aria-controls={detailId}
          onClick={onToggle}
        >
          {expanded ? "Hide details" : "Show details"}
          <span className="sr-only"> of {row.fileName}</span>
        </button>
        {row.errorRows > 0 ? (
          <a href={errorReportHref(vendorId, row.id)} className="text-sm text-indigo-700 hover:underline">
            Download error report (CSV)
          </a>
        ) : null}
      </div>
      {expanded ? <ImportDetail id={detailId} vendorId={vendorId} importId={row.id} /> : null}
    </li>
  );
}

/** The import's first 50 row errors (line, SKU, column, message); polls until the import is over. */
function ImportDetail({ id, vendorId, importId }: { id: string; vendorId: string; importId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.vendorCatalog.importStatus.queryOptions(
      { vendorId, importId },
      {
        refetchInterval: (query) => (query.state.status === "error" || (query.state.data && !isActive(query.state.data)) ? false : POLL_MS),
      },
    ),
  );

  return (
    <div id={id} className="space-y-3 border-t border-slate-100 pt-3" data-testid="import-detail">
      {detail.isPending ? (
        <p className="text-sm text-slate-500" role="status">
          Loading the details…
        </p>
      ) : detail.isError ? (
        <div className="space-y-2">
          <FormAlert message={`The details could not be loaded: ${detail.error.message}`} />
          <button type="button" className={buttonClass("secondary")} onClick={() => void detail.refetch()}>
            Try again
          </button>
        </div>
      ) : detail.data.firstErrors.length === 0 ? (
        <p className="text-sm text-slate-600">
          {isActive(detail.data)
            ? "No row errors so far."
            : detail.data.status === "failed"
              ? "No row errors were recorded."
              : "Every row was accepted."}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {isActive(detail.data) ? "Errors found so far. " : ""}
            Rows with errors were skipped; the other rows were imported. Fix the rows and import the file again (accepted rows stay
            unchanged).
            {detail.data.firstErrors.length >= 50 ? " Only the first 50 errors are shown; the report lists every one." : ""}
          </p>
          <TableCard caption={`Rows refused in ${detail.data.fileName}`} testId="import-errors">
            <thead>
              <tr>
                <Th>Line</Th>
                <Th>SKU</Th>
                <Th>Column</Th>
                <Th>Error</Th>
              </tr>
            </thead>
            <tbody>
              {detail.data.firstErrors.map((error, index) => (
                <tr key={`${error.line}-${index}`} data-testid="import-error">
                  <Td className="tabular-nums">{error.line}</Td>
                  <Td className="font-mono text-xs">{error.sku ?? "—"}</Td>
                  <Td className="font-mono text-xs">{error.field ?? "—"}</Td>
                  <Td>{error.message}</Td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        </>
      )}
    </div>
  );
}
