import { z } from "zod";

import { localeSchema } from "../core/locale";

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "rating"] as const;
export const searchSortSchema = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof searchSortSchema>;

/** Deep pages are not offered (as Meilisearch's maxTotalHits): past this, a shopper narrows the query. */
export const MAX_RESULT_WINDOW = 1000;

const slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens");

/** Filters by what shoppers see: category and vendor slugs (any language), brand names, prices in tiyin. */
export const searchFiltersSchema = z
  .strictObject({
    category: slug.optional(),
    brands: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
    vendors: z.array(slug).max(20).optional(),
    priceMin: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    priceMax: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    inStock: z.boolean().optional(),
    ratingMin: z.number().min(1).max(5).optional(),
    /** The category's attributes: key → accepted values (any of them matches). */
    attributes: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, "Unknown attribute"), z.array(z.string().min(1).max(200)).min(1).max(20))
      .refine((a) => Object.keys(a).length <= 10, "At most 10 attribute filters")
      .optional(),
  })
  .refine((f) => f.priceMin === undefined || f.priceMax === undefined || f.priceMin <= f.priceMax, {
    path: ["priceMax"],
    message: "The highest price must not be below the lowest",
  });
export type SearchFiltersInput = z.infer<typeof searchFiltersSchema>;

export const searchQueryInput = z.strictObject({
  /** What was typed; empty lists everything the filters allow. */
  text: z.string().max(200, "Search for at most 200 characters").default(""),
  filters: searchFiltersSchema.optional(),
  sort: searchSortSchema.default("relevance"),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(48).default(24),
  locale: localeSchema.optional(),
  /** Facet counts cost a second pass; "load more" pages skip them. */
  facets: z.boolean().default(true),
  /** Added by @trpc/tanstack-react-query's infinite queries; results only page forward. */
  direction: z.enum(["forward", "backward"]).optional(),
});
export type SearchQueryInput = z.infer<typeof searchQueryInput>;

export const searchSuggestInput = z.strictObject({
  text: z.string().max(100, "Search for at most 100 characters"),
  locale: localeSchema.optional(),
  limit: z.number().int().min(1).max(10).default(6),
});
export type SearchSuggestInput = z.infer<typeof searchSuggestInput>;

export const searchClickInput = z.strictObject({
  queryId: z.uuid(),
  productId: z.uuid(),
  /** 1-based position of the result on the whole list (page offset included). */
  position: z.number().int().min(1).max(MAX_RESULT_WINDOW),
});
