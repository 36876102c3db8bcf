"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";

interface Props {
  vendorId: string;
  variants: { id: string; sku: string }[];
  warehouses: { id: string; name: string }[];
  levels: { variantId: string; warehouseId: string; onHand: number; reserved: number }[];
}

/** The movements ledger of one variant (receipts, adjustments, reservations, sales, returns), newest first. */
function Movements({
  vendorId,
  variant,
  warehouses,
}: {
  vendorId: string;
  variant: { id: string; sku: string };
  warehouses: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const movements = useQuery(trpc.inventory.movements.queryOptions({ vendorId, variantId: variant.id, cursor, limit: 20 }));
  const warehouseName = new Map(warehouses.map((w) => [w.id, w.name]));
  if (movements.isPending) return <p className="text-sm text-slate-500">Loading movements…</p>;
  if (movements.error) return <FormAlert message={formErrorOf(movements.error)} />;
  if (movements.data.items.length === 0) return <p className="text-sm text-slate-500">No movements yet.</p>;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs" data-testid="stock-movements">
          <caption className="sr-only">Stock movements of {variant.sku}</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col" className="px-2 py-1">
                When (UTC)
              </th>
              <th scope="col" className="px-2 py-1">
                Warehouse
              </th>
              <th scope="col" className="px-2 py-1">
                Kind
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                On hand
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Reserved
              </th>
              <th scope="col" className="px-2 py-1">
                Reason / reference
              </th>
            </tr>
          </thead>
          <tbody>
            {movements.data.items.map((m) => (
              <tr key={m.id} className="border-t border-slate-100">
                <td className="whitespace-nowrap px-2 py-1">{new Date(m.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
                <td className="px-2 py-1">{warehouseName.get(m.warehouseId) ?? "—"}</td>
                <td className="px-2 py-1">{m.kind}</td>
                <td className="px-2 py-1 text-right">{m.onHandDelta > 0 ? `+${m.onHandDelta}` : m.onHandDelta}</td>
                <td className="px-2 py-1 text-right">{m.reservedDelta > 0 ? `+${m.reservedDelta}` : m.reservedDelta}</td>
                <td className="px-2 py-1">{[m.reason, m.reference].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-3 text-xs">
        {cursor ? (
          <button type="button" className="text-indigo-700 hover:underline" onClick={() => setCursor(undefined)}>
            Newest
          </button>
        ) : null}
        {movements.data.nextCursor ? (
          <button
            type="button"
            className="text-indigo-700 hover:underline"
            onClick={() => setCursor(movements.data.nextCursor ?? undefined)}
          >
            Older
          </button>
        ) : null}
      </div>
    </div>
  );
}

function VariantMovements(props: { vendorId: string; variant: { id: string; sku: string }; warehouses: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" aria-expanded={open} className="text-sm text-indigo-700 hover:underline" onClick={() => setOpen(!open)}>
        {open ? "Hide" : "Show"} movements of {props.variant.sku}
      </button>
      {open ? <Movements {...props} /> : null}
    </div>
  );
}

/** On-hand stock per variant and warehouse; every change needs a reason and lands in the ledger. */
export function StockEditor({ vendorId, variants, warehouses, levels }: Props) {
  return (
    <div className="space-y-3" data-testid="stock-editor">
      {variants.map((variant) => (
        <div key={variant.id} className="space-y-2">
          {warehouses.map((warehouse) => {
            const level = levels.find((l) => l.variantId === variant.id && l.warehouseId === warehouse.id);
            return (
              <StockRow
                key={`${variant.id}-${warehouse.id}`}
                vendorId={vendorId}
                variant={variant}
                warehouse={warehouse}
                onHand={level?.onHand ?? 0}
                reserved={level?.reserved ?? 0}
              />
            );
          })}
          <VariantMovements vendorId={vendorId} variant={variant} warehouses={warehouses} />
        </div>
      ))}
    </div>
  );
}

function StockRow(props: {
  vendorId: string;
  variant: { id: string; sku: string };
  warehouse: { id: string; name: string };
  onHand: number;
  reserved: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [onHand, setOnHand] = useState(String(props.onHand));
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const adjust = useMutation({
    ...trpc.inventory.adjust.mutationOptions(),
    onSuccess: async () => {
      router.refresh();
      await queryClient.invalidateQueries(trpc.inventory.movements.pathFilter());
    },
  });
  const errors = fieldErrorsOf(adjust.error);
  return (
    <form
      noValidate
      className="grid items-end gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_8rem_1fr_auto]"
      onSubmit={(event) => {
        event.preventDefault();
        adjust.mutate({
          vendorId: props.vendorId,
          variantId: props.variant.id,
          warehouseId: props.warehouse.id,
          setOnHand: Number(onHand),
          reason,
        });
      }}
    >
      <div className="text-sm">
        <p className="font-medium">{props.variant.sku}</p>
        <p className="text-slate-500">
          {props.warehouse.name} · on hand {props.onHand} · reserved {props.reserved} ·{" "}
          <span data-testid="stock-available" data-count={props.onHand - props.reserved}>
            available {props.onHand - props.reserved}
          </span>
        </p>
      </div>
      <TextField
        label="On hand"
        type="number"
        min={0}
        inputMode="numeric"
        value={onHand}
        onChange={(e) => setOnHand(e.target.value)}
        error={errors.setOnHand ?? errors.delta}
      />
      <TextField
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
        placeholder="Stock count, delivery…"
      />
      <SubmitButton pending={adjust.isPending} variant="secondary">
        Save stock
      </SubmitButton>
      <div className="sm:col-span-4">
        <FormAlert message={formErrorOf(adjust.error)} />
      </div>
    </form>
  );
}
