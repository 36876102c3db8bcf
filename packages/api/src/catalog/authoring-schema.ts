import { z } from "zod";

import { localeSchema } from "../core/locale";
import { REGION_CODES } from "../geo/regions";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** Text in our three languages; Uzbek (the marketplace's source language) is required. */
export const localizedRequired = (max: number) =>
  z.strictObject({ uz: text(max).min(1, "Enter the Uzbek text"), ru: text(max).default(""), en: text(max).default("") });

const optionKey = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, "Use lowercase letters, digits and _ (e.g. color)");
const minorUnits = z.number().int("Prices are whole tiyin").min(0).max(10_000_000_000_000);

export const variantInput = z.strictObject({
  sku: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "SKUs use letters, digits, . _ - (at most 64)"),
  barcode: z
    .string()
    .regex(/^\d{8,14}$/, "Barcodes (EAN/UPC/GTIN) have 8-14 digits")
    .optional(),
  options: z.record(optionKey, text(40).min(1)).default({}),
  priceAmount: minorUnits,
  compareAtAmount: minorUnits.optional(),
  weightGrams: z.number().int().min(0).max(1_000_000).optional(),
  dimensions: z
    .strictObject({ length: z.number().int().min(1), width: z.number().int().min(1), height: z.number().int().min(1) })
    .optional(),
});

export const productFields = {
  categoryId: z.uuid(),
  title: localizedRequired(200),
  description: localizedRequired(10_000),
  brand: text(80).optional(),
  tags: z.array(text(40).min(1)).max(20).default([]),
  ikpuCode: z
    .string()
    .regex(/^\d{17}$/, "The IKPU/MXIK code has 17 digits")
    .optional(),
  attributes: z.record(optionKey, z.union([text(200), z.number(), z.boolean()])).default({}),
  options: z
    .array(z.strictObject({ key: optionKey, name: localizedRequired(40), values: z.array(text(40).min(1)).min(1).max(30) }))
    .max(3, "At most 3 options (e.g. colour, size, memory)")
    .default([]),
  seo: z
    .strictObject({
      title: z.partialRecord(localeSchema, text(70)).optional(),
      description: z.partialRecord(localeSchema, text(160)).optional(),
    })
    .default({}),
};

export const createProductInput = z.strictObject({
  vendorId: z.uuid(),
  ...productFields,
  variants: z.array(variantInput).min(1, "Add at least one variant").max(100),
});

export const updateProductInput = z.strictObject({
  vendorId: z.uuid(),
  productId: z.uuid(),
  categoryId: productFields.categoryId.optional(),
  title: productFields.title.optional(),
  description: productFields.description.optional(),
  brand: productFields.brand,
  tags: z.array(text(40).min(1)).max(20).optional(),
  ikpuCode: productFields.ikpuCode,
  attributes: z.record(optionKey, z.union([text(200), z.number(), z.boolean()])).optional(),
  seo: productFields.seo.optional(),
});

export const updateVariantInput = z.strictObject({
  vendorId: z.uuid(),
  variantId: z.uuid(),
  priceAmount: minorUnits.optional(),
  compareAtAmount: minorUnits.nullable().optional(),
  barcode: variantInput.shape.barcode,
  weightGrams: variantInput.shape.weightGrams,
});

export const listVendorProductsInput = z.strictObject({
  vendorId: z.uuid(),
  status: z.enum(["draft", "pending_review", "published", "rejected", "archived"]).optional(),
  categoryId: z.uuid().optional(),
  /** in_stock: some variant has stock available; out_of_stock: none has. */
  stock: z.enum(["in_stock", "out_of_stock"]).optional(),
  search: text(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const productRef = z.strictObject({ vendorId: z.uuid(), productId: z.uuid() });

export const setSlugInput = z.strictObject({
  vendorId: z.uuid(),
  productId: z.uuid(),
  locale: localeSchema,
  slug: z
    .string()
    .min(3)
    .max(120)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens"),
});

export const warehouseInput = z.strictObject({
  vendorId: z.uuid(),
  name: text(100).min(2, "Name the warehouse"),
  region: z.enum(REGION_CODES, { error: "Choose a region" }),
  address: text(300).min(5, "Enter the address"),
});

export const arrangeImagesInput = z.strictObject({
  vendorId: z.uuid(),
  productId: z.uuid(),
  /** Every picture of the product, in gallery order, with its alt text per language. */
  images: z
    .array(
      z.strictObject({
        id: z.uuid(),
        alt: z.strictObject({ uz: text(200).default(""), ru: text(200).default(""), en: text(200).default("") }),
      }),
    )
    .max(50),
});
