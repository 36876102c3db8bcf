import type { RouterInputs, RouterOutputs } from "@ultramarket/api";
import { productSortSchema } from "@ultramarket/api/catalog-schema";
import type { ProductSort } from "@ultramarket/api/catalog-schema";
// Relative rather than `~/`: vitest, which runs query.test.ts, does not know the app's path alias.
import type { SearchParams } from "../../../../components/search-params";
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
} from "../../../../components/search-params";

export type { SearchParams } from "../../../../components/search-params";
export { ATTRIBUTE_PARAM } from "../../../../components/search-params";
export type AttributeFacets = RouterOutputs["catalog"]["categoryFilters"]["attributes"];
type ListFilters = NonNullable<RouterInputs["catalog"]["listProducts"]["filters"]>;

/** What a category page shows: sort and filters, read from the URL and made valid. */
export interface CategoryQuery {
  sort: ProductSort;
  /** Whole so'm, as the shopper typed them (the API takes tiyin). */
  min?: number;
  max?: number;
  brands: string[];
  inStock: boolean;
  /** Attribute key → accepted values, in the order the category's facets list them. */
  attributes: Record<string, string[]>;
}

/**
 * Reads the URL. Anything malformed is ignored rather than answered with an error: an
 * unknown sort is "newest", a price that is not a whole number is dropped, and attribute
 * keys or values the category does not offer (a stale or hand-edited link) are left out,
 * so every filter that applies is one the page shows as set.
 */
export function parseCategoryQuery(query: SearchParams, facets: AttributeFacets): CategoryQuery {
  const sort = productSortSchema.safeParse(firstValue(query.sort));
  const { min, max } = somRange(query.min, query.max);
  const brands = brandsFrom(query.brand);
  const attributes: Record<string, string[]> = {};
  for (const facet of facets) {
    if (Object.keys(attributes).length >= MAX_ATTRIBUTES) break;
    if (!ATTRIBUTE_KEY.test(facet.key)) continue;
    const wanted = new Set(allValues(query[`${ATTRIBUTE_PARAM}${facet.key}`]));
    if (wanted.size === 0) continue;
    const values = facet.values
      .map((v) => v.value)
      .filter((value) => wanted.has(value) && value.length <= 200)
      .slice(0, MAX_ATTRIBUTE_VALUES);
    if (values.length > 0) attributes[facet.key] = values;
  }
  return {
    sort: sort.success ? sort.data : "newest",
    min,
    max,
    brands,
    inStock: allValues(query.instock).includes("1"),
    attributes,
  };
}

/** The filters for catalog.listProducts, or undefined when none is set. */
export function listFilters(query: CategoryQuery): ListFilters | undefined {
  const filters: ListFilters = {};
  if (query.min !== undefined) filters.priceMin = query.min * 100;
  if (query.max !== undefined) filters.priceMax = query.max * 100;
  if (query.brands.length > 0) filters.brands = query.brands;
  if (query.inStock) filters.inStock = true;
  if (Object.keys(query.attributes).length > 0) filters.attributes = query.attributes;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** How many filters are set (a price range counts once). */
export function activeFilterCount(query: CategoryQuery): number {
  const price = query.min !== undefined || query.max !== undefined ? 1 : 0;
  const attributes = Object.values(query.attributes).reduce((sum, values) => sum + values.length, 0);
  return price + query.brands.length + attributes + (query.inStock ? 1 : 0);
}

/**
 * The page's URL for a query, parameters in the filter form's order (so a submitted form
 * and a link give the same URL): `/uz/c/smartfonlar?sort=popular&brand=Apple&attr.origin=cn`.
 */
export function categoryHref(path: string, query: CategoryQuery): string {
  const params = new URLSearchParams();
  params.set("sort", query.sort);
  if (query.min !== undefined) params.set("min", String(query.min));
  if (query.max !== undefined) params.set("max", String(query.max));
  for (const brand of query.brands) params.append("brand", brand);
  for (const [key, values] of Object.entries(query.attributes))
    for (const value of values) params.append(`${ATTRIBUTE_PARAM}${key}`, value);
  if (query.inStock) params.set("instock", "1");
  return `${path}?${params.toString()}`;
}

/** One set filter and the query without it (for "remove this filter" links). */
export type ActiveFilter =
  | { kind: "price"; min?: number; max?: number; without: CategoryQuery }
  | { kind: "brand"; brand: string; without: CategoryQuery }
  | { kind: "attribute"; key: string; value: string; without: CategoryQuery }
  | { kind: "inStock"; without: CategoryQuery };

export function activeFilters(query: CategoryQuery): ActiveFilter[] {
  const list: ActiveFilter[] = [];
  if (query.min !== undefined || query.max !== undefined)
    list.push({ kind: "price", min: query.min, max: query.max, without: { ...query, min: undefined, max: undefined } });
  for (const brand of query.brands)
    list.push({ kind: "brand", brand, without: { ...query, brands: query.brands.filter((b) => b !== brand) } });
  for (const [key, values] of Object.entries(query.attributes))
    for (const value of values)
      list.push({ kind: "attribute", key, value, without: { ...query, attributes: withoutAttributeValue(query.attributes, key, value) } });
  if (query.inStock) list.push({ kind: "inStock", without: { ...query, inStock: false } });
  return list;
}

/** The query with every filter cleared and the sort kept. */
export const withoutFilters = (query: CategoryQuery): CategoryQuery => ({ sort: query.sort, brands: [], inStock: false, attributes: {} });
