import { authedProcedure, createTRPCRouter, staffProcedure, vendorProcedure } from "../core/trpc";
import {
  adminListOrdersInput,
  adminTransitionInput,
  cancelOrderInput,
  listOrdersInput,
  orderIdInput,
  requestReturnInput,
  vendorListOrdersInput,
  vendorOrderIdInput,
  vendorTransitionInput,
} from "./schema";
import * as orders from "./service";

/** A shopper's own orders. */
export const ordersRouter = createTRPCRouter({
  list: authedProcedure.input(listOrdersInput).query(({ ctx, input }) => orders.listMyOrders(ctx, input)),
  get: authedProcedure.input(orderIdInput).query(({ ctx, input }) => orders.getMyOrder(ctx, input)),
  cancel: authedProcedure.input(cancelOrderInput).mutation(({ ctx, input }) => orders.cancelMyOrder(ctx, input)),
  requestReturn: authedProcedure.input(requestReturnInput).mutation(({ ctx, input }) => orders.requestReturn(ctx, input)),
});

/** A vendor's order queue: its own vendor orders only. */
export const vendorOrdersRouter = createTRPCRouter({
  list: vendorProcedure.input(vendorListOrdersInput).query(({ ctx, input }) => orders.listVendorOrders(ctx, input)),
  get: vendorProcedure.input(vendorOrderIdInput).query(({ ctx, input }) => orders.getVendorOrder(ctx, input)),
  transition: vendorProcedure.input(vendorTransitionInput).mutation(({ ctx, input }) => orders.vendorTransition(ctx, input)),
});

/** Every order, for staff. */
export const adminOrdersRouter = createTRPCRouter({
  list: staffProcedure("orders:manage")
    .input(adminListOrdersInput)
    .query(({ ctx, input }) => orders.adminListOrders(ctx, input)),
  get: staffProcedure("orders:manage")
    .input(orderIdInput)
    .query(({ ctx, input }) => orders.adminGetOrder(ctx, input)),
  transition: staffProcedure("orders:manage")
    .input(adminTransitionInput)
    .mutation(({ ctx, input }) => orders.adminTransition(ctx, input)),
});
