import { z } from "zod";

import { localeSchema } from "../core/locale";
import { createTRPCRouter, publicProcedure } from "../core/trpc";
import { categoryTreeInput, listProductsInput, productBySlugInput } from "./schema";
import * as catalog from "./service";

export const catalogRouter = createTRPCRouter({
  categoryTree: publicProcedure.input(categoryTreeInput).query(({ ctx, input }) => catalog.categoryTree(ctx, input ?? {})),
  categoryBySlug: publicProcedure
    .input(z.strictObject({ slug: z.string().min(1).max(200), locale: localeSchema.optional() }))
    .query(({ ctx, input }) => catalog.categoryBySlug(ctx, input)),
  listProducts: publicProcedure.input(listProductsInput).query(({ ctx, input }) => catalog.listProducts(ctx, input)),
  productBySlug: publicProcedure.input(productBySlugInput).query(({ ctx, input }) => catalog.productBySlug(ctx, input)),
  redirectForSlug: publicProcedure
    .input(productBySlugInput.pick({ slug: true }).strict())
    .query(({ ctx, input }) => catalog.redirectForSlug(ctx, input)),
});
