import { createTRPCRouter, vendorProcedure } from "../core/trpc";
import { createShippingMethodInput, listShippingMethodsInput, shippingMethodIdInput, updateShippingMethodInput } from "./schema";
import * as shipping from "./service";

/** A vendor's delivery methods (courier by region, flat or by weight; pickup points; free from an amount). */
export const vendorShippingRouter = createTRPCRouter({
  list: vendorProcedure.input(listShippingMethodsInput).query(({ ctx }) => shipping.listShippingMethods(ctx)),
  create: vendorProcedure.input(createShippingMethodInput).mutation(({ ctx, input }) => shipping.createShippingMethod(ctx, input)),
  update: vendorProcedure.input(updateShippingMethodInput).mutation(({ ctx, input }) => shipping.updateShippingMethod(ctx, input)),
  delete: vendorProcedure.input(shippingMethodIdInput).mutation(({ ctx, input }) => shipping.deleteShippingMethod(ctx, input)),
});
