"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextAreaField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { ShopMessages } from "~/i18n/shop-messages";

/**
 * Cancel (a part, or the whole order) and request a return, shown only when the API lists
 * the move for this shopper; the API checks again and its field messages land by the field.
 */
export function OrderActions({
  orderId,
  vendorOrderId,
  mode,
  allowedMoves = [],
  t,
}: {
  orderId: string;
  vendorOrderId?: string;
  mode: "part" | "cancel-all";
  allowedMoves?: string[];
  t: ShopMessages;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<"cancel" | "return" | null>(null);
  const [reason, setReason] = useState("");
  const done = () => {
    setOpen(null);
    setReason("");
    router.refresh();
  };
  const cancel = useMutation(trpc.orders.cancel.mutationOptions({ onSuccess: done }));
  const requestReturn = useMutation(trpc.orders.requestReturn.mutationOptions({ onSuccess: done }));
  const canCancel = mode === "cancel-all" || allowedMoves.includes("CANCELLED");
  const canReturn = mode === "part" && allowedMoves.includes("RETURN_REQUESTED");
  if (!canCancel && !canReturn) return null;
  const pending = cancel.isPending || requestReturn.isPending;
  const error = open === "return" ? requestReturn.error : cancel.error;
  const cancelLabel = mode === "cancel-all" ? t.cancelOrder : t.cancelPart;

  if (!open) {
    return (
      <div className="flex flex-wrap gap-2">
        {canCancel ? (
          <button type="button" className={buttonClass("secondary")} onClick={() => setOpen("cancel")}>
            {cancelLabel}
          </button>
        ) : null}
        {canReturn ? (
          <button type="button" className={buttonClass("secondary")} onClick={() => setOpen("return")}>
            {t.requestReturn}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = reason.trim();
        if (open === "cancel") cancel.mutate({ orderId, vendorOrderId, reason: trimmed || undefined });
        else if (vendorOrderId) requestReturn.mutate({ orderId, vendorOrderId, reason: trimmed });
      }}
    >
      <FormAlert message={formErrorOf(error)} />
      <TextAreaField
        label={open === "cancel" ? t.cancelReason : t.returnReason}
        name="reason"
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required={open === "return"}
        error={fieldErrorsOf(error).reason}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending}>{open === "cancel" ? t.confirmCancel : t.sendReturn}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(null)}>
          {t.back}
        </button>
      </div>
    </form>
  );
}
