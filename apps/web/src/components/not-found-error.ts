import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Turns a procedure's NOT_FOUND into the page's 404; everything else propagates to error.tsx. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
