import type { AttributeDefinition, LocalizedText } from "@ultramarket/db";
import { LOCALES } from "@ultramarket/db";
import { checkAttributes } from "../attributes";
import { productFields, variantInput } from "../authoring-schema";
import { sanitizeDescriptions } from "../rich-text";

/**
 * The catalog CSV: one row per variant. Product columns repeat on each row of a product
 * (rows are grouped by `product_ref`, the vendor's own reference), so any row can be read
 * alone and an export can be edited in a spreadsheet and imported back unchanged.
 */
export const PRODUCT_COLUMNS = [
  "product_ref",
  "category",
  "title_uz",
  "title_ru",
  "title_en",
  "description_uz",
  "description_ru",
  "description_en",
  "brand",
  "tags",
  "ikpu_code",
] as const;
export const OPTION_COLUMNS = ["option1_name", "option1_value", "option2_name", "option2_value", "option3_name", "option3_value"] as const;
export const VARIANT_COLUMNS = ["sku", "barcode", "price", "compare_at_price", "weight_grams", "warehouse", "stock"] as const;
export const BASE_COLUMNS = [...PRODUCT_COLUMNS, ...OPTION_COLUMNS, ...VARIANT_COLUMNS] as const;
/** Attribute columns are `attr:<key>`, one per attribute the categories define. */
export const ATTRIBUTE_PREFIX = "attr:";
const REQUIRED_COLUMNS = ["product_ref", "category", "title_uz", "description_uz", "sku", "price"] as const;

export type CsvRecord = Record<string, string>;

export interface ProductFields {
  ref: string;
  categorySlug: string;
  title: LocalizedText;
  description: LocalizedText;
  brand: string | null;
  tags: string[];
  ikpuCode: string | null;
  attributes: Record<string, string | number | boolean>;
  optionKeys: string[];
}

export interface VariantFields {
  sku: string;
  barcode: string | null;
  options: Record<string, string>;
  priceAmount: number;
  compareAtAmount: number | null;
  weightGrams: number | null;
  /** Absent when the stock column is empty: the import leaves stock alone. */
  stock: { warehouse: string | null; onHand: number } | null;
}

export interface ParsedRow {
  line: number;
  product: ProductFields;
  variant: VariantFields;
}

export interface RowError {
  line: number;
  sku: string | null;
  field: string | null;
  message: string;
}

/** Exports prefix cells a spreadsheet would run as a formula with an apostrophe (csv-stringify's escape_formulas). */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;
export const unescapeFormula = (value: string) => value.replace(ESCAPED_FORMULA, "");

/** Column problems that stop the whole file (nothing can be read without them). */
export function checkHeader(header: string[]): string | null {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return `The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}`;
  const unknown = header.filter((c) => !(BASE_COLUMNS as readonly string[]).includes(c) && !c.startsWith(ATTRIBUTE_PREFIX));
  if (unknown.length) return `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.slice(0, 5).join(", ")}`;
  const duplicate = header.find((c, i) => header.indexOf(c) !== i);
  if (duplicate) return `The column ${duplicate} appears twice`;
  return null;
}

/**
 * Money in the file is in so'm, as people write it ("129990", "129 990,50"); stored in
 * tiyin. Parsed from the digits, never through a float, so 0.29 so'm is 29 tiyin exactly.
 */
