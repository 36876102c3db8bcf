import { z } from "zod";

import { localizedRequired } from "./authoring-schema";

const attributeDefinition = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
  name: localizedRequired(60),
  type: z.enum(["text", "number", "enum", "boolean"]),
  unit: z.string().max(10).optional(),
  options: z
    .array(z.strictObject({ value: z.string().min(1).max(40), name: localizedRequired(60) }))
    .max(100)
    .optional(),
  required: z.boolean().default(false),
});

export const categorySlug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens");

/** The Russian and English URL slugs; left out, they are made from the names. */
const localizedSlugs = z.strictObject({ ru: categorySlug.optional(), en: categorySlug.optional() });
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).default("");
const localizedDescription = z.strictObject({ uz: optionalText(2000), ru: optionalText(2000), en: optionalText(2000) });

export const createCategoryInput = z.strictObject({
  parentId: z.uuid().optional(),
  /** The Uzbek slug, the category's stable key. */
  slug: categorySlug,
  slugs: localizedSlugs.default({}),
  name: localizedRequired(80),
  description: localizedDescription.optional(),
  attributes: z.array(attributeDefinition).max(30).default([]),
});

export const updateCategoryInput = z.strictObject({
  categoryId: z.uuid(),
  name: localizedRequired(80).optional(),
  slugs: localizedSlugs.optional(),
  description: localizedDescription.optional(),
  attributes: z.array(attributeDefinition).max(30).optional(),
  icon: z.string().max(200).nullable().optional(),
});

export const moveCategoryInput = z.strictObject({
  categoryId: z.uuid(),
  parentId: z.uuid().nullable(),
  position: z.number().int().min(0).optional(),
});

export const reviewQueueInput = z.strictObject({
  status: z.enum(["pending_review", "published", "rejected", "draft", "archived"]).default("pending_review"),
  vendorId: z.uuid().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const adminProductsInput = z.strictObject({
  vendorId: z.uuid().optional(),
  status: z.enum(["draft", "pending_review", "published", "rejected", "archived"]).optional(),
  categoryId: z.uuid().optional(),
  stock: z.enum(["in_stock", "out_of_stock"]).optional(),
  search: z.string().trim().max(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
