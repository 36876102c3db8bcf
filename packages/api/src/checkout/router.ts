import { authedProcedure, createTRPCRouter } from "../core/trpc";
import { placeOrderInput, startCheckoutInput } from "./schema";
import * as checkout from "./service";

/** Checkout for a signed-in shopper (guests sign in first; their cart comes with them). */
export const checkoutRouter = createTRPCRouter({
  /** Changes nothing, so a query: the priced summary with any problems as data. */
  start: authedProcedure.input(startCheckoutInput).query(({ ctx, input }) => checkout.startCheckout(ctx, input)),
  placeOrder: authedProcedure.input(placeOrderInput).mutation(({ ctx, input }) => checkout.placeOrder(ctx, input)),
});
