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

export interface CounterMovement {
  variantId: string;
  warehouseId: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason: string | null;
  actorId: string | null;
  reference?: string | null;
}

/**
 * The one place where stock counters move. One conditional UPDATE moves on-hand and
 * reserved together and only if the result keeps 0 <= reserved <= on-hand; the ledger row
 * is written beside it in the caller's transaction, so counters always equal the ledger's
 * sums. Returns null (and writes nothing) when the condition refuses the change.
 */
export async function applyMovement(db: DbExecutor, movement: CounterMovement) {
  const { onHandDelta, reservedDelta } = movement;
  const [level] = await db
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} + ${onHandDelta}`, reserved: sql`${stockLevels.reserved} + ${reservedDelta}` })
    .where(
      and(
        eq(stockLevels.variantId, movement.variantId),
        eq(stockLevels.warehouseId, movement.warehouseId),
        sql`${stockLevels.reserved} + ${reservedDelta} >= 0`,
        sql`${stockLevels.onHand} + ${onHandDelta} >= ${stockLevels.reserved} + ${reservedDelta}`,
      ),
    )
    .returning();
  if (!level) return null;
  await db.insert(stockMovements).values({
    variantId: movement.variantId,
    warehouseId: movement.warehouseId,
    kind: movement.kind,
    onHandDelta,
    reservedDelta,
    reason: movement.reason,
    actorId: movement.actorId,
    reference: movement.reference ?? null,
  });
  return level;
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
  const level = await applyMovement(db, {
    variantId: change.variantId,
    warehouseId: change.warehouseId,
    kind: change.kind,
    onHandDelta: delta,
    reservedDelta: 0,
    reason: change.reason,
    actorId: change.actorId,
    reference: change.reference,
  });
  if (!level) throw new InvalidState("On-hand stock cannot fall below what is reserved for orders");
  return { onHandDelta: delta, level };
}
