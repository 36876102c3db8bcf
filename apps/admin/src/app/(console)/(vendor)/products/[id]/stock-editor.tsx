"use client";

import { useMutation } from "@tanstack/react-query";
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

/** On-hand stock per variant and warehouse; every change needs a reason and lands in the ledger. */
export function StockEditor({ vendorId, variants, warehouses, levels }: Props) {
  return (
    <div className="space-y-3" data-testid="stock-editor">
      {variants.map((variant) =>
        warehouses.map((warehouse) => {
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
        }),
      )}
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
  const adjust = useMutation({ ...trpc.inventory.adjust.mutationOptions(), onSuccess: () => router.refresh() });
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
          {props.warehouse.name} · reserved {props.reserved}
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
