"use client";

import { useQuery } from "@tanstack/react-query";

import type { RouterOutputs } from "@ultramarket/api";
import { Stat } from "@ultramarket/ui";
import { useTRPC } from "@ultramarket/ui/trpc";

type Counts = RouterOutputs["system"]["dashboard"];
const LABELS: Record<keyof Counts, string> = { products: "Products", orders: "Orders", vendors: "Vendors", users: "Users" };
const number = new Intl.NumberFormat("en-US");

/** Counts rendered on the server, then refreshed every few seconds through tRPC. */
export function LiveCounts({ initial }: { initial: Counts }) {
  const trpc = useTRPC();
  const { data, isError, dataUpdatedAt } = useQuery({
    ...trpc.system.dashboard.queryOptions(),
    initialData: initial,
    refetchInterval: 5_000,
  });
  return (
    <div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-counts">
        {(Object.keys(LABELS) as (keyof Counts)[]).map((key) => (
          <Stat
            key={key}
            label={LABELS[key]}
            value={`${data[key].estimated ? "≈ " : ""}${number.format(data[key].value)}`}
            hint={data[key].estimated ? "estimated" : undefined}
          />
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-400" aria-live="polite">
        {isError ? "Could not refresh; showing the last known counts." : `Updated ${new Date(dataUpdatedAt).toLocaleTimeString("en-GB")}`}
      </p>
    </div>
  );
}
