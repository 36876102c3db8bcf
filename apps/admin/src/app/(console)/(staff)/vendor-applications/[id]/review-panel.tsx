"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { FormAlert, fieldErrorsOf, formErrorOf, TextAreaField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Card, dangerButtonClass } from "~/components/ui";
import type { ApplicationStatus } from "../status";
import { STATUS_LABELS } from "../status";

type Decision = "approve" | "request_changes" | "reject";
type Outcome = { status: string; vendorId: string | null };

const OUTCOME_TEXT: Record<string, string> = {
  approved: "Application approved",
  rejected: "Application rejected",
  changes_requested: "Changes requested from the applicant",
};

const PENDING_LABEL: Record<Decision, string> = { approve: "Approving…", request_changes: "Sending…", reject: "Rejecting…" };

/**
 * Stays mounted across the refresh that follows a decision, so its result (e.g. the new
 * vendor's id) remains on screen while the page above shows the new status.
 */
export function ReviewPanel({ applicationId, status }: { applicationId: string; status: ApplicationStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const review = useMutation(
    trpc.vendors.reviewApplication.mutationOptions({
      onSuccess: (result) => {
        setOutcome(result);
        router.refresh();
      },
    }),
  );

  function decide(decision: Decision) {
    const trimmed = note.trim();
    review.mutate({ applicationId, decision, note: trimmed ? trimmed : undefined });
  }

  if (outcome) {
    return (
      <Card title="Decision recorded">
        <div className="space-y-2" role="status">
          <FormAlert tone="success" message={`${OUTCOME_TEXT[outcome.status] ?? "Decision recorded"}. The applicant was emailed.`} />
          {outcome.vendorId ? (
            <p className="text-sm text-slate-700" data-testid="created-vendor">
              Vendor created: <code className="font-mono text-xs">{outcome.vendorId}</code>. The applicant is now its owner and must sign in
              again to reach their store.
            </p>
          ) : null}
        </div>
      </Card>
    );
  }

  if (status !== "pending") {
    return (
      <Card title="Decision">
        <p className="text-sm text-slate-500">
          This application is {STATUS_LABELS[status].toLowerCase()}; only pending applications can be reviewed.
          {status === "changes_requested" ? " It returns here when the applicant resubmits." : ""}
        </p>
      </Card>
    );
  }

  const pending = review.isPending ? review.variables.decision : null;
  const fieldErrors = fieldErrorsOf(review.error);
  return (
    <Card title="Decision">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          decide("approve");
        }}
      >
        <FormAlert message={formErrorOf(review.error)} />
        <TextAreaField
          label="Note to the applicant"
          name="note"
          rows={5}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={fieldErrors.note}
          hint="Required when rejecting or requesting changes (at least 5 characters). The applicant receives it by email."
        />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className={buttonClass("primary")}
            disabled={review.isPending}
            aria-busy={pending === "approve" || undefined}
          >
            {pending === "approve" ? PENDING_LABEL.approve : "Approve"}
          </button>
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={review.isPending}
            aria-busy={pending === "request_changes" || undefined}
            onClick={() => decide("request_changes")}
          >
            {pending === "request_changes" ? PENDING_LABEL.request_changes : "Request changes"}
          </button>
          <button
            type="button"
            className={dangerButtonClass()}
            disabled={review.isPending}
            aria-busy={pending === "reject" || undefined}
            onClick={() => decide("reject")}
          >
            {pending === "reject" ? PENDING_LABEL.reject : "Reject"}
          </button>
        </div>
        <p className="text-xs text-slate-500">Approving creates the store, makes the applicant its owner and signs them out once.</p>
      </form>
    </Card>
  );
}
