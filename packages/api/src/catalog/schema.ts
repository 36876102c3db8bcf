import { z } from "zod";

import { localeSchema } from "../core/locale";

export const productSortSchema = z.enum(["newest", "popular", "price_asc", "price_desc"]);
export type ProductSort = z.infer<typeof productSortSchema>;

const slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens");

export const categoryTreeInput = z.strictObject({ locale: localeSchema.optional() }).optional();

export const listProductsInput = z.strictObject({
  categorySlug: slug.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(24),
  sort: productSortSchema.default("newest"),
  locale: localeSchema.optional(),
  featured: z.boolean().optional(),
  /** Filters a shopper sets on a category page; prices in tiyin, compared with the cheapest variant. */
  filters: z
    .strictObject({
      priceMin: z.number().int().min(0).optional(),
      priceMax: z.number().int().min(0).optional(),
      brands: z.array(z.string().min(1).max(80)).max(20).optional(),
      inStock: z.boolean().optional(),
      /** The category's enum attributes: key → accepted values (any of them matches). */
      attributes: z
        .record(z.string().regex(/^[a-z][a-z0-9_]{0,29}$/), z.array(z.string().min(1).max(200)).min(1).max(20))
        .refine((a) => Object.keys(a).length <= 10, "At most 10 attribute filters")
        .optional(),
    })
    .refine((f) => f.priceMin === undefined || f.priceMax === undefined || f.priceMin <= f.priceMax, {
      path: ["priceMax"],
      message: "The highest price must not be below the lowest",
    })
    .optional(),
  /** Added by @trpc/tanstack-react-query's infinite queries; lists only page forward. */
  direction: z.enum(["forward", "backward"]).optional(),
});
export type ListProductsInput = z.infer<typeof listProductsInput>;

export const productBySlugInput = z.strictObject({ slug, locale: localeSchema.optional() });
export type ProductBySlugInput = z.infer<typeof productBySlugInput>;
