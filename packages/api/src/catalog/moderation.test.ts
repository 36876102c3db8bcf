import { describe, expect, it } from "vitest";

import type { ProductStatus } from "@ultramarket/db";
import { InvalidState } from "../core/errors";
import { assertTransition, canTransition } from "./moderation";

const ALL: ProductStatus[] = ["draft", "pending_review", "published", "rejected", "archived"];

describe("product moderation state machine", () => {
  it("lets vendors submit, withdraw, resubmit and archive, but never publish", () => {
    expect(canTransition("draft", "pending_review", "vendor")).toBe(true);
    expect(canTransition("pending_review", "draft", "vendor")).toBe(true);
    expect(canTransition("rejected", "pending_review", "vendor")).toBe(true);
    expect(canTransition("published", "archived", "vendor")).toBe(true);
    for (const from of ALL) expect(canTransition(from, "published", "vendor")).toBe(false);
  });

  it("lets only admins approve, reject and unpublish", () => {
    expect(canTransition("pending_review", "published", "admin")).toBe(true);
    expect(canTransition("pending_review", "rejected", "admin")).toBe(true);
    expect(canTransition("published", "draft", "admin")).toBe(true);
    expect(canTransition("pending_review", "rejected", "vendor")).toBe(false);
    expect(canTransition("published", "draft", "vendor")).toBe(false);
  });

  it("refuses illegal transitions with a typed error", () => {
    expect(() => assertTransition("draft", "published", "admin")).toThrow(InvalidState);
    expect(() => assertTransition("archived", "published", "admin")).toThrow(InvalidState);
    expect(() => assertTransition("rejected", "published", "admin")).toThrow(InvalidState);
    for (const status of ALL) expect(canTransition(status, status, "admin")).toBe(false);
  });
});
