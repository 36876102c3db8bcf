import { describe, expect, it } from "vitest";

import type { AttributeFacets } from "./query";
import { activeFilterCount, activeFilters, categoryHref, listFilters, parseCategoryQuery, withoutFilters } from "./query";

const facets: AttributeFacets = [
  {
    key: "origin",
    name: "Ishlab chiqarilgan mamlakat",
    values: [
      { value: "uz", name: "Oʻzbekiston", count: 4 },
      { value: "cn", name: "Xitoy", count: 9 },
      { value: "kr", name: "Janubiy Koreya", count: 2 },
    ],
  },
  { key: "ram", name: "Operativ xotira", values: [{ value: "8GB", name: "8GB", count: 5 }] },
];

describe("parseCategoryQuery", () => {
  it("reads sort, prices, brands, stock and attribute filters", () => {
    const query = parseCategoryQuery(
      {
        sort: "popular",
        min: "1000",
        max: "500",
        brand: ["Apple", "Xiaomi"],
        instock: "1",
        "attr.origin": ["kr", "cn"],
        "attr.ram": "8GB",
      },
      facets,
    );
    expect(query).toEqual({
      sort: "popular",
      min: 500,
      max: 1000,
      brands: ["Apple", "Xiaomi"],
      inStock: true,
      // In the facets' order, whatever the URL's.
      attributes: { origin: ["cn", "kr"], ram: ["8GB"] },
    });
    expect(listFilters(query)).toEqual({
      priceMin: 50_000,
      priceMax: 100_000,
      brands: ["Apple", "Xiaomi"],
      inStock: true,
      attributes: { origin: ["cn", "kr"], ram: ["8GB"] },
    });
    expect(activeFilterCount(query)).toBe(7);
  });

  it("ignores what is malformed or not offered by the category", () => {
    const query = parseCategoryQuery(
      {
        sort: ["bogus"],
        min: "-5",
        max: "1e9",
        brand: ["", "x".repeat(81)],
        instock: "yes",
        "attr.origin": ["jp", ""],
        "attr.colour": "red",
        "attr.__proto__": "x",
        "attr.Bad-Key": "1",
        attr: "origin",
      },
      facets,
    );
    expect(query).toEqual({ sort: "newest", min: undefined, max: undefined, brands: [], inStock: false, attributes: {} });
    expect(listFilters(query)).toBeUndefined();
  });

  it("keeps within the API's limits", () => {
    const many: AttributeFacets = Array.from({ length: 12 }, (_, i) => ({
      key: `a${i}`,
      name: `A${i}`,
      values: Array.from({ length: 25 }, (_, j) => ({ value: `v${j}`, name: `V${j}`, count: 1 })),
    }));
    const search = Object.fromEntries(many.map((f) => [`attr.${f.key}`, f.values.map((v) => v.value)]));
    const query = parseCategoryQuery({ ...search, brand: Array.from({ length: 30 }, (_, i) => `B${i}`) }, many);
    expect(Object.keys(query.attributes)).toHaveLength(10);
    expect(Object.values(query.attributes).every((values) => values.length === 20)).toBe(true);
    expect(query.brands).toHaveLength(20);
  });
});

describe("categoryHref and activeFilters", () => {
  const query = parseCategoryQuery({ sort: "price_asc", brand: "Apple", "attr.origin": ["cn", "kr"], instock: "1" }, facets);

  it("writes the URL in the filter form's order", () => {
    expect(categoryHref("/uz/c/smartfonlar", query)).toBe(
      "/uz/c/smartfonlar?sort=price_asc&brand=Apple&attr.origin=cn&attr.origin=kr&instock=1",
    );
    expect(categoryHref("/uz/c/smartfonlar", withoutFilters(query))).toBe("/uz/c/smartfonlar?sort=price_asc");
  });

  it("links each set filter to the page without it", () => {
    const hrefs = activeFilters(query).map((f) => categoryHref("/c", f.without));
    expect(hrefs).toEqual([
      "/c?sort=price_asc&attr.origin=cn&attr.origin=kr&instock=1",
      "/c?sort=price_asc&brand=Apple&attr.origin=kr&instock=1",
      "/c?sort=price_asc&brand=Apple&attr.origin=cn&instock=1",
      "/c?sort=price_asc&brand=Apple&attr.origin=cn&attr.origin=kr",
    ]);
    const last = activeFilters(parseCategoryQuery({ "attr.ram": "8GB" }, facets));
    expect(categoryHref("/c", last[0]!.without)).toBe("/c?sort=newest");
  });
});
