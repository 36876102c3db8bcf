import type { SQL } from "drizzle-orm";
import { and, eq, sql } from "drizzle-orm";

import type { DbExecutor, StockMovementKind } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";
import { InvalidState } from "../core/errors";
import { preparedRows } from "../core/prepared";

const { stockLevels } = schema;

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

/** A stock row as the ledger left it. */
export interface StockLevelRow {
  variantId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

/**
 * The one place where stock counters move. One statement moves each row's on-hand and
 * reserved together, only where the result keeps 0 <= reserved <= on-hand, and writes a
 * ledger row for every counter it moved (and none for one it refused), so counters always
 * equal the ledger's sums. Returns the rows it moved; a refused movement is missing from
 * them, and the caller decides (a reservation aborts its transaction). Movements must name
 * distinct (variant, warehouse) rows: one UPDATE cannot move a row twice.
 */
export async function applyMovements(db: DbExecutor, movements: CounterMovement[]): Promise<StockLevelRow[]> {
  if (movements.length === 0) return [];
  return preparedRows<StockLevelRow>(db, movementsStatement(movements));
}

/** applyMovements' statement, for a caller that pipelines it with its own writes (checkout). */
export function movementsStatement(movements: CounterMovement[]): SQL {
  const rows = new Set(movements.map((m) => `${m.variantId}/${m.warehouseId}`));
  if (rows.size !== movements.length) throw new InvalidState("A stock row can move once per statement");
  const input = movements.map((m) => ({
    id: newId(),
    variant_id: m.variantId,
    warehouse_id: m.warehouseId,
    kind: m.kind,
    on_hand_delta: m.onHandDelta,
    reserved_delta: m.reservedDelta,
    reason: m.reason,
    actor_id: m.actorId,
    reference: m.reference ?? null,
  }));
  return sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(
            id uuid, variant_id uuid, warehouse_id uuid, kind stock_movement_kind, on_hand_delta int, reserved_delta int,
            reason text, actor_id uuid, reference text)
        ), moved as (
          update stock_levels s
          set on_hand = s.on_hand + i.on_hand_delta, reserved = s.reserved + i.reserved_delta, updated_at = now()
          from input i
          where s.variant_id = i.variant_id and s.warehouse_id = i.warehouse_id
            and s.reserved + i.reserved_delta >= 0 and s.on_hand + i.on_hand_delta >= s.reserved + i.reserved_delta
          returning s.variant_id, s.warehouse_id, s.on_hand, s.reserved
        ), logged as (
          insert into stock_movements (id, variant_id, warehouse_id, kind, on_hand_delta, reserved_delta, reason, actor_id, reference)
          select i.id, i.variant_id, i.warehouse_id, i.kind, i.on_hand_delta, i.reserved_delta, i.reason, i.actor_id, i.reference
          from input i join moved m on m.variant_id = i.variant_id and m.warehouse_id = i.warehouse_id
        )
        select variant_id as "variantId", warehouse_id as "warehouseId", on_hand as "onHand", reserved from moved`;
}

/** applyMovements for one row: the row as moved, or null (nothing written) when the condition refused it. */
export async function applyMovement(db: DbExecutor, movement: CounterMovement): Promise<StockLevelRow | null> {
  const [level] = await applyMovements(db, [movement]);
  return level ?? null;
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
