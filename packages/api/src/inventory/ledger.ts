import { and, eq, sql } from "drizzle-orm";

import type { DbExecutor, StockMovementKind } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { InvalidState } from "../core/errors";

const { stockLevels, stockMovements } = schema;

export interface StockChange {
  variantId: string;
  warehouseId: string;
  /** Exactly one of: a change of on-hand, or the new on-hand quantity. */
  delta?: number;
  setOnHand?: number;
  kind: StockMovementKind;
  reason: string;
  actorId: string | null;
  reference?: string;
}

/**
 * Changes on-hand stock of one variant in one warehouse and records the movement. Run it
 * inside the caller's transaction: the counter moves by a conditional UPDATE that never
 * lets on-hand fall below what is reserved, and the ledger row is written beside it, so
 * counters always equal the ledger's sums. A change to the same quantity writes nothing.
 */
export async function moveStock(db: DbExecutor, change: StockChange) {
  await db.insert(stockLevels).values({ variantId: change.variantId, warehouseId: change.warehouseId }).onConflictDoNothing();
  const where = and(eq(stockLevels.variantId, change.variantId), eq(stockLevels.warehouseId, change.warehouseId));
  let delta = change.delta ?? 0;
  if (change.setOnHand !== undefined) {
    const [current] = await db.select({ onHand: stockLevels.onHand }).from(stockLevels).where(where).for("update");
    delta = change.setOnHand - (current?.onHand ?? 0);
  }
  if (delta === 0) return { onHandDelta: 0, level: (await db.select().from(stockLevels).where(where))[0]! };
  const [level] = await db
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} + ${delta}` })
    .where(and(where, sql`${stockLevels.onHand} + ${delta} >= ${stockLevels.reserved}`))
    .returning();
  if (!level) throw new InvalidState("On-hand stock cannot fall below what is reserved for orders");
  await db.insert(stockMovements).values({
    variantId: change.variantId,
    warehouseId: change.warehouseId,
    kind: change.kind,
    onHandDelta: delta,
    reason: change.reason,
    actorId: change.actorId,
    reference: change.reference ?? null,
  });
  return { onHandDelta: delta, level };
}
