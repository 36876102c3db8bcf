import { z } from "zod";

import { localeSchema } from "../core/locale";
import { createTRPCRouter, publicProcedure } from "../core/trpc";
import { categoryTreeInput, listProductsInput, productBySlugInput } from "./schema";
import * as seo from "./seo";
import * as catalog from "./service";
import { recordView } from "./views";

const slug = z.string().min(1).max(200);

export const catalogRouter = createTRPCRouter({
  categoryTree: publicProcedure.input(categoryTreeInput).query(({ ctx, input }) => catalog.categoryTree(ctx, input ?? {})),
  categoryBySlug: publicProcedure
    .input(z.strictObject({ slug: z.string().min(1).max(200), locale: localeSchema.optional() }))
    .query(({ ctx, input }) => catalog.categoryBySlug(ctx, input)),
  listProducts: publicProcedure.input(listProductsInput).query(({ ctx, input }) => catalog.listProducts(ctx, input)),
  categoryFilters: publicProcedure
    .input(z.strictObject({ categorySlug: z.string().min(1).max(200), locale: localeSchema.optional() }))
    .query(({ ctx, input }) => catalog.categoryFilters(ctx, input)),
  /** Called by the product page in the browser (not during rendering), so crawlers and prefetches do not count. */
  recordView: publicProcedure.input(z.strictObject({ productId: z.uuid() })).mutation(({ ctx, input }) => recordView(ctx, input)),
  productBySlug: publicProcedure.input(productBySlugInput).query(({ ctx, input }) => catalog.productBySlug(ctx, input)),
  redirectForSlug: publicProcedure
    .input(productBySlugInput.pick({ slug: true }).strict())
    .query(({ ctx, input }) => catalog.redirectForSlug(ctx, input)),
  // Vendor pages and sitemaps (published products only).
  vendorBySlug: publicProcedure
    .input(z.strictObject({ slug, locale: localeSchema.optional() }))
    .query(({ ctx, input }) => seo.vendorBySlug(ctx, input)),
  vendorProducts: publicProcedure
    .input(
      z.strictObject({
        vendorSlug: slug,
        cursor: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        locale: localeSchema.optional(),
      }),
    )
    .query(({ ctx, input }) => seo.vendorProducts(ctx, input)),
  sitemapProductPageCount: publicProcedure.query(({ ctx }) => seo.sitemapProductPageCount(ctx)),
  sitemapProducts: publicProcedure
    .input(z.strictObject({ page: z.number().int().min(1).max(100_000) }))
    .query(({ ctx, input }) => seo.sitemapProducts(ctx, input)),
  sitemapCategories: publicProcedure.query(({ ctx }) => seo.sitemapCategories(ctx)),
});
