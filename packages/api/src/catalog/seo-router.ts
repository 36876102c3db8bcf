import { z } from "zod";

import { localeSchema } from "../core/locale";
import { createTRPCRouter, publicProcedure } from "../core/trpc";
import * as seo from "./seo";

const slug = z.string().min(1).max(200);

/** Public, read-only data for storefront SEO (sitemaps) and vendor pages. Only published products. */
export const catalogSeoRouter = createTRPCRouter({
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
