import { z } from "zod";

import { createTRPCRouter, vendorProcedure } from "../core/trpc";
import {
  arrangeImagesInput,
  createProductInput,
  listVendorProductsInput,
  productRef,
  setSlugInput,
  updateProductInput,
  updateVariantInput,
  warehouseInput,
} from "./authoring-schema";
import * as authoring from "./authoring";
import * as bulk from "./bulk";
import { bulkUpdateVariantsInput, importRef, importsInput, listVariantsInput } from "./bulk-schema";
import * as imports from "./import/import";
import { arrangeImages, deleteImage, listProductImages } from "./media";

/** A vendor's own catalog. Every procedure is vendor-scoped: other vendors' rows are NOT_FOUND. */
export const vendorCatalogRouter = createTRPCRouter({
  listProducts: vendorProcedure.input(listVendorProductsInput).query(({ ctx, input }) => authoring.listVendorProducts(ctx, input)),
  getProduct: vendorProcedure.input(productRef).query(({ ctx, input }) => authoring.getVendorProduct(ctx, input)),
  createProduct: vendorProcedure.input(createProductInput).mutation(({ ctx, input }) => authoring.createProduct(ctx, input)),
  updateProduct: vendorProcedure.input(updateProductInput).mutation(({ ctx, input }) => authoring.updateProduct(ctx, input)),
  updateVariant: vendorProcedure.input(updateVariantInput).mutation(({ ctx, input }) => authoring.updateVariant(ctx, input)),
  setSlug: vendorProcedure.input(setSlugInput).mutation(({ ctx, input }) => authoring.setSlug(ctx, input)),
  submitForReview: vendorProcedure.input(productRef).mutation(({ ctx, input }) => authoring.submitForReview(ctx, input)),
  withdrawFromReview: vendorProcedure.input(productRef).mutation(({ ctx, input }) => authoring.withdrawFromReview(ctx, input)),
  archiveProduct: vendorProcedure.input(productRef).mutation(({ ctx, input }) => authoring.archiveProduct(ctx, input)),
  categoryAttributes: vendorProcedure
    .input(z.strictObject({ vendorId: z.uuid(), categoryId: z.uuid() }))
    .query(({ ctx, input }) => authoring.categoryAttributes(ctx, input)),
  variants: vendorProcedure.input(listVariantsInput).query(({ ctx, input }) => bulk.listVariants(ctx, input)),
  bulkUpdateVariants: vendorProcedure.input(bulkUpdateVariantsInput).mutation(({ ctx, input }) => bulk.bulkUpdateVariants(ctx, input)),
  // CSV files arrive through the upload route (/api/uploads/catalog-import); these show their progress.
  imports: vendorProcedure.input(importsInput).query(({ ctx, input }) => imports.listImports(ctx, input)),
  importStatus: vendorProcedure.input(importRef).query(({ ctx, input }) => imports.getImport(ctx, input)),
  images: vendorProcedure.input(productRef).query(({ ctx, input }) => listProductImages(ctx, input)),
  arrangeImages: vendorProcedure.input(arrangeImagesInput).mutation(({ ctx, input }) => arrangeImages(ctx, input)),
  deleteImage: vendorProcedure
    .input(z.strictObject({ vendorId: z.uuid(), imageId: z.uuid() }))
    .mutation(({ ctx, input }) => deleteImage(ctx, input)),
  warehouses: vendorProcedure.input(z.strictObject({ vendorId: z.uuid() })).query(({ ctx }) => authoring.listWarehouses(ctx)),
  createWarehouse: vendorProcedure.input(warehouseInput).mutation(({ ctx, input }) => authoring.createWarehouse(ctx, input)),
  updateWarehouse: vendorProcedure
    .input(warehouseInput.extend({ warehouseId: z.uuid() }).strict())
    .mutation(({ ctx, input }) => authoring.updateWarehouse(ctx, input)),
});
