import { describe, expect, it } from "vitest";

import type { SearchDocument } from "../engine";
import { MAX_RESULT_WINDOW } from "../schema";
import { indexSettings, synonymsSetting, toMeiliDocument } from "./documents";
import type { SearchOutcome } from "./search-request";
import { facetNames, facetsFrom, matchedWords, paginationParams, searchWindow, sortParams, totalOf } from "./search-request";

describe("Meilisearch search requests", () => {
  it("page by page number on page boundaries (exact totals), by offset elsewhere", () => {
    expect(paginationParams(0, 24)).toEqual({ page: 1, hitsPerPage: 24 });
    expect(paginationParams(48, 24)).toEqual({ page: 3, hitsPerPage: 24 });
    expect(paginationParams(30, 24)).toEqual({ offset: 30, limit: 24 });
    expect(paginationParams(990, 0)).toEqual({ page: 1, hitsPerPage: 0 });
  });

  it("keep offset and limit inside the result window", () => {
    expect(searchWindow(0, 24)).toEqual({ offset: 0, limit: 24 });
    expect(searchWindow(990, 24)).toEqual({ offset: 990, limit: 10 });
    expect(searchWindow(5000, 24)).toEqual({ offset: MAX_RESULT_WINDOW, limit: 0 });
    expect(searchWindow(-3, 24)).toEqual({ offset: 0, limit: 24 });
  });

  it("sort strictly with the product id as tiebreaker, and leave relevance to the ranking rules when words were typed", () => {
    expect(sortParams("price_asc", true)).toEqual(["minPriceAmount:asc", "productId:asc"]);
    expect(sortParams("price_desc", false)).toEqual(["minPriceAmount:desc", "productId:asc"]);
    expect(sortParams("newest", true)).toEqual(["publishedAt:desc", "productId:asc"]);
    expect(sortParams("rating", true)).toEqual(["ratingRank:desc", "ratingCount:desc", "productId:asc"]);
    expect(sortParams("relevance", true)).toBeUndefined();
    expect(sortParams("relevance", false)).toEqual(["popularity:desc", "productId:asc"]);
  });

  it("sort and filter only on attributes the index settings declare", () => {
    const settings = indexSettings({});
    for (const sort of ["price_asc", "price_desc", "newest", "rating", "relevance"] as const)
      for (const rule of sortParams(sort, false) ?? []) expect(settings.sortableAttributes).toContain(rule.split(":")[0]);
    for (const facet of facetNames(true)) expect(settings.filterableAttributes).toContain(facet);
    expect(settings.rankingRules?.at(-1)).toBe("popularity:desc");
    expect(settings.pagination?.maxTotalHits).toBe(MAX_RESULT_WINDOW);
  });

  it("count exact totals below the window, and flag estimates", () => {
    expect(totalOf({ hits: [], totalHits: 37 })).toEqual({ total: 37, totalIsEstimate: false });
    expect(totalOf({ hits: [], totalHits: MAX_RESULT_WINDOW })).toEqual({ total: MAX_RESULT_WINDOW, totalIsEstimate: true });
    expect(totalOf({ hits: [], estimatedTotalHits: 37 })).toEqual({ total: 37, totalIsEstimate: true });
  });
});

describe("Meilisearch facets", () => {
  const response: SearchOutcome = {
    hits: [],
    totalHits: 9,
    facetDistribution: {
      categoryId: { c2: 3, c1: 6 },
      brand: { Artel: 2, Samsung: 5, Apple: 2 },
      vendorId: { v1: 9 },
      inStock: { true: 7, false: 2 },
      ratingFloor: { "0": 1, "2": 1, "3": 2, "4": 4, "5": 1 },
      attributeValues: { "color=black": 4, "color=white": 2 },
    },
    facetStats: { minPriceAmount: { min: 150_000, max: 9_900_000 } },
  };

  it("come out in the engine's shape, most matches first", () => {
    expect(facetsFrom(response, true)).toEqual({
      categoryIds: [
        { id: "c1", count: 6 },
        { id: "c2", count: 3 },
      ],
      brands: [
        { value: "Samsung", count: 5 },
        { value: "Apple", count: 2 },
        { value: "Artel", count: 2 },
      ],
      vendorIds: [{ id: "v1", count: 9 }],
      price: { min: 150_000, max: 9_900_000 },
      inStock: 7,
      ratings: [
        { atLeast: 4, count: 5 },
        { atLeast: 3, count: 7 },
        { atLeast: 2, count: 8 },
        { atLeast: 1, count: 8 },
      ],
      attributeValues: { "color=black": 4, "color=white": 2 },
    });
  });

  it("leave attribute values out without a category, and ratings and price out when nothing matched", () => {
    expect(facetsFrom(response, false).attributeValues).toEqual({});
    const none = facetsFrom({ hits: [], totalHits: 0, facetDistribution: {}, facetStats: {} }, true);
    expect(none).toMatchObject({ price: null, ratings: [], inStock: 0, brands: [] });
  });
});

describe("Meilisearch matched words", () => {
  it("add the title words Meilisearch matched (typo corrections, completions) to the query words", () => {
    const hits = [
      { productId: "p1", title: "smartfon samsung galaxy a55", _matchesPosition: { title: [{ start: 9, length: 7 }] } },
      { productId: "p2", title: "telefon nokia", _matchesPosition: { title: [{ start: 0, length: 5 }] } },
      { productId: "p3", title: "no positions" },
    ];
    expect(matchedWords(["samsng", "telef"], hits)).toEqual(["samsng", "telef", "samsung"]);
  });
});

describe("Meilisearch documents and synonyms", () => {
  it("flatten the search document with sortable numbers and rating buckets", () => {
    const document: SearchDocument = {
      productId: "p1",
      vendorId: "v1",
      categoryId: "c2",
      categoryIds: ["c1", "c2"],
      brand: "Samsung",
      minPriceAmount: 150_000,
      maxPriceAmount: 180_000,
      currency: "UZS",
      inStock: true,
      rating: 4.6,
      ratingCount: 12,
      popularity: 40,
      publishedAt: new Date("2026-01-02T03:04:05Z"),
      attributeValues: ["color=black"],
      text: {
        title: "smartfon",
        titleRu: "Смартфон",
        titleEn: "Smartphone",
        labels: "samsung",
        labelsRu: "Телефоны",
        attributes: "qora",
        description: "",
      },
    };
    expect(toMeiliDocument(document)).toMatchObject({
      productId: "p1",
      publishedAt: Date.parse("2026-01-02T03:04:05Z"),
      rating: 4.6,
      ratingFloor: 4,
      ratingRank: 4.6,
      title: "smartfon",
      titleRu: "Смартфон",
    });
    expect(toMeiliDocument({ ...document, rating: null })).toMatchObject({ rating: null, ratingFloor: 0, ratingRank: 0 });
  });

  it("map every synonym term to all the others of its groups", () => {
    expect(
      synonymsSetting([
        ["muzlatgich", "xolodilnik", "fridge"],
        ["fridge", "refrigerator"],
        ["telefon", "telefon"],
      ]),
    ).toEqual({
      muzlatgich: ["xolodilnik", "fridge"],
      xolodilnik: ["muzlatgich", "fridge"],
      fridge: ["muzlatgich", "xolodilnik", "refrigerator"],
      refrigerator: ["fridge"],
    });
  });
});
