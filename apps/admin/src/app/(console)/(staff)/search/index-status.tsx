"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Card, Details, Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";

type IndexStats = RouterOutputs["adminSearch"]["stats"];

/** While a rebuild is queued or running, the status asks again this often. */
const POLL_MS = 2000;
const number = new Intl.NumberFormat("en-US");

const ENGINE_LABELS: Record<IndexStats["engine"], string> = { postgres: "PostgreSQL", meilisearch: "Meilisearch" };
const VERSION_TONES: Record<string, "green" | "indigo" | "slate" | "red"> = {
  active: "green",
  building: "indigo",
  retired: "slate",
  failed: "red",
};

/**
 * The index the storefront searches: its engine, version and size against the catalog, and a full rebuild. A rebuild
 * runs in the worker into a new version while the current one keeps serving; the status polls until it is swapped in.
 */
export function IndexStatus({ initial }: { initial: IndexStats }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  /** The newest version when the rebuild was asked for: polling goes on until a newer one has finished. */
  const [awaitingAfter, setAwaitingAfter] = useState<number | null>(null);
  /** Building now, or asked for and no newer version has finished yet (a failed one counts as finished). */
  const inProgress = (stats: IndexStats) =>
    Boolean(stats.building) || (awaitingAfter !== null && (stats.versions[0]?.version ?? 0) <= awaitingAfter);
  const stats = useQuery(
    trpc.adminSearch.stats.queryOptions(undefined, {
      initialData: initial,
      refetchInterval: (query) => (query.state.data && inProgress(query.state.data) ? POLL_MS : false),
    }),
  );
  const data = stats.data;
  const newest = data.versions[0]?.version ?? 0;
  const reindex = useMutation(
    trpc.adminSearch.reindex.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        setAwaitingAfter(newest);
      },
    }),
  );
  const rebuilding = inProgress(data);
  /** The version the requested rebuild produced, once it is over. */
  const outcome = awaitingAfter !== null && !rebuilding ? data.versions[0] : undefined;
  const missing = data.publishedProducts - data.documents;

  return (
    <Card title="Index status">
      <div className="space-y-4" data-testid="index-status">
        <Details
          items={[
            { label: "Engine", value: <span data-testid="index-engine">{ENGINE_LABELS[data.engine]}</span> },
            { label: "Active version", value: data.activeVersion ?? "None yet" },
            {
              label: "Documents",
              value: (
                <span data-testid="index-documents">
                  {number.format(data.documents)} of {number.format(data.publishedProducts)} published products
                  {missing !== 0 && !rebuilding ? (
                    <span className="ml-2">
                      <Badge tone="amber">{missing > 0 ? `${number.format(missing)} not indexed yet` : "more than the catalog"}</Badge>
                    </span>
                  ) : null}
                </span>
              ),
            },
            { label: "Lexicon words", value: number.format(data.lexiconWords) },
            { label: "Synonym groups", value: number.format(data.synonymGroups) },
            { label: "Last indexed", value: formatDateTime(data.lastIndexedAt) },
            {
              label: "Building",
              value: data.building ? (
                <span>
                  Version {data.building.version}, started {formatDateTime(data.building.startedAt)}
                </span>
              ) : (
                "—"
              ),
            },
          ]}
        />

        <div aria-live="polite" className="text-sm text-slate-600" data-testid="rebuild-progress">
          {data.building
            ? `Rebuilding into version ${data.building.version}: searches use version ${data.activeVersion ?? "—"} until it is ready. This status updates by itself.`
            : rebuilding
              ? "Rebuild queued: waiting for the worker to start it…"
              : outcome?.status === "failed"
                ? `The rebuild into version ${outcome.version} failed; version ${data.activeVersion ?? "—"} still serves searches.`
                : outcome
                  ? `Rebuilt: version ${outcome.version} is ${outcome.status} with ${number.format(outcome.documentCount)} documents.`
                  : null}
        </div>
        {stats.isError ? <FormAlert message={`The status could not be refreshed: ${stats.error.message}`} /> : null}
        <FormAlert message={formErrorOf(reindex.error)} />

        {confirming ? (
          <div className="space-y-2 rounded-lg bg-amber-50 p-3" role="group" aria-label="Confirm the rebuild">
            <p className="text-sm text-amber-900">
              A rebuild copies every published product into a new index version. Searches keep using the current version until the new one
              is complete; on a large catalog this takes minutes.
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={buttonClass("primary")}
                disabled={reindex.isPending}
                aria-busy={reindex.isPending || undefined}
                onClick={() => reindex.mutate()}
              >
                {reindex.isPending ? "Queuing…" : "Confirm rebuild"}
              </button>
              <button type="button" className={buttonClass("secondary")} disabled={reindex.isPending} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={rebuilding}
            onClick={() => {
              reindex.reset();
              setConfirming(true);
            }}
          >
            {rebuilding ? "Rebuilding…" : "Rebuild index"}
          </button>
        )}

        {data.versions.length > 0 ? (
          <TableCard caption="Index versions, newest first" testId="index-versions">
            <thead>
              <tr>
                <Th>Version</Th>
                <Th>Status</Th>
                <Th className="text-right">Documents</Th>
                <Th>Started</Th>
                <Th>Activated</Th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((version) => (
                <tr key={version.version}>
                  <Td className="tabular-nums">{version.version}</Td>
                  <Td>
                    <Badge tone={VERSION_TONES[version.status] ?? "slate"}>{version.status}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{number.format(version.documentCount)}</Td>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(version.startedAt)}</Td>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(version.activatedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        ) : null}
      </div>
    </Card>
  );
}
