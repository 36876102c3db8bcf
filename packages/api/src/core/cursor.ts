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
