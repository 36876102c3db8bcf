import type { RouterInputs } from "@ultramarket/api";
// Relative rather than `~/`: vitest, which runs query.test.ts, does not know the app's path alias.
import type { SearchParams } from "../../../components/search-params";
import {
  allValues,
  ATTRIBUTE_KEY,
  ATTRIBUTE_PARAM,
  brandsFrom,
  firstValue,
  MAX_ATTRIBUTE_VALUES,
  MAX_ATTRIBUTES,
  somRange,
  withoutAttributeValue,
} from "../../../components/search-params";
import type { Locale } from "~/i18n/locales";

type SearchInput = RouterInputs["search"]["query"];
type SearchFilters = NonNullable<SearchInput["filters"]>;
export type SearchSort = NonNullable<SearchInput["sort"]>;

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "rating"] as const satisfies readonly SearchSort[];
export const PAGE_SIZE = 24;
/** The API's result window (MAX_RESULT_WINDOW in packages/api/src/search/schema.ts): no page starts past it. */
const RESULT_WINDOW = 1000;
export const LAST_REACHABLE_PAGE = Math.ceil(RESULT_WINDOW / PAGE_SIZE);
// The API's input limits (searchQueryInput): longer text would be a 400, so the URL is cut to them.
const MAX_TEXT = 200;
const MAX_VENDORS = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What the results page shows, read from `/[locale]/search?q=…&category=…&brand=…&vendor=…&min=…&max=…&stock=1
 * &rating=4&attr.<key>=<value>&sort=…&page=N`. Prices are whole so'm in the URL (the API takes tiyin).
 */
export interface SearchPageQuery {
  q: string;
  category?: string;
  brands: string[];
  vendors: string[];
  min?: number;
  max?: number;
  inStock: boolean;
  rating?: number;
  /** Attribute key → accepted values; only with a category, whose attributes they are. */
  attributes: Record<string, string[]>;
  sort: SearchSort;
  page: number;
}

const slugOf = (value: string | undefined): string | undefined => (value && value.length <= 200 && SLUG.test(value) ? value : undefined);
const isSort = (value: string | undefined): value is SearchSort => (SEARCH_SORTS as readonly (string | undefined)[]).includes(value);

/**
 * Reads the URL. Anything malformed is dropped rather than answered with an error (a hand-edited or stale link
 * still shows results): an unknown sort is relevance, a page number outside 1…the last reachable page is 1, and
 * attribute filters without a category are ignored.
 */
export function parseSearchQuery(params: SearchParams): SearchPageQuery {
  const sort = firstValue(params.sort);
  const page = Number(firstValue(params.page));
  const rating = Number(firstValue(params.rating));
  const category = slugOf(firstValue(params.category)?.trim());
  const attributes: Record<string, string[]> = {};
  if (category) {
    for (const [name, value] of Object.entries(params)) {
      if (!name.startsWith(ATTRIBUTE_PARAM) || Object.keys(attributes).length >= MAX_ATTRIBUTES) continue;
      const key = name.slice(ATTRIBUTE_PARAM.length);
      if (!ATTRIBUTE_KEY.test(key)) continue;
      const values = [...new Set(allValues(value))].filter((v) => v.length > 0 && v.length <= 200).slice(0, MAX_ATTRIBUTE_VALUES);
      if (values.length > 0) attributes[key] = values;
    }
  }
  return {
    q: (firstValue(params.q) ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_TEXT),
    category,
    brands: brandsFrom(params.brand),
    vendors: [...new Set(allValues(params.vendor).map((v) => slugOf(v.trim())))].filter((v) => v !== undefined).slice(0, MAX_VENDORS),
    ...somRange(params.min, params.max),
    inStock: allValues(params.stock).includes("1"),
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined,
    attributes,
    sort: isSort(sort) ? sort : "relevance",
    page: Number.isInteger(page) && page >= 1 && page <= LAST_REACHABLE_PAGE ? page : 1,
  };
}

/** The API's cursor for a page: an offset, as search.query's nextCursor writes it (`o` + base 36). */
export const pageCursor = (page: number): string | undefined => (page > 1 ? `o${((page - 1) * PAGE_SIZE).toString(36)}` : undefined);

