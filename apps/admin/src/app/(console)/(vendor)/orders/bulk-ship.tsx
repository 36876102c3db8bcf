"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Card } from "~/components/ui";

type Result = { ok: true } | { ok: false; message: string; fields: Record<string, string[]> };

/**
 * "Mark shipped" for several orders being processed, each with its own carrier and
 * tracking number. Rows left blank are skipped; each order is its own transition, so one
 * refusal (shown by its row) does not hold back the others.
 */
export function BulkShip({ vendorId, orders }: { vendorId: string; orders: { id: string; number: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const ship = useMutation(trpc.vendorOrders.transition.mutationOptions());
  const [results, setResults] = useState<Record<string, Result>>({});
  const [pending, setPending] = useState(false);

  return (
    <Card title="Mark shipped in bulk">
      <form
        noValidate
        className="space-y-3"
        data-testid="bulk-ship"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const text = (name: string) => {
            const value = data.get(name);
            return typeof value === "string" ? value.trim() : "";
          };
          setPending(true);
          const next: Record<string, Result> = {};
          for (const order of orders) {
            const carrier = text(`carrier-${order.id}`);
            const trackingNumber = text(`tracking-${order.id}`);
            if (!carrier && !trackingNumber) continue;
            try {
              await ship.mutateAsync({ vendorId, vendorOrderId: order.id, to: "SHIPPED", carrier, trackingNumber });
              next[order.id] = { ok: true };
            } catch (error) {
              const fields = (error as { data?: { fieldErrors?: Record<string, string[]> | null } }).data?.fieldErrors ?? {};
              next[order.id] = { ok: false, message: (error as Error).message, fields };
            }
          }
          setResults(next);
          setPending(false);
          router.refresh();
        }}
      >
        <p className="text-sm text-slate-500">Orders being processed on this page. Fill in the ones that left today.</p>
        {orders.map((order) => {
          const result = results[order.id];
          return (
            <fieldset key={order.id} className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_1fr]">
              <legend className="sr-only">{order.number}</legend>
              <p className="pt-7 text-sm font-medium">{order.number}</p>
              <TextField
                label={`Carrier for ${order.number}`}
                name={`carrier-${order.id}`}
                error={result && !result.ok ? result.fields.carrier : undefined}
              />
              <TextField
                label={`Tracking number for ${order.number}`}
                name={`tracking-${order.id}`}
                error={
                  result && !result.ok
                    ? (result.fields.trackingNumber ?? (Object.keys(result.fields).length ? undefined : [result.message]))
                    : undefined
                }
              />
            </fieldset>
          );
        })}
        <SubmitButton pending={pending}>{pending ? "Shipping…" : "Mark these shipped"}</SubmitButton>
        {Object.values(results).some((r) => r.ok) ? (
          <p role="status" className="text-sm text-emerald-700">
            {Object.values(results).filter((r) => r.ok).length} marked shipped.
          </p>
        ) : null}
      </form>
    </Card>
  );
}
