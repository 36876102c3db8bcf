import { describe, expect, it } from "vitest";

import { containsPattern } from "./like";

describe("containsPattern", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(containsPattern("Samsung")).toBe("%Samsung%");
    expect(containsPattern("100%_off\\")).toBe("%100\\%\\_off\\\\%");
  });
});
