import { describe, expect, it } from "vitest";

import { DomainError, NotFound, RateLimited } from "./errors";

describe("DomainError", () => {
  it("is recognised across copies of the module (Next.js loads one per bundle)", () => {
    // What an error from another bundle's copy looks like: same brand, different class.
    const foreign = Object.assign(new Error("Too many attempts"), { [Symbol.for("ultramarket.domain-error")]: true, code: "RATE_LIMITED" });
    expect(foreign instanceof DomainError).toBe(true);
    expect(new Error("plain") instanceof DomainError).toBe(false);
    expect((null as unknown as object) instanceof DomainError).toBe(false);
  });

  it("keeps ordinary instanceof for the subclasses", () => {
    expect(new NotFound("x") instanceof NotFound).toBe(true);
    expect(new NotFound("x") instanceof DomainError).toBe(true);
    expect(new RateLimited("x") instanceof NotFound).toBe(false);
  });
});
