"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { buttonClass, cn } from "@ultramarket/ui";
import { useTRPC } from "@ultramarket/ui/trpc";

export function SignOutButton({ className }: { className?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Whatever the answer (e.g. the session had already ended), leave the console.
        queryClient.clear();
        router.push("/sign-in");
        router.refresh();
      },
    }),
  );
  return (
    <button
      type="button"
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
      aria-busy={logout.isPending || undefined}
      className={cn(buttonClass("secondary"), className)}
    >
      {logout.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
