import { describe, expect, it } from "vitest";

import {
  activeSearchFilters,
  LAST_REACHABLE_PAGE,
  narrowsBeyondText,
  pageCount,
  pageCursor,
  pageNumbers,
  parseSearchQuery,
  searchHref,
  searchInput,
  withoutSearchFilters,
} from "./query";

describe("parseSearchQuery", () => {
  it("reads the words, filters, sort and page, prices in so'm becoming tiyin for the API", () => {
    const query = parseSearchQuery({
      q: "  samsung   smartfon ",
      category: "smartfonlar",
      brand: ["Samsung", "Xiaomi", "Samsung"],
      vendor: ["texno-savdo"],
      min: "5000000",
      max: "1000000",
      stock: "1",
      rating: "4",
      "attr.ram": ["8GB", "12GB"],
      sort: "price_asc",
      page: "3",
    });
    expect(query).toEqual({
      q: "samsung smartfon",
      category: "smartfonlar",
      brands: ["Samsung", "Xiaomi"],
      vendors: ["texno-savdo"],
      min: 1_000_000,
      max: 5_000_000,
      inStock: true,
      rating: 4,
      attributes: { ram: ["8GB", "12GB"] },
      sort: "price_asc",
      page: 3,
    });
    expect(searchInput(query, "ru")).toEqual({
      text: "samsung smartfon",
      filters: {
        category: "smartfonlar",
        brands: ["Samsung", "Xiaomi"],
        vendors: ["texno-savdo"],
        priceMin: 100_000_000,
        priceMax: 500_000_000,
        inStock: true,
        ratingMin: 4,
        attributes: { ram: ["8GB", "12GB"] },
      },
      sort: "price_asc",
      cursor: "o1c",
      limit: 24,
      locale: "ru",
    });
  });

  it("drops what is malformed instead of failing", () => {
    const query = parseSearchQuery({
      q: ["x".repeat(300), "second"],
      category: "Not A Slug",
      brand: ["", "y".repeat(81)],
      vendor: ["../etc", "ok-vendor"],
      min: "-5",
      max: "1e9",
      stock: "yes",
      rating: "4.5",
      "attr.ram": "8GB",
      sort: "cheapest",
      page: String(LAST_REACHABLE_PAGE + 1),
    });
    expect(query).toEqual({
      q: "x".repeat(200),
      category: undefined,
      brands: [],
      vendors: ["ok-vendor"],
      min: undefined,
      max: undefined,
      inStock: false,
      rating: undefined,
      // Attributes belong to a category: without one they are ignored.
      attributes: {},
      sort: "relevance",
      page: 1,
    });
    expect(searchInput(parseSearchQuery({}), "uz")).toEqual({
      text: "",
      filters: undefined,
      sort: "relevance",
      cursor: undefined,
      limit: 24,
      locale: "uz",
    });
  });

  it("keeps attribute filters within the API's limits", () => {
    const params = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`attr.a${i}`, Array.from({ length: 25 }, (_, j) => `v${j}`)]));
    const query = parseSearchQuery({ ...params, category: "c", "attr.Bad-Key": "1", "attr.__proto__": "x" });
    expect(Object.keys(query.attributes)).toHaveLength(10);
    expect(Object.values(query.attributes).every((values) => values.length === 20)).toBe(true);
  });
});

describe("page cursors", () => {
  it("names the offset of the page in base 36, as search.query's nextCursor does", () => {
    expect(pageCursor(1)).toBeUndefined();
    expect(pageCursor(2)).toBe("o" + (24).toString(36));
    expect(pageCursor(LAST_REACHABLE_PAGE)).toBe("o" + ((LAST_REACHABLE_PAGE - 1) * 24).toString(36));
    expect((LAST_REACHABLE_PAGE - 1) * 24).toBeLessThan(1000);
  });

  it("counts pages within the result window", () => {
    expect(pageCount(0)).toBe(0);
    expect(pageCount(24)).toBe(1);
    expect(pageCount(25)).toBe(2);
    expect(pageCount(1_000_000)).toBe(LAST_REACHABLE_PAGE);
  });

  it("lists the first, the last and two either side of the current page", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(6, 20)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
    // A gap of one page shows the page rather than an ellipsis.
    expect(pageNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageNumbers(20, 20)).toEqual([1, "gap", 18, 19, 20]);
  });
});

describe("searchHref and active filters", () => {
  const query = parseSearchQuery({
    q: "smartfon",
    category: "smartfonlar",
    brand: "Apple",
    vendor: "texno-savdo",
    min: "100",
    rating: "4",
    "attr.ram": "8GB",
    stock: "1",
    sort: "rating",
    page: "2",
  });

  it("writes the URL in the filter form's order, defaults left out", () => {
    expect(searchHref("uz", query)).toBe(
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&brand=Apple&vendor=texno-savdo&attr.ram=8GB&rating=4&stock=1&page=2",
    );
    expect(searchHref("en", parseSearchQuery({ q: "smart phone" }))).toBe("/en/search?q=smart+phone");
    expect(searchHref("ru", withoutSearchFilters(query))).toBe("/ru/search?q=smartfon&sort=rating");
    expect(searchHref("uz", parseSearchQuery({}))).toBe("/uz/search");
  });

  it("links each set filter to the first page without it; a category goes with its attributes", () => {
    const hrefs = activeSearchFilters(query).map((f) => searchHref("uz", f.without));
    expect(hrefs).toEqual([
      "/uz/search?q=smartfon&sort=rating&min=100&brand=Apple&vendor=texno-savdo&rating=4&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&vendor=texno-savdo&attr.ram=8GB&rating=4&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&brand=Apple&attr.ram=8GB&rating=4&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&brand=Apple&vendor=texno-savdo&attr.ram=8GB&rating=4&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&brand=Apple&vendor=texno-savdo&attr.ram=8GB&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&brand=Apple&vendor=texno-savdo&rating=4&stock=1",
      "/uz/search?q=smartfon&category=smartfonlar&sort=rating&min=100&brand=Apple&vendor=texno-savdo&attr.ram=8GB&rating=4",
    ]);
  });

  it("tells the plain words' page from narrowed ones", () => {
    expect(narrowsBeyondText(parseSearchQuery({ q: "smartfon" }))).toBe(false);
    expect(narrowsBeyondText(parseSearchQuery({ q: "smartfon", page: "2" }))).toBe(true);
    expect(narrowsBeyondText(parseSearchQuery({ q: "smartfon", sort: "newest" }))).toBe(true);
    expect(narrowsBeyondText(parseSearchQuery({ q: "smartfon", brand: "Apple" }))).toBe(true);
  });
});
