import { describe, expect, it } from "vitest";

import { forbiddenKeysInJson, inspectRawInput, jsonDepthExceeds } from "./input-guard";

describe("inspectRawInput", () => {
  it("accepts ordinary input", () => {
    expect(inspectRawInput({ slug: "telefon", nested: { list: [1, "two"] } })).toBeNull();
    expect(inspectRawInput(undefined)).toBeNull();
  });

  it("reports NUL characters with the field path", () => {
    expect(inspectRawInput({ a: { b: "x\u0000y" } })).toEqual({ "a.b": ["Text must not contain NUL characters"] });
  });

  it("reports half surrogate pairs (text UTF-8 cannot hold), and accepts whole ones", () => {
    expect(inspectRawInput({ text: "a\ud800b" })).toEqual({ text: ["Text must be valid Unicode"] });
    expect(inspectRawInput({ f: { ["k\udc00"]: 1 } })).toEqual({ f: ["Keys must be valid Unicode"] });
    expect(inspectRawInput({ text: "telefon 📱" })).toBeNull();
  });

  it("reports prototype-polluting keys", () => {
    const input = JSON.parse('{"slug":"x","__proto__":{"admin":true}}') as unknown;
    const problems = inspectRawInput(input);
    expect(Object.keys(problems ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(problems)).toBe(Object.prototype);
    expect(inspectRawInput({ constructor: { prototype: {} } })).toHaveProperty("constructor");
  });

  it("stops at the depth limit instead of recursing forever", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const problems = inspectRawInput(deep);
    expect(Object.values(problems ?? {})).toEqual([["Input is nested deeper than 32 levels"]]);
  });
});

describe("jsonDepthExceeds", () => {
  it("counts nesting outside strings only", () => {
    expect(jsonDepthExceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[\\"[[["}', 2)).toBe(false);
    expect(jsonDepthExceeds("[".repeat(10_000) + "]".repeat(10_000), 40)).toBe(true);
  });
});

describe("forbiddenKeysInJson", () => {
  it("finds prototype keys at any depth, and ignores them inside strings", () => {
    expect(forbiddenKeysInJson('{"json":{"a":{"__proto__":{"x":1}}}}')).toEqual(["__proto__"]);
    expect(forbiddenKeysInJson('{"json":{"constructor":{"prototype":1}}}').sort()).toEqual(["constructor", "prototype"]);
    expect(forbiddenKeysInJson('{"json":{"text":"\\"__proto__\\": no"}}')).toEqual([]);
    expect(forbiddenKeysInJson('{"json":{"slug":"telefon"}}')).toEqual([]);
  });
});