export function parseMoney(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0']/g, "").replace(",", ".");
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

export function formatMoney(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, "0")}`;
}

function attributeValue(definition: AttributeDefinition | undefined, raw: string): string | number | boolean | null {
  if (!definition || definition.type === "text" || definition.type === "enum") return raw;
  if (definition.type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : null;
  const lowered = raw.toLowerCase();
  if (["true", "yes", "1", "ha", "да"].includes(lowered)) return true;
  if (["false", "no", "0", "yoʻq", "yo'q", "нет"].includes(lowered)) return false;
  return null;
}

/**
 * Reads one CSV record into product and variant fields with the same rules as the product
 * editor (authoring-schema), or lists what is wrong with it. `category` resolves a slug to
 * the live category's attribute definitions (null: no such live category).
 */
export function parseRow(
  record: CsvRecord,
  line: number,
  category: (slug: string) => { attributes: AttributeDefinition[] } | null,
): { row: ParsedRow } | { errors: RowError[] } {
  const get = (column: string) => unescapeFormula((record[column] ?? "").trim());
  const sku = get("sku") || null;
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ line, sku, field, message });

  const ref = get("product_ref");
  if (!/^[\p{L}\p{N}._\-/]{1,100}$/u.test(ref)) fail("product_ref", "Give the product a reference (letters, digits, . _ - /; at most 100)");
  const categorySlug = get("category");
  const resolved = categorySlug ? category(categorySlug) : null;
  if (!resolved) fail("category", categorySlug ? `No live category "${categorySlug}"` : "Give the category (its slug)");

  const localized = (prefix: string, field: string): LocalizedText => {
    const value = Object.fromEntries(LOCALES.map((l) => [l, get(`${prefix}_${l}`)])) as LocalizedText;
    const parsed = (field === "title" ? productFields.title : productFields.description).safeParse(value);
    if (!parsed.success)
      fail(`${prefix}_${String(parsed.error.issues[0]?.path[0] ?? "uz")}`, parsed.error.issues[0]?.message ?? `Check the ${field}`);
    return value;
  };
  const title = localized("title", "title");
  // Stored sanitised; compared sanitised, so re-importing the same text is "unchanged".
  const description = sanitizeDescriptions(localized("description", "description"));
  const brand = get("brand") || null;
  if (brand && brand.length > 80) fail("brand", "At most 80 characters");
  const tags = get("tags")
    .split("|")
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > 20 || tags.some((t) => t.length > 40)) fail("tags", "At most 20 tags of 40 characters, separated by |");
  const ikpuCode = get("ikpu_code") || null;
  if (ikpuCode && !/^\d{17}$/.test(ikpuCode)) fail("ikpu_code", "The IKPU/MXIK code has 17 digits");

  const optionKeys: string[] = [];
  const options: Record<string, string> = {};
  for (const n of [1, 2, 3]) {
    const key = get(`option${n}_name`);
    const value = get(`option${n}_value`);
    if (!key && !value) continue;
    if (!/^[a-z][a-z0-9_]{0,29}$/.test(key)) fail(`option${n}_name`, "Option names use lowercase letters, digits and _ (e.g. color)");
    else if (!value || value.length > 40) fail(`option${n}_value`, "Give the option's value (at most 40 characters)");
    else if (optionKeys.includes(key)) fail(`option${n}_name`, `The option ${key} is given twice`);
    else {
      optionKeys.push(key);
      options[key] = value;
    }
  }

  const attributes: Record<string, string | number | boolean> = {};
  const definitions = new Map((resolved?.attributes ?? []).map((d) => [d.key, d]));
  for (const [column, raw] of Object.entries(record)) {
    if (!column.startsWith(ATTRIBUTE_PREFIX) || raw.trim() === "") continue;
    const key = column.slice(ATTRIBUTE_PREFIX.length);
    const value = attributeValue(definitions.get(key), unescapeFormula(raw.trim()));
    if (value === null) fail(column, `Expected a ${definitions.get(key)?.type ?? "value"}`);
    else attributes[key] = value;
  }
  if (resolved) {
    for (const [field, messages] of Object.entries(checkAttributes(resolved.attributes, attributes))) {
      fail(field.replace(/^attributes\./, ATTRIBUTE_PREFIX), messages[0] ?? "Check this attribute");
    }
  }

  if (!sku || !variantInput.shape.sku.safeParse(sku).success) fail("sku", "SKUs use letters, digits, . _ - (at most 64)");
  const barcode = get("barcode") || null;
  if (barcode && !/^\d{8,14}$/.test(barcode)) fail("barcode", "Barcodes (EAN/UPC/GTIN) have 8-14 digits");
  const priceAmount = parseMoney(get("price"));
  if (priceAmount === null) fail("price", "Give the price in so'm, e.g. 129990 or 129990.50");
  const compareRaw = get("compare_at_price");
  const compareAtAmount = compareRaw ? parseMoney(compareRaw) : null;
  if (compareRaw && compareAtAmount === null) fail("compare_at_price", "Give the old price in so'm, or leave it empty");
  else if (compareAtAmount !== null && priceAmount !== null && compareAtAmount <= priceAmount)
    fail("compare_at_price", "The old price must be higher than the price");
  const weightRaw = get("weight_grams");
  const weightGrams = weightRaw ? Number(weightRaw) : null;
  if (weightRaw && !(Number.isInteger(weightGrams) && weightGrams! >= 0 && weightGrams! <= 1_000_000))
    fail("weight_grams", "Weight is whole grams (0-1,000,000)");
  const stockRaw = get("stock");
  const warehouse = get("warehouse") || null;
  let stock: VariantFields["stock"] = null;
  if (stockRaw) {
    const onHand = Number(stockRaw);
    if (!/^\d{1,8}$/.test(stockRaw)) fail("stock", "Stock is a whole number of units (0 or more)");
    else stock = { warehouse, onHand };
  }

  if (errors.length) return { errors };
  return {
    row: {
      line,
      product: { ref, categorySlug, title, description, brand, tags, ikpuCode, attributes, optionKeys },
      variant: { sku: sku!, barcode, options, priceAmount: priceAmount!, compareAtAmount, weightGrams, stock },
    },
  };
}

/** Product fields as one comparable string: rows of one product must agree on them. */
export function productFingerprint(product: ProductFields): string {
  return JSON.stringify([
    product.categorySlug,
    product.title,
    product.description,
    product.brand,
    product.tags,
    product.ikpuCode,
    Object.entries(product.attributes).sort(([a], [b]) => a.localeCompare(b)),
    product.optionKeys,
  ]);
}
