import { queryString } from "../../../../lib/format";

/**
 * The catalog CSV's columns as the API reads them (packages/api/src/catalog/import/csv-format.ts),
 * for the help text and the blank template. Attribute columns (`attr:<key>`) come on top.
 */
export const CSV_COLUMNS: { name: string; required?: boolean; help: string }[] = [
  { name: "product_ref", required: true, help: "Your own reference for the product; the rows of one product share it." },
  { name: "category", required: true, help: "The category's slug, e.g. smartfonlar (products are listed in leaf categories)." },
  { name: "title_uz", required: true, help: "Title in Uzbek; title_ru and title_en are optional." },
  { name: "title_ru", help: "Title in Russian." },
  { name: "title_en", help: "Title in English." },
  {
    name: "description_uz",
    required: true,
    help: "Description in Uzbek; description_ru and description_en are optional. Simple HTML is kept: p, br, strong, em, u, ul, ol, li, h3, h4, blockquote, a.",
  },
  { name: "description_ru", help: "Description in Russian." },
  { name: "description_en", help: "Description in English." },
  { name: "brand", help: "At most 80 characters." },
  { name: "tags", help: "Up to 20 tags separated by |, e.g. 5G|dual-sim." },
  { name: "ikpu_code", help: "The IKPU/MXIK code: 17 digits." },
  {
    name: "option1_name",
    help: "Up to three options per product: option1_name/option1_value … option3_name/option3_value. Names use lowercase letters, digits and _ (e.g. color).",
  },
  { name: "option1_value", help: "The variant's value for the option, e.g. black." },
  { name: "option2_name", help: "Second option (optional)." },
  { name: "option2_value", help: "The variant's value for option 2." },
  { name: "option3_name", help: "Third option (optional)." },
  { name: "option3_value", help: "The variant's value for option 3." },
  { name: "sku", required: true, help: "Unique per shop: letters, digits, . _ - (at most 64). Importing is matched by SKU." },
  { name: "barcode", help: "EAN/UPC/GTIN, 8-14 digits." },
  { name: "price", required: true, help: "In soʻm, e.g. 129990 or 129990.50." },
  { name: "compare_at_price", help: "Old price in soʻm, higher than the price; empty for none." },
  { name: "weight_grams", help: "Whole grams." },
  { name: "warehouse", help: "The warehouse's name as on the Warehouses page; empty = your first warehouse." },
  { name: "stock", help: "Units on hand in that warehouse; empty = leave the stock alone." },
];

/** A header-only CSV (with a byte-order mark, so spreadsheets read it as UTF-8) as a data: URL. */
export const BLANK_TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${CSV_COLUMNS.map((c) => c.name).join(",")}\r\n`)}`;

/** The catalog as CSV (GET; the stock columns show the warehouse's stock, the first one's by default). */
export function exportHref(vendorId: string, warehouseId?: string): string {
  return `/api/exports/catalog${queryString({ vendorId, warehouseId })}`;
}

/** An import's refused rows as CSV, by line number. */
export function errorReportHref(vendorId: string, importId: string): string {
  return `/api/imports/errors${queryString({ vendorId, importId })}`;
}
