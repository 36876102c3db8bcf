import { describe, expect, it } from "vitest";

import { filterConditions, hasFacetNarrowing, numberFilterValue, quoteFilterValue } from "./filter";

/**
 * Reads one double-quoted value the way Meilisearch's filter grammar does (`\` escapes the next character) and
 * returns it with whatever follows the closing quote.
 */
function readQuoted(text: string): { value: string; rest: string } {
  if (!text.startsWith('"')) throw new Error(`not quoted: ${text}`);
  let value = "";
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\") {
      value += text[++i] ?? "";
      continue;
    }
    if (char === '"') return { value, rest: text.slice(i + 1) };
    value += char;
  }
  throw new Error(`unterminated: ${text}`);
}

const hostile = [
  "Samsung",
  'Acme" OR brand = "x',
  "back\\slash",
  "ends with a backslash\\",
  '\\"',
  "a & | ! % ( ) [ ] , = != >= TO EXISTS NOT IN",
  "it's 'single' quoted",
  "line\nbreak\ttab",
  "emoji 😀 and Кириллица and Oʻzbek",
  "",
];

describe("Meilisearch filter values", () => {
  it("quote every string into exactly one value that reads back unchanged", () => {
    for (const value of hostile) {
      const quoted = quoteFilterValue(value);
      expect(readQuoted(quoted)).toEqual({ value, rest: "" });
    }
  });

  it("escape backslashes before quotes, so a trailing backslash cannot swallow the closing quote", () => {
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
    expect(quoteFilterValue('say "hi"')).toBe('"say \\"hi\\""');
  });

  it("write only finite numbers", () => {
    expect(numberFilterValue(150_000)).toBe("150000");
    expect(numberFilterValue(4.5)).toBe("4.5");
    expect(() => numberFilterValue(Number.NaN)).toThrow(TypeError);
    expect(() => numberFilterValue(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });
});

describe("Meilisearch filter conditions", () => {
  const category = "0b7c5f0e-4d1a-4c8e-9a37-1f2e3d4c5b6a";
  const vendor = "9f8e7d6c-5b4a-4392-8170-6a5b4c3d2e1f";

  it("turn every engine filter into one condition on a fixed attribute", () => {
    expect(
      filterConditions(
        {
          categoryId: category,
          brands: ["Samsung", 'Acme" OR brand = "x'],
          vendorIds: [vendor],
          priceMin: 100_000,
          priceMax: 2_500_000,
          inStock: true,
          ratingMin: 4,
          attributes: { color: ["black", "oq"], storage: ["128"] },
        },
        { facetBase: false },
      ),
    ).toEqual([
      `categoryIds = "${category}"`,
      "minPriceAmount >= 100000",
      "minPriceAmount <= 2500000",
      "inStock = true",
      "rating >= 4",
      'brand IN ["Samsung", "Acme\\" OR brand = \\"x"]',
      `vendorId IN ["${vendor}"]`,
      'attributeValues IN ["color=black", "color=oq"]',
      'attributeValues IN ["storage=128"]',
    ]);
  });

  it("leave the brand, vendor and attribute choices out of the facet base", () => {
    const filters = { categoryId: category, brands: ["Samsung"], vendorIds: [vendor], inStock: true, attributes: { color: ["black"] } };
    expect(filterConditions(filters, { facetBase: true })).toEqual([`categoryIds = "${category}"`, "inStock = true"]);
    expect(hasFacetNarrowing(filters)).toBe(true);
    expect(hasFacetNarrowing({ categoryId: category, inStock: true, brands: [] })).toBe(false);
  });

  it("ignore unset and false filters", () => {
    expect(filterConditions({ inStock: false, brands: [], attributes: {} }, { facetBase: false })).toEqual([]);
  });

  it("keep an attribute value with quotes inside its one quoted key=value", () => {
    const [condition] = filterConditions({ attributes: { size: ['15.6"'] } }, { facetBase: false });
    const inner = condition!.replace(/^attributeValues IN \[/, "").replace(/\]$/, "");
    expect(readQuoted(inner)).toEqual({ value: 'size=15.6"', rest: "" });
  });
});
