import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, pageByLastId } from "./cursor";
import { ValidationFailed } from "./errors";

describe("keyset cursor", () => {
  it("round-trips its value and id", () => {
    const cursor = { v: 1250000, id: "0192f1e4-8a5b-7c3d-9e2f-123456789abc" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuses tampered or garbage cursors with a field error", () => {
    for (const raw of ["not-base64!!", Buffer.from('{"v":1,"id":"x"}').toString("base64url"), Buffer.from("[]").toString("base64url")]) {
      expect(() => decodeCursor(raw)).toThrow(ValidationFailed);
    }
  });
});

describe("pageByLastId", () => {
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("shows `limit` rows and points past the last one when more were read", () => {
    expect(pageByLastId(rows, 2)).toEqual({ items: [{ id: "a" }, { id: "b" }], nextCursor: "b" });
  });
  it("has no next page when no extra row was read", () => {
    expect(pageByLastId(rows, 3)).toEqual({ items: rows, nextCursor: null });
    expect(pageByLastId([], 3)).toEqual({ items: [], nextCursor: null });
  });
});
