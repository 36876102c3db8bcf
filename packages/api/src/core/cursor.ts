import { z } from "zod";

import { ValidationFailed } from "./errors";

/** Opaque keyset cursor: the last row's sort value and id, base64url JSON. */
const cursorSchema = z.strictObject({ v: z.union([z.string(), z.number()]), id: z.uuid() });
export type Cursor = z.infer<typeof cursorSchema>;

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString("base64url");

export function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new ValidationFailed("Invalid cursor", { cursor: ["This page link is no longer valid"] });
  }
}

/**
 * A page of rows read with one row more than `limit` (to know whether more follow), the next cursor being the last
 * shown row's id: for lists in id order.
 */
export function pageByLastId<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
