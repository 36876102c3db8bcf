import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import { schema } from "@ultramarket/db";
import { pageByLastId } from "../core/cursor";
import type { VendorContext } from "../core/context";
import { withTransaction } from "../core/context";
import { NotFound } from "../core/errors";
import { catalogChanged } from "../catalog/cache";
import { moveStock } from "./ledger";
import type { adjustStockInput, lowStockThresholdInput, movementsInput, reservationsInput } from "./schema";

const { stockLevels, stockMovements, stockReservations, productVariants, vendorOrders, warehouses } = schema;

async function assertOwnership(ctx: VendorContext, variantId: string, warehouseId?: string) {
  const [variant] = await ctx.db
    .select({ id: productVariants.id, productId: productVariants.productId })
    .from(productVariants)
    .where(and(eq(productVariants.id, variantId), eq(productVariants.vendorId, ctx.vendorId)));
  if (!variant) throw new NotFound("Variant not found");
  if (warehouseId) {
    const [warehouse] = await ctx.db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(and(eq(warehouses.id, warehouseId), eq(warehouses.vendorId, ctx.vendorId)));
    if (!warehouse) throw new NotFound("Warehouse not found");
  }
  return variant;
}

/**
 * Changes on-hand stock of one variant in one warehouse and records the movement, in one
 * transaction. The counter moves by a conditional UPDATE that never lets on-hand fall
 * below what is reserved, so concurrent adjustments and checkouts cannot oversell.
 */
export async function adjustStock(ctx: VendorContext, input: z.infer<typeof adjustStockInput>) {
  const variant = await assertOwnership(ctx, input.variantId, input.warehouseId);
  return withTransaction(ctx, async (tx) => {
    const moved = await moveStock(tx.db, {
      variantId: input.variantId,
      warehouseId: input.warehouseId,
      delta: input.delta,
      setOnHand: input.setOnHand,
      kind: input.kind,
      reason: input.reason,
      actorId: ctx.session.userId,
    });
    // Search shows whether a product is in stock (and can filter by it).
    await catalogChanged(tx, { productIds: [variant.productId] });
    return moved;
  });
}

/** Stock of every variant of a product in every warehouse of its vendor. */
export async function productStock(ctx: VendorContext, input: { productId: string }) {
  return ctx.db
    .select({
      variantId: productVariants.id,
      sku: productVariants.sku,
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      available: sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`,
    })
    .from(productVariants)
    .innerJoin(stockLevels, eq(stockLevels.variantId, productVariants.id))
    .where(and(eq(productVariants.productId, input.productId), eq(productVariants.vendorId, ctx.vendorId)))
    .orderBy(asc(productVariants.position));
}

export async function stockMovementsOf(ctx: VendorContext, input: z.infer<typeof movementsInput>) {
  await assertOwnership(ctx, input.variantId);
  const rows = await ctx.db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.variantId, input.variantId), input.cursor ? lt(stockMovements.id, input.cursor) : undefined))
    .orderBy(desc(stockMovements.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

/** Reservations of one of the vendor's variants (newest first), with the vendor order each holds stock for. */
export async function reservationsOf(ctx: VendorContext, input: z.infer<typeof reservationsInput>) {
  await assertOwnership(ctx, input.variantId);
  const rows = await ctx.db
    .select({
      id: stockReservations.id,
      vendorOrderId: stockReservations.vendorOrderId,
      vendorOrderNumber: vendorOrders.number,
      warehouseId: stockReservations.warehouseId,
      quantity: stockReservations.quantity,
      status: stockReservations.status,
      expiresAt: stockReservations.expiresAt,
      endedAt: stockReservations.endedAt,
      createdAt: stockReservations.createdAt,
    })
    .from(stockReservations)
    .innerJoin(vendorOrders, eq(vendorOrders.id, stockReservations.vendorOrderId))
    .where(
      and(
        eq(stockReservations.variantId, input.variantId),
        input.status ? eq(stockReservations.status, input.status) : undefined,
        input.cursor ? lt(stockReservations.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(stockReservations.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

/** Sets (or clears) the level below which a reservation alerts the vendor about a variant's stock. */
export async function setLowStockThreshold(ctx: VendorContext, input: z.infer<typeof lowStockThresholdInput>) {
  await assertOwnership(ctx, input.variantId);
  const [row] = await ctx.db
    .update(productVariants)
    .set({ lowStockThreshold: input.threshold })
    .where(and(eq(productVariants.id, input.variantId), eq(productVariants.vendorId, ctx.vendorId)))
    .returning({ variantId: productVariants.id, lowStockThreshold: productVariants.lowStockThreshold });
  return row!;
}
