"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { useTRPC } from "@ultramarket/ui/trpc";

/** Ends this device's session, then re-renders the page as an anonymous visitor. */
export function SignOutButton({ label }: { label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Even when the session had already ended (an error), the visitor is signed out: refresh either way.
      onSettled: () => {
        queryClient.clear();
        startTransition(() => router.refresh());
      },
    }),
  );
  const busy = logout.isPending || refreshing;
  return (
    <button
      type="button"
      onClick={() => logout.mutate()}
      disabled={busy}
      aria-busy={busy || undefined}
      className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50"
    >
      {label}
    </button>
  );
}
