"use client";

import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { TrpcReactProvider } from "@ultramarket/ui/trpc";

const createQueryClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });

export function Providers({ children }: { children: ReactNode }) {
  return <TrpcReactProvider createQueryClient={createQueryClient}>{children}</TrpcReactProvider>;
}
