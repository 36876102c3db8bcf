/** A page's search parameters as Next.js passes them: any key may repeat. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Attribute filters travel as `attr.<key>=<value>`, repeated for each accepted value:
 * `?attr.origin=cn&attr.origin=kr&attr.ram=8GB` (a GET form with checkboxes named
 * `attr.origin` writes exactly that).
 */
export const ATTRIBUTE_PARAM = "attr.";
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,29}$/;
// The API's filter limits (catalog.listProducts and search.query): more would be a 400, so URLs are cut to them.
export const MAX_ATTRIBUTES = 10;
export const MAX_ATTRIBUTE_VALUES = 20;
export const MAX_BRANDS = 20;
const MAX_BRAND_LENGTH = 80;

export const allValues = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
export const firstValue = (value: string | string[] | undefined): string | undefined => allValues(value)[0];

/** A whole number of so'm as typed in a price field, or undefined when it is not one. */
export function wholeSom(value: string | string[] | undefined): number | undefined {
  const text = firstValue(value)?.trim();
  return text && /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

/** A price range in whole so'm, the ends swapped when given the wrong way round. */
export function somRange(minValue: string | string[] | undefined, maxValue: string | string[] | undefined): { min?: number; max?: number } {
  const min = wholeSom(minValue);
  const max = wholeSom(maxValue);
  return min !== undefined && max !== undefined && min > max ? { min: max, max: min } : { min, max };
}

/** Brand names from the URL: trimmed, distinct, within the API's limits. */
export const brandsFrom = (value: string | string[] | undefined): string[] =>
  [...new Set(allValues(value).map((b) => b.trim()))].filter((b) => b.length > 0 && b.length <= MAX_BRAND_LENGTH).slice(0, MAX_BRANDS);

/** Attribute filters without one value, and without the key once it has no value left. */
export function withoutAttributeValue(attributes: Record<string, string[]>, key: string, value: string): Record<string, string[]> {
  const rest = (attributes[key] ?? []).filter((v) => v !== value);
  const without = { ...attributes, [key]: rest };
  if (rest.length === 0) delete without[key];
  return without;
}
