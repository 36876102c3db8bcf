import type { SQL } from "drizzle-orm";
import { and, asc, eq, inArray, sql } from "drizzle-orm";

import { newId, schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { InvalidState, NotFound, OutOfStock } from "../core/errors";
import type { PipelinedStatement } from "../core/pipeline";
import { regionDistanceKm } from "../geo/distance";
import { lowStockAlertJob } from "../jobs/definitions/low-stock";
import { applyMovement, moveStock, movementsStatement } from "./ledger";

const { stockLevels, stockReservations, warehouses } = schema;

export interface ReserveLine {
  vendorOrderId: string;
  variantId: string;
  quantity: number;
}

export interface Allocation {
  reservationId: string;
  vendorOrderId: string;
  variantId: string;
  warehouseId: string;
  quantity: number;
}

export interface LockedLevel {
  variantId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  region: string;
  /** The variant's vendor and low-stock threshold, read with the lock (one statement fewer per order). */
  vendorId: string;
  lowStockThreshold: number | null;
}

/**
 * Where a quantity of one variant comes from, given its locked stock rows: the nearest
 * warehouse that can ship all of it alone; otherwise the nearest warehouses in turn.
 * Ties go to the warehouse with more stock, then the lower id, so the choice is stable.
 * Returns null when all warehouses together hold too little. Pure, for unit tests.
 */
export function allocate(
  levels: readonly Pick<LockedLevel, "warehouseId" | "onHand" | "reserved" | "region">[],
  quantity: number,
  destinationRegion: string,
): { warehouseId: string; quantity: number }[] | null {
  const ranked = levels
    .map((level) => ({ ...level, available: level.onHand - level.reserved, km: regionDistanceKm(level.region, destinationRegion) }))
    .filter((level) => level.available > 0)
    .sort((a, b) => a.km - b.km || b.available - a.available || a.warehouseId.localeCompare(b.warehouseId));
  const whole = ranked.find((level) => level.available >= quantity);
  if (whole) return [{ warehouseId: whole.warehouseId, quantity }];
  const parts: { warehouseId: string; quantity: number }[] = [];
  let remaining = quantity;
  for (const level of ranked) {
    if (remaining === 0) break;
    const take = Math.min(level.available, remaining);
    parts.push({ warehouseId: level.warehouseId, quantity: take });
    remaining -= take;
  }
  return remaining === 0 ? parts : null;
}

/**
 * Locks every stock row of the given variants, in the global (variant id, warehouse id)
 * order that all reservers use, so two checkouts holding the same variants in opposite cart
 * order wait for each other instead of deadlocking. Reads each row's warehouse region and
 * the variant's vendor and low-stock threshold in the same statement.
 */
export function lockStockStatement(variantIds: string[]): SQL {
  return sql`select s.variant_id as "variantId", s.warehouse_id as "warehouseId", s.on_hand as "onHand", s.reserved,
                    w.region, v.vendor_id as "vendorId", v.low_stock_threshold as "lowStockThreshold"
             from stock_levels s join warehouses w on w.id = s.warehouse_id join product_variants v on v.id = s.variant_id
             where s.variant_id = any((select ${`{${[...variantIds].sort().join(",")}}`}::uuid[])::uuid[])
             order by s.variant_id, s.warehouse_id
             for update of s`;
}

export interface ReservationPlan {
  allocations: Allocation[];
  /** Quantity per variant (lines of one variant summed), for the low-stock check. */
  perVariant: Map<string, { vendorOrderId: string; quantity: number }>;
  locked: LockedLevel[];
}

/**
 * Decides where each line's stock comes from, on rows already locked: quantities are summed
 * per variant first (two lines of one variant are checked as one), then `allocate` picks
 * the warehouses. Throws OutOfStock naming every short variant; pure otherwise.
 */
export function planReservation(locked: LockedLevel[], lines: ReserveLine[], destinationRegion: string): ReservationPlan {
  const perVariant = new Map<string, { vendorOrderId: string; quantity: number }>();
  for (const line of lines) {
    const entry = perVariant.get(line.variantId);
    if (entry && entry.vendorOrderId !== line.vendorOrderId) throw new InvalidState("A variant belongs to one vendor order");
    perVariant.set(line.variantId, { vendorOrderId: line.vendorOrderId, quantity: (entry?.quantity ?? 0) + line.quantity });
  }
  const allocations: Allocation[] = [];
  const short: Record<string, string[]> = {};
  for (const variantId of [...perVariant.keys()].sort()) {
    const { vendorOrderId, quantity } = perVariant.get(variantId)!;
    const levels = locked.filter((level) => level.variantId === variantId);
    const parts = allocate(levels, quantity, destinationRegion);
    if (!parts) {
      const available = levels.reduce((sum, level) => sum + level.onHand - level.reserved, 0);
      short[variantId] = [available > 0 ? `Only ${available} left in stock` : "Out of stock"];
      continue;
    }
    for (const part of parts) allocations.push({ reservationId: newId(), vendorOrderId, variantId, ...part });
  }
  if (Object.keys(short).length > 0) throw new OutOfStock("Some items are no longer in stock in the quantity asked", short);
  return { allocations, perVariant, locked };
}

/**
 * The writes of a planned reservation, to pipeline in the caller's transaction after its
 * vendor orders exist: each counter moves through the ledger (one `reservation` movement
 * per row) and a reservation row records what each vendor order holds. `checkMoved` takes
 * the rows the ledger statement (the first of `statements`) returned; it refuses a row the
 * ledger did not move, which the locks make impossible, rather than oversell.
 */
export function reservationWrites(
  ctx: Context,
  plan: ReservationPlan,
  options: { expiresAt: Date | null; reference: string; actorId: string | null },
) {
  const statements: PipelinedStatement[] = [
    movementsStatement(
      plan.allocations.map((a) => ({
        variantId: a.variantId,
        warehouseId: a.warehouseId,
        kind: "reservation" as const,
        onHandDelta: 0,
        reservedDelta: a.quantity,
        reason: "order placed",
        actorId: options.actorId,
        reference: options.reference,
      })),
    ),
    ctx.db.insert(stockReservations).values(
      plan.allocations.map((a) => ({
        id: a.reservationId,
        vendorOrderId: a.vendorOrderId,
        variantId: a.variantId,
        warehouseId: a.warehouseId,
        quantity: a.quantity,
        expiresAt: options.expiresAt,
      })),
    ),
  ];
  const checkMoved = (moved: unknown[]) => {
    // The rows are locked, so this cannot happen; if it ever does, refuse rather than oversell.
    if (moved.length !== plan.allocations.length)
      throw new OutOfStock("Stock changed while it was being reserved", { [plan.allocations[0]!.variantId]: ["Out of stock"] });
  };
  return { statements, checkMoved };
}

/** Enqueues an alert to the vendor for each variant this reservation took below its low-stock threshold. */
export async function alertLowStock(ctx: Context, plan: ReservationPlan): Promise<void> {
  const { locked, perVariant } = plan;
  for (const variantId of [...perVariant.keys()].sort()) {
    const level = locked.find((l) => l.variantId === variantId && l.lowStockThreshold !== null);
    if (!level) continue;
    const threshold = level.lowStockThreshold!;
    const before = locked.filter((l) => l.variantId === variantId).reduce((sum, l) => sum + l.onHand - l.reserved, 0);
    const after = before - perVariant.get(variantId)!.quantity;
    if (before >= threshold && after < threshold)
      await ctx.jobs.enqueue(ctx.db, lowStockAlertJob, { vendorId: level.vendorId, variantId, available: after, threshold });
  }
}

async function lockActiveReservations(ctx: Context, vendorOrderId: string) {
  // Lock the stock rows first, in the global (variant, warehouse) order, then read the
  // reservations: the order lockStockStatement uses, so release and reserve never deadlock.
  const reservations = await ctx.db
    .select()
    .from(stockReservations)
    .where(and(eq(stockReservations.vendorOrderId, vendorOrderId), eq(stockReservations.status, "active")))
    .orderBy(asc(stockReservations.variantId), asc(stockReservations.warehouseId));
  if (reservations.length === 0) return [];
  const variantIds = [...new Set(reservations.map((r) => r.variantId))];
  await ctx.db
    .select({ variantId: stockLevels.variantId })
    .from(stockLevels)
    .where(inArray(stockLevels.variantId, variantIds))
    .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
    .for("update");
  return ctx.db
    .select()
    .from(stockReservations)
    .where(and(eq(stockReservations.vendorOrderId, vendorOrderId), eq(stockReservations.status, "active")))
    .orderBy(asc(stockReservations.variantId), asc(stockReservations.warehouseId))
    .for("update");
}

/**
 * Ends a vendor order's active reservations: `release` gives the stock back (cancellation,
 * expiry); `sell` takes it out of on-hand as well (the goods left the warehouse). Each
 * counter change writes its ledger row. Ending nothing is not an error, so a job that runs
 * twice does no harm. Run inside the caller's transaction (which holds the vendor order).
 */
export async function endReservations(
  ctx: Context,
  input: { vendorOrderId: string; outcome: "release" | "sell"; reason: string; actorId: string | null; reference: string },
): Promise<number> {
  const reservations = await lockActiveReservations(ctx, input.vendorOrderId);
  for (const reservation of reservations) {
    const level = await applyMovement(ctx.db, {
      variantId: reservation.variantId,
      warehouseId: reservation.warehouseId,
      kind: input.outcome === "release" ? "release" : "sale",
      onHandDelta: input.outcome === "release" ? 0 : -reservation.quantity,
      reservedDelta: -reservation.quantity,
      reason: input.reason,
      actorId: input.actorId,
      reference: input.reference,
    });
    if (!level) throw new InvalidState("Stock counters do not match the reservation");
  }
  if (reservations.length > 0) {
    await ctx.db
      .update(stockReservations)
      .set({ status: input.outcome === "release" ? "released" : "sold", endedAt: ctx.clock.now() })
      .where(
        inArray(
          stockReservations.id,
          reservations.map((r) => r.id),
        ),
      );
  }
  return reservations.length;
}

/** Keeps a vendor order's reservations until they end by sale or cancellation (e.g. once the vendor confirms). */
export async function holdReservations(ctx: Context, vendorOrderId: string): Promise<void> {
  await ctx.db
    .update(stockReservations)
    .set({ expiresAt: null })
    .where(and(eq(stockReservations.vendorOrderId, vendorOrderId), eq(stockReservations.status, "active")));
}

/**
 * Goods received back from a customer go into a warehouse the vendor chooses (it must be
 * one of theirs), with a `return` ledger row per variant.
 */
export async function returnStock(
  ctx: Context,
  input: {
    vendorId: string;
    warehouseId: string;
    lines: { variantId: string; quantity: number }[];
    actorId: string | null;
    reference: string;
  },
): Promise<void> {
  const [warehouse] = await ctx.db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.id, input.warehouseId), eq(warehouses.vendorId, input.vendorId)));
  if (!warehouse) throw new NotFound("Warehouse not found", { warehouseId: ["Choose one of your warehouses"] });
  const sorted = [...input.lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
  for (const line of sorted) {
    await moveStock(ctx.db, {
      variantId: line.variantId,
      warehouseId: input.warehouseId,
      delta: line.quantity,
      kind: "return",
      reason: "returned by customer",
      actorId: input.actorId,
      reference: input.reference,
    });
  }
}
