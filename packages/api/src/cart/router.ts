import { createTRPCRouter, publicProcedure } from "../core/trpc";
import { addItemInput, removeItemInput, updateItemInput } from "./schema";
import * as cart from "./service";

/** The shopper's cart: a guest's (signed cookie, 30 days) or a signed-in user's (all devices, 90 days). */
export const cartRouter = createTRPCRouter({
  get: publicProcedure.query(({ ctx }) => cart.getCart(ctx)),
  addItem: publicProcedure.input(addItemInput).mutation(({ ctx, input }) => cart.addItem(ctx, input)),
  updateItem: publicProcedure.input(updateItemInput).mutation(({ ctx, input }) => cart.updateItem(ctx, input)),
  removeItem: publicProcedure.input(removeItemInput).mutation(({ ctx, input }) => cart.removeItem(ctx, input)),
  clear: publicProcedure.mutation(({ ctx }) => cart.clearCart(ctx)),
});
