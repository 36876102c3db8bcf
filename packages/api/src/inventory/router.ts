import { createTRPCRouter, vendorProcedure } from "../core/trpc";
import { adjustStockInput, lowStockThresholdInput, movementsInput, reservationsInput, stockLevelsInput } from "./schema";
import * as inventory from "./service";

/** A vendor's stock: levels per warehouse, the movement ledger, and adjustments with a reason. */
export const inventoryRouter = createTRPCRouter({
  levels: vendorProcedure.input(stockLevelsInput).query(({ ctx, input }) => inventory.productStock(ctx, input)),
  movements: vendorProcedure.input(movementsInput).query(({ ctx, input }) => inventory.stockMovementsOf(ctx, input)),
  adjust: vendorProcedure.input(adjustStockInput).mutation(({ ctx, input }) => inventory.adjustStock(ctx, input)),
  reservations: vendorProcedure.input(reservationsInput).query(({ ctx, input }) => inventory.reservationsOf(ctx, input)),
  setLowStockThreshold: vendorProcedure
    .input(lowStockThresholdInput)
    .mutation(({ ctx, input }) => inventory.setLowStockThreshold(ctx, input)),
});
