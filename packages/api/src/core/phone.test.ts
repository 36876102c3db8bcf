import { describe, expect, it } from "vitest";

import { normalizeUzPhone } from "./phone";

describe("normalizeUzPhone", () => {
  it.each([
    ["+998 90 123-45-67", "+998901234567"],
    ["998901234567", "+998901234567"],
    ["90 123 45 67", "+998901234567"],
    ["(93) 1234567", "+998931234567"],
    ["+998 71 200 00 00", "+998712000000"],
  ])("normalises %s", (input, expected) => {
    expect(normalizeUzPhone(input)).toBe(expected);
  });

  it.each(["", "12345", "+7 916 123 45 67", "+998 00 123 45 67", "abc", "+998 90 123 45 678"])("refuses %j", (input) => {
    expect(normalizeUzPhone(input)).toBeNull();
  });
});
