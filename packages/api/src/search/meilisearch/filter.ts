import type { EngineFilters } from "../engine";

/**
 * A string as a Meilisearch filter value: in double quotes, with `\` and `"` escaped (the filter grammar since
 * Meilisearch 1.4). Every string from a shopper goes through here, so `Acme" OR brand = "x` stays one value.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** A number as a filter value; anything else than a finite number is refused rather than written into the filter. */
export function numberFilterValue(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${String(value)}`);
  return String(value);
}

const inList = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quoteFilterValue).join(", ")}]`;

/**
 * The engine filters as Meilisearch conditions, one string per condition (Meilisearch ANDs the array). Attribute names
 * are fixed here; only values come from the query, quoted. Facets count over a wider base (as the Postgres engine):
 * without the brand, vendor and attribute choices, so a shopper who picked one brand still sees the others.
 */
export function filterConditions(filters: EngineFilters, options: { facetBase: boolean }): string[] {
  const conditions: string[] = [];
  if (filters.categoryId) conditions.push(`categoryIds = ${quoteFilterValue(filters.categoryId)}`);
  if (filters.priceMin !== undefined) conditions.push(`minPriceAmount >= ${numberFilterValue(filters.priceMin)}`);
  if (filters.priceMax !== undefined) conditions.push(`minPriceAmount <= ${numberFilterValue(filters.priceMax)}`);
  if (filters.inStock) conditions.push("inStock = true");
  if (filters.ratingMin !== undefined) conditions.push(`rating >= ${numberFilterValue(filters.ratingMin)}`);
  if (!options.facetBase) {
    if (filters.brands?.length) conditions.push(inList("brand", filters.brands));
    if (filters.vendorIds?.length) conditions.push(inList("vendorId", filters.vendorIds));
    for (const [key, values] of Object.entries(filters.attributes ?? {}))
      if (values.length)
        conditions.push(
          inList(
            "attributeValues",
            values.map((value) => `${key}=${value}`),
          ),
        );
  }
  return conditions;
}

/** Whether the facet base differs from the query's filters (then facets need a search of their own). */
export function hasFacetNarrowing(filters: EngineFilters): boolean {
  return Boolean(filters.brands?.length || filters.vendorIds?.length || Object.values(filters.attributes ?? {}).some((v) => v.length));
}