export function searchFilters(query: SearchPageQuery): SearchFilters | undefined {
  const filters: SearchFilters = {};
  if (query.category) filters.category = query.category;
  if (query.brands.length > 0) filters.brands = query.brands;
  if (query.vendors.length > 0) filters.vendors = query.vendors;
  if (query.min !== undefined) filters.priceMin = query.min * 100;
  if (query.max !== undefined) filters.priceMax = query.max * 100;
  if (query.inStock) filters.inStock = true;
  if (query.rating !== undefined) filters.ratingMin = query.rating;
  if (Object.keys(query.attributes).length > 0) filters.attributes = query.attributes;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** search.query's input for the page the URL names. */
export const searchInput = (query: SearchPageQuery, locale: Locale): SearchInput => ({
  text: query.q,
  filters: searchFilters(query),
  sort: query.sort,
  cursor: pageCursor(query.page),
  limit: PAGE_SIZE,
  locale,
});

/** Whether anything beyond the words is set: such pages are for shoppers, not for search engines. */
export const narrowsBeyondText = (query: SearchPageQuery): boolean =>
  searchFilters(query) !== undefined || query.sort !== "relevance" || query.page > 1;

/**
 * The page's URL for a query, parameters in the filter form's order (so a submitted form and a link give the same
 * URL), defaults left out: `/uz/search?q=smartfon&category=smartfonlar&brand=Apple&sort=price_asc&page=2`.
 */
export function searchHref(locale: Locale, query: SearchPageQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.sort !== "relevance") params.set("sort", query.sort);
  if (query.min !== undefined) params.set("min", String(query.min));
  if (query.max !== undefined) params.set("max", String(query.max));
  for (const brand of query.brands) params.append("brand", brand);
  for (const vendor of query.vendors) params.append("vendor", vendor);
  for (const [key, values] of Object.entries(query.attributes))
    for (const value of values) params.append(`${ATTRIBUTE_PARAM}${key}`, value);
  if (query.rating !== undefined) params.set("rating", String(query.rating));
  if (query.inStock) params.set("stock", "1");
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return `/${locale}/search${search ? `?${search}` : ""}`;
}

/** One set filter and the query without it (for "remove this filter" chips); every change goes back to page 1. */
export type ActiveSearchFilter =
  | { kind: "category"; slug: string; without: SearchPageQuery }
  | { kind: "brand"; brand: string; without: SearchPageQuery }
  | { kind: "vendor"; slug: string; without: SearchPageQuery }
  | { kind: "price"; min?: number; max?: number; without: SearchPageQuery }
  | { kind: "rating"; atLeast: number; without: SearchPageQuery }
  | { kind: "attribute"; key: string; value: string; without: SearchPageQuery }
  | { kind: "inStock"; without: SearchPageQuery };

export function activeSearchFilters(query: SearchPageQuery): ActiveSearchFilter[] {
  const base = { ...query, page: 1 };
  const list: ActiveSearchFilter[] = [];
  // A category's attributes go with it.
  if (query.category) list.push({ kind: "category", slug: query.category, without: { ...base, category: undefined, attributes: {} } });
  for (const brand of query.brands)
    list.push({ kind: "brand", brand, without: { ...base, brands: query.brands.filter((b) => b !== brand) } });
  for (const slug of query.vendors)
    list.push({ kind: "vendor", slug, without: { ...base, vendors: query.vendors.filter((v) => v !== slug) } });
  if (query.min !== undefined || query.max !== undefined)
    list.push({ kind: "price", min: query.min, max: query.max, without: { ...base, min: undefined, max: undefined } });
  if (query.rating !== undefined) list.push({ kind: "rating", atLeast: query.rating, without: { ...base, rating: undefined } });
  for (const [key, values] of Object.entries(query.attributes))
    for (const value of values)
      list.push({ kind: "attribute", key, value, without: { ...base, attributes: withoutAttributeValue(query.attributes, key, value) } });
  if (query.inStock) list.push({ kind: "inStock", without: { ...base, inStock: false } });
  return list;
}

/** The query with every filter cleared; the words and the sort are kept. */
export const withoutSearchFilters = (query: SearchPageQuery): SearchPageQuery => ({
  q: query.q,
  brands: [],
  vendors: [],
  inStock: false,
  attributes: {},
  sort: query.sort,
  page: 1,
});

/**
 * The page numbers to link, with gaps: the first, the last, and two either side of the current one,
 * e.g. 1 … 4 5 [6] 7 8 … 20.
 */
export function pageNumbers(current: number, last: number): (number | "gap")[] {
  const shown = new Set([1, last]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const list: (number | "gap")[] = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) list.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) list.push("gap");
    list.push(n);
  }
  return list;
}

/** How many pages a total spreads over, within the reachable window. */
export const pageCount = (total: number): number => Math.min(Math.ceil(total / PAGE_SIZE), LAST_REACHABLE_PAGE);
