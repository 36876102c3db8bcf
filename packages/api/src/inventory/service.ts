import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import { schema } from "@ultramarket/db";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import { InvalidState, NotFound } from "../core/errors";
import type { adjustStockInput, movementsInput } from "./schema";

const { stockLevels, stockMovements, productVariants, warehouses } = schema;
type VendorContext = Context & { session: UserSession; vendorId: string };

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
  await assertOwnership(ctx, input.variantId, input.warehouseId);
  return withTransaction(ctx, async (tx) => {
    await tx.db.insert(stockLevels).values({ variantId: input.variantId, warehouseId: input.warehouseId }).onConflictDoNothing();
    const where = and(eq(stockLevels.variantId, input.variantId), eq(stockLevels.warehouseId, input.warehouseId));
    let delta = input.delta ?? 0;
    if (input.setOnHand !== undefined) {
      const [current] = await tx.db.select({ onHand: stockLevels.onHand }).from(stockLevels).where(where).for("update");
      delta = input.setOnHand - (current?.onHand ?? 0);
      if (delta === 0) return { onHandDelta: 0, level: (await tx.db.select().from(stockLevels).where(where))[0]! };
    }
    const [level] = await tx.db
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} + ${delta}` })
      .where(and(where, sql`${stockLevels.onHand} + ${delta} >= ${stockLevels.reserved}`))
      .returning();
    if (!level) throw new InvalidState("On-hand stock cannot fall below what is reserved for orders");
    await tx.db.insert(stockMovements).values({
      variantId: input.variantId,
      warehouseId: input.warehouseId,
      kind: input.kind,
      onHandDelta: delta,
      reason: input.reason,
      actorId: ctx.session.userId,
    });
    return { onHandDelta: delta, level };
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
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
