import "server-only";

import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { redirect } from "next/navigation";
import { cache } from "react";

import { isStaff } from "~/lib/roles";
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

/**
 * The console's guard, for layouts and pages alike (Next renders a page alongside its
 * layouts, so each page checks again before calling procedures): no session → sign-in;
 * staff whose session has not passed the second factor → enrolment / verification.
 */
export async function requireConsoleViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (isStaff(viewer.role) && !viewer.twoFactorVerified) redirect("/security/two-factor");
  return viewer;
}

/** Staff-only pages: sellers and customers go back to their dashboard. */
export async function requireStaff(): Promise<Viewer> {
  const viewer = await requireConsoleViewer();
  if (!isStaff(viewer.role)) redirect("/");
  return viewer;
}
