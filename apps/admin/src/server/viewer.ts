import "server-only";

import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { cache } from "react";

import { serverApi } from "./runtime";

/** One server-side caller per request, shared by the layouts and the page. */
export const getApi = cache(serverApi);

/** The signed-in person (or null), read once per request. */
export const getViewer = cache(async () => (await getApi()).auth.me());

export type Viewer = NonNullable<Awaited<ReturnType<typeof getViewer>>>;

/** True when a server-side call failed with one of these tRPC codes (e.g. a bad id → NOT_FOUND / BAD_REQUEST). */
export function failedWith(error: unknown, ...codes: TRPC_ERROR_CODE_KEY[]): boolean {
  return error instanceof TRPCError && codes.includes(error.code);
}
