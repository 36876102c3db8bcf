import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";

import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import type { VendorContext } from "../core/context";
import { withTransaction } from "../core/context";
import type { FieldErrors } from "../core/errors";
import { DomainError, NotFound, ValidationFailed } from "../core/errors";
import { containsPattern } from "../core/like";
import { localize } from "../core/locale";
import { moveStock } from "../inventory/ledger";
import type { bulkUpdateVariantsInput, listVariantsInput } from "./bulk-schema";
import { catalogChanged } from "./cache";

const { products, productVariants, stockLevels, warehouses } = schema;

/** The vendor's variants with their stock per warehouse: the bulk editor's table. */
export async function listVariants(ctx: VendorContext, input: z.infer<typeof listVariantsInput>) {
  const search = input.search ? containsPattern(input.search) : null;
  const rows = await ctx.db
    .select({
      id: productVariants.id,
      sku: productVariants.sku,
      options: productVariants.options,
      priceAmount: productVariants.priceAmount,
      compareAtAmount: productVariants.compareAtAmount,
      productId: products.id,
      productTitle: products.title,
      status: products.status,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        eq(productVariants.vendorId, ctx.vendorId),
        input.productIds?.length ? inArray(products.id, input.productIds) : undefined,
        search ? or(ilike(productVariants.sku, search), sql`${products.title}->>'uz' ilike ${search}`) : undefined,
        input.cursor ? sql`${productVariants.sku} > ${input.cursor}` : undefined,
      ),
    )
    .orderBy(asc(productVariants.sku))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const stock = page.length
    ? await ctx.db
        .select({
          variantId: stockLevels.variantId,
          warehouseId: stockLevels.warehouseId,
          onHand: stockLevels.onHand,
          reserved: stockLevels.reserved,
        })
        .from(stockLevels)
        .where(
          inArray(
            stockLevels.variantId,
            page.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: page.map((row) => ({
      ...row,
      productTitle: localize(row.productTitle, "uz"),
      stock: stock.filter((s) => s.variantId === row.id).map(({ variantId: _variantId, ...level }) => level),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.sku ?? null) : null,
  };
}

/**
 * Sets prices and stock of many variants at once: all of it or none of it. Every change is
 * checked first (ownership, old price above price, stock not below reserved); field errors
 * name the change by its index. Stock moves go through the ledger like any adjustment.
 */
export async function bulkUpdateVariants(ctx: VendorContext, input: z.infer<typeof bulkUpdateVariantsInput>) {
  const variantIds = [...new Set(input.changes.map((c) => c.variantId))];
  const warehouseIds = [...new Set(input.changes.flatMap((c) => (c.stock ? [c.stock.warehouseId] : [])))];
  const [variants, ownWarehouses] = await Promise.all([
    ctx.db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.vendorId, ctx.vendorId), inArray(productVariants.id, variantIds))),
    warehouseIds.length
      ? ctx.db
          .select({ id: warehouses.id })
          .from(warehouses)
          .where(and(eq(warehouses.vendorId, ctx.vendorId), inArray(warehouses.id, warehouseIds)))
      : [],
  ]);
  const byId = new Map(variants.map((v) => [v.id, v]));
  const errors: FieldErrors = {};
  input.changes.forEach((change, i) => {
    const variant = byId.get(change.variantId);
    if (!variant) {
      errors[`changes.${i}.variantId`] = ["Variant not found"];
      return;
    }
    const price = change.priceAmount ?? variant.priceAmount;
    const compareAt = change.compareAtAmount === undefined ? variant.compareAtAmount : change.compareAtAmount;
    if (compareAt !== null && compareAt <= price) errors[`changes.${i}.compareAtAmount`] = ["The old price must be higher than the price"];
    if (change.stock && !ownWarehouses.some((w) => w.id === change.stock!.warehouseId))
      errors[`changes.${i}.stock.warehouseId`] = ["Warehouse not found"];
  });
  if (Object.keys(errors).length) {
    // Another vendor's variant is simply not found, as everywhere else.
    if (Object.keys(errors).every((k) => k.endsWith(".variantId"))) throw new NotFound("Variant not found");
    throw new ValidationFailed("Check the highlighted rows", errors);
  }

  return withTransaction(ctx, async (tx) => {
    let priced = 0;
    let restocked = 0;
    const productIds = new Set<string>();
    for (const change of input.changes) {
      if (change.priceAmount !== undefined || change.compareAtAmount !== undefined) {
        await tx.db
          .update(productVariants)
          .set({ priceAmount: change.priceAmount, compareAtAmount: change.compareAtAmount })
          .where(eq(productVariants.id, change.variantId));
        productIds.add(byId.get(change.variantId)!.productId);
        priced++;
      }
    }
    // Stock rows are changed in (variant, warehouse) order, the order checkout locks them in,
    // so a bulk edit and a checkout touching the same variants wait for each other instead of deadlocking.
    const stockChanges = [...input.changes.entries()]
      .filter(([, change]) => change.stock)
      .sort(([, x], [, y]) => x.variantId.localeCompare(y.variantId) || x.stock!.warehouseId.localeCompare(y.stock!.warehouseId));
    for (const [i, change] of stockChanges) {
      try {
        const moved = await moveStock(tx.db, {
          variantId: change.variantId,
          warehouseId: change.stock!.warehouseId,
          setOnHand: change.stock!.onHand,
          kind: "adjustment",
          reason: input.reason,
          actorId: ctx.session.userId,
          reference: "bulk-edit",
        });
        if (moved.onHandDelta !== 0) restocked++;
      } catch (error) {
        if (error instanceof DomainError)
          throw new ValidationFailed("Check the highlighted rows", { [`changes.${i}.stock.onHand`]: [error.message] });
        throw error;
      }
    }
    if (productIds.size) {
      await tx.db
        .update(products)
        .set({
          minPriceAmount: sql`(select min(${productVariants.priceAmount}) from ${productVariants} where ${productVariants.productId} = ${products.id})`,
        })
        .where(inArray(products.id, [...productIds]));
    }
    if (productIds.size) await catalogChanged(tx, { productIds: [...productIds], listings: true });
    await recordAudit(tx, {
      action: "catalog.bulk_updated",
      targetType: "vendor",
      targetId: ctx.vendorId,
      metadata: { variants: variantIds.length, priced, restocked, reason: input.reason },
    });
    return { priced, restocked };
  });
}
