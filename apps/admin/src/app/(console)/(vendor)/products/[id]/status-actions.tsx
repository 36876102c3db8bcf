"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { ProductStatus } from "~/lib/catalog";

const HELP: Record<ProductStatus, string> = {
  draft: "Only you can see a draft. Submit it for review to publish it.",
  pending_review: "Moderators are reviewing this product. Withdraw it to make it a draft again.",
  published: "Customers can buy this product. Archive it to take it off sale.",
  rejected: "Fix what the moderators asked and submit again, or archive it.",
  archived: "Archived products are hidden. Restore it as a draft to sell it again.",
};

export function StatusActions({ vendorId, productId, status }: { vendorId: string; productId: string; status: ProductStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const onSuccess = (message: string) => () => {
    setDone(message);
    router.refresh();
  };
  const submit = useMutation(trpc.vendorCatalog.submitForReview.mutationOptions({ onSuccess: onSuccess("Submitted for review.") }));
  const withdraw = useMutation(
    trpc.vendorCatalog.withdrawFromReview.mutationOptions({ onSuccess: onSuccess("The product is a draft again.") }),
  );
  const archive = useMutation(trpc.vendorCatalog.archiveProduct.mutationOptions({ onSuccess: onSuccess("Product archived.") }));
  const pending = submit.isPending || withdraw.isPending || archive.isPending;
  const error = submit.error ?? withdraw.error ?? archive.error;
  const ref = { vendorId, productId };
  const run = (action: typeof submit | typeof withdraw | typeof archive) => {
    setDone(null);
    submit.reset();
    withdraw.reset();
    archive.reset();
    action.mutate(ref);
  };

  return (
    <div className="space-y-3">
      <FormAlert tone="success" message={done} />
      <FormAlert message={formErrorOf(error)} />
      <p className="text-sm text-slate-600">{HELP[status]}</p>
      <div className="flex flex-wrap gap-2">
        {status === "draft" || status === "rejected" ? (
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={pending}
            aria-busy={submit.isPending || undefined}
            onClick={() => run(submit)}
          >
            {submit.isPending ? "Submitting…" : "Submit for review"}
          </button>
        ) : null}
        {status === "pending_review" || status === "archived" ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={pending}
            aria-busy={withdraw.isPending || undefined}
            onClick={() => run(withdraw)}
          >
            {withdraw.isPending ? "Working…" : status === "archived" ? "Restore as draft" : "Withdraw"}
          </button>
        ) : null}
        {status === "draft" || status === "published" || status === "rejected" ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            disabled={pending}
            aria-busy={archive.isPending || undefined}
            onClick={() => run(archive)}
          >
            {archive.isPending ? "Archiving…" : "Archive"}
          </button>
        ) : null}
      </div>
    </div>
  );
}
