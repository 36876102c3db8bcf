import { z } from "zod";

import { createTRPCRouter, staffProcedure } from "../core/trpc";
import * as admin from "./admin";
import { adminProductsInput, createCategoryInput, moveCategoryInput, reviewQueueInput, updateCategoryInput } from "./admin-schema";
import { listProductsFor } from "./authoring";

/** Moderation and the category tree, for staff with the catalog permission. */
export const adminCatalogRouter = createTRPCRouter({
  /** Every vendor's products, filterable by vendor, status, category and stock. */
  products: staffProcedure("catalog:moderate")
    .input(adminProductsInput)
    .query(({ ctx, input }) => listProductsFor(ctx, input)),
  vendors: staffProcedure("catalog:moderate").query(({ ctx }) => admin.vendorsWithProducts(ctx)),
  categories: staffProcedure("catalog:moderate").query(({ ctx }) => admin.allCategories(ctx)),
  reviewQueue: staffProcedure("catalog:moderate")
    .input(reviewQueueInput)
    .query(({ ctx, input }) => admin.reviewQueue(ctx, input)),
  moderate: staffProcedure("catalog:moderate")
    .input(
      z.strictObject({
        productId: z.uuid(),
        decision: z.enum(["approve", "reject", "unpublish"]),
        reason: z.string().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => admin.moderate(ctx, input)),
  createCategory: staffProcedure("catalog:moderate")
    .input(createCategoryInput)
    .mutation(({ ctx, input }) => admin.createCategory(ctx, input)),
  updateCategory: staffProcedure("catalog:moderate")
    .input(updateCategoryInput)
    .mutation(({ ctx, input }) => admin.updateCategory(ctx, input)),
  moveCategory: staffProcedure("catalog:moderate")
    .input(moveCategoryInput)
    .mutation(({ ctx, input }) => admin.moveCategory(ctx, input)),
  reorderCategories: staffProcedure("catalog:moderate")
    .input(z.strictObject({ parentId: z.uuid().nullable(), orderedIds: z.array(z.uuid()).max(500) }))
    .mutation(({ ctx, input }) => admin.reorderCategories(ctx, input)),
  archiveCategory: staffProcedure("catalog:moderate")
    .input(z.strictObject({ categoryId: z.uuid() }))
    .mutation(({ ctx, input }) => admin.archiveCategory(ctx, input)),
});
