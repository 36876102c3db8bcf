"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, TextAreaField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass } from "~/components/ui";
import type { ProductStatus } from "~/lib/catalog";

export function ReviewActions({ productId, title, status }: { productId: string; title: string; status: ProductStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const moderate = useMutation(
    trpc.adminCatalog.moderate.mutationOptions({
      onSuccess: (_result, input) => {
        setOpen(false);
        setReason("");
        setDone(input.decision === "approve" ? "Approved and published." : input.decision === "reject" ? "Rejected." : "Unpublished.");
        router.refresh();
      },
    }),
  );
  const negative = status === "published" ? "unpublish" : "reject";
  const negativeLabel = negative === "unpublish" ? "Unpublish" : "Reject";

  function decline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    moderate.mutate({ productId, decision: negative, reason });
  }

  if (status !== "pending_review" && status !== "published") return <span className="text-sm text-slate-500">No actions</span>;

  return (
    <div className="space-y-2">
      <FormAlert tone="success" message={done} />
      {open ? null : <FormAlert message={formErrorOf(moderate.error)} />}
      {open ? (
        <form onSubmit={decline} className="space-y-2 rounded-lg bg-slate-50 p-3" aria-label={`${negativeLabel} ${title}`} noValidate>
          <FormAlert message={formErrorOf(moderate.error)} />
          <TextAreaField
            label="Reason for the vendor"
            name="reason"
            rows={3}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            error={fieldErrorsOf(moderate.error).reason}
            hint="At least 5 characters; the vendor sees it on the product."
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={dangerButtonClass()} disabled={moderate.isPending} aria-busy={moderate.isPending || undefined}>
              {moderate.isPending ? "Saving…" : `${negativeLabel} product`}
            </button>
            <button type="button" className={buttonClass("secondary")} disabled={moderate.isPending} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          {status === "pending_review" ? (
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={moderate.isPending}
              aria-busy={moderate.isPending || undefined}
              aria-label={`Approve ${title}`}
              onClick={() => {
                setDone(null);
                moderate.mutate({ productId, decision: "approve" });
              }}
            >
              {moderate.isPending ? "Approving…" : "Approve"}
            </button>
          ) : null}
          <button
            type="button"
            className={buttonClass("secondary")}
            aria-expanded={false}
            aria-label={`${negativeLabel} ${title}…`}
            onClick={() => {
              moderate.reset();
              setDone(null);
              setOpen(true);
            }}
          >
            {negativeLabel}…
          </button>
        </div>
      )}
    </div>
  );
}
