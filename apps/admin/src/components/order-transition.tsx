"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { OrderStatus } from "~/lib/orders";
import { moveLabel } from "~/lib/orders";

/**
 * The moves the API says this person may make on one vendor order, one button each. A
 * move opens a small form with what it takes (carrier and tracking number to ship, a
 * warehouse to receive a return, a reason to cancel or refuse); staff always give a reason.
 */
export function OrderTransition({
  as,
  vendorId,
  vendorOrderId,
  status,
  allowedMoves,
  warehouses,
}: {
  as: "vendor" | "admin";
  vendorId: string;
  vendorOrderId: string;
  status: OrderStatus;
  allowedMoves: OrderStatus[];
  warehouses: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [move, setMove] = useState<OrderStatus | null>(null);
  const onSuccess = () => {
    setMove(null);
    router.refresh();
  };
  const vendorMove = useMutation(trpc.vendorOrders.transition.mutationOptions({ onSuccess }));
  const adminMove = useMutation(trpc.adminOrders.transition.mutationOptions({ onSuccess }));
  const mutation = as === "vendor" ? vendorMove : adminMove;
  const errors = fieldErrorsOf(mutation.error);
  if (allowedMoves.length === 0) return <p className="text-sm text-slate-500">No further moves from {status.toLowerCase()}.</p>;

  const needsReason = move === "CANCELLED" || (status === "RETURN_REQUESTED" && move === "DELIVERED") || as === "admin";
  return (
    <div className="space-y-3" data-testid="order-actions">
      <FormAlert message={formErrorOf(mutation.error)} />
      <div className="flex flex-wrap gap-2">
        {allowedMoves.map((to) => (
          <button
            key={to}
            type="button"
            aria-pressed={move === to}
            className={buttonClass(move === to ? "primary" : "secondary")}
            onClick={() => {
              mutation.reset();
              setMove(to);
            }}
          >
            {moveLabel(status, to)}
          </button>
        ))}
      </div>
      {move ? (
        <form
          noValidate
          className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const text = (name: string) => {
              const value = data.get(name);
              return typeof value === "string" && value.trim() ? value.trim() : undefined;
            };
            const details = {
              vendorOrderId,
              to: move,
              reason: text("reason"),
              carrier: text("carrier"),
              trackingNumber: text("trackingNumber"),
              warehouseId: text("warehouseId"),
            };
            if (as === "vendor") vendorMove.mutate({ vendorId, ...details });
            else adminMove.mutate(details);
          }}
        >
          <p className="text-sm font-medium">{moveLabel(status, move)}</p>
          {move === "SHIPPED" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label="Carrier" name="carrier" required error={errors.carrier} placeholder="UzPost, Yandex Delivery…" />
              <TextField label="Tracking number" name="trackingNumber" required error={errors.trackingNumber} />
            </div>
          ) : null}
          {move === "RETURNED" ? (
            <SelectField label="Warehouse the goods go back to" name="warehouseId" required defaultValue="" error={errors.warehouseId}>
              <option value="" disabled>
                Choose a warehouse
              </option>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {needsReason ? <TextField label="Reason" name="reason" required error={errors.reason} /> : null}
          <div className="flex gap-2">
            <SubmitButton pending={mutation.isPending}>{mutation.isPending ? "Saving…" : `${moveLabel(status, move)} now`}</SubmitButton>
            <button type="button" className={buttonClass("secondary")} onClick={() => setMove(null)}>
              Back
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
