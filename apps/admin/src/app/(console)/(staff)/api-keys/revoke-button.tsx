"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass } from "~/components/ui";

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = formErrorOf(revoke.error);

  if (!confirming) {
    return (
      <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-2">
      <span className="text-xs text-slate-600">Services using “{name}” stop working.</span>
      <div className="flex gap-2">
        <button
          type="button"
          className={dangerButtonClass()}
          disabled={revoke.isPending}
          aria-busy={revoke.isPending || undefined}
          onClick={() => revoke.mutate({ id })}
        >
          {revoke.isPending ? "Revoking…" : "Confirm revoke"}
        </button>
        <button type="button" className={buttonClass("secondary")} disabled={revoke.isPending} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
