import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor } from "./cursor";
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
