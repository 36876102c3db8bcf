import type { RouterInputs, RouterOutputs } from "@ultramarket/api";
import { productSortSchema } from "@ultramarket/api/catalog-schema";
import type { ProductSort } from "@ultramarket/api/catalog-schema";

/** A page's search parameters as Next.js passes them: any key may repeat. */
export type SearchParams = Record<string, string | string[] | undefined>;
export type AttributeFacets = RouterOutputs["catalog"]["categoryFilters"]["attributes"];
type ListFilters = NonNullable<RouterInputs["catalog"]["listProducts"]["filters"]>;

/**
 * Attribute filters travel as `attr.<key>=<value>`, repeated for each accepted value:
 * `?attr.origin=cn&attr.origin=kr&attr.ram=8GB` (a GET form with checkboxes named
 * `attr.origin` writes exactly that).
 */
export const ATTRIBUTE_PARAM = "attr.";
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,29}$/;
// The API's limits (catalog.listProducts input): more would be a 400, so they are cut here.
const MAX_ATTRIBUTES = 10;
const MAX_VALUES = 20;
const MAX_BRANDS = 20;

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

const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const single = (value: string | string[] | undefined): string | undefined => all(value)[0];

function wholeSom(value: string | string[] | undefined): number | undefined {
  const text = single(value)?.trim();
  return text && /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

/**
 * Reads the URL. Anything malformed is ignored rather than answered with an error: an
 * unknown sort is "newest", a price that is not a whole number is dropped, and attribute
 * keys or values the category does not offer (a stale or hand-edited link) are left out,
 * so every filter that applies is one the page shows as set.
 */
export function parseCategoryQuery(query: SearchParams, facets: AttributeFacets): CategoryQuery {
  const sort = productSortSchema.safeParse(single(query.sort));
  let min = wholeSom(query.min);
  let max = wholeSom(query.max);
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  const brands = [...new Set(all(query.brand).map((b) => b.trim()))].filter((b) => b.length > 0 && b.length <= 80).slice(0, MAX_BRANDS);
  const attributes: Record<string, string[]> = {};
  for (const facet of facets) {
    if (Object.keys(attributes).length >= MAX_ATTRIBUTES) break;
    if (!ATTRIBUTE_KEY.test(facet.key)) continue;
    const wanted = new Set(all(query[`${ATTRIBUTE_PARAM}${facet.key}`]));
    if (wanted.size === 0) continue;
    const values = facet.values
      .map((v) => v.value)
      .filter((value) => wanted.has(value) && value.length <= 200)
      .slice(0, MAX_VALUES);
    if (values.length > 0) attributes[facet.key] = values;
  }
  return {
    sort: sort.success ? sort.data : "newest",
    min,
    max,
    brands,
    inStock: all(query.instock).includes("1"),
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
    for (const value of values) {
      const rest = values.filter((v) => v !== value);
      const attributes = { ...query.attributes, [key]: rest };
      if (rest.length === 0) delete attributes[key];
      list.push({ kind: "attribute", key, value, without: { ...query, attributes } });
    }
  if (query.inStock) list.push({ kind: "inStock", without: { ...query, inStock: false } });
  return list;
}

/** The query with every filter cleared and the sort kept. */
export const withoutFilters = (query: CategoryQuery): CategoryQuery => ({ sort: query.sort, brands: [], inStock: false, attributes: {} });
