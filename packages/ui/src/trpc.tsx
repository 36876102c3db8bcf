"use client";

import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { useState } from "react";
import superjson from "superjson";

import type { AppRouter } from "@ultramarket/api";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * Client components reach procedures through this provider; server components use the
 * server-side caller instead and never go over HTTP to their own process.
 */
export function TrpcReactProvider({
  children,
  createQueryClient,
  debug = false,
}: {
  children: ReactNode;
  createQueryClient: () => QueryClient;
  debug?: boolean;
}) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => debug && op.direction === "down" && op.result instanceof Error }),
        // A call carrying `context.idempotencyKey` (checkout.placeOrder) goes alone, with the
        // key as its Idempotency-Key header: a batch has one set of headers for every call in it.
        splitLink({
          condition: (op) => typeof op.context.idempotencyKey === "string",
          true: httpLink({
            url: "/api/trpc",
            transformer: superjson,
            headers: ({ op }) => ({ "x-trpc-source": "react", "Idempotency-Key": String(op.context.idempotencyKey) }),
          }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: () => ({ "x-trpc-source": "react" }) }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
