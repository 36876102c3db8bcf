import { and, asc, eq, inArray } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { InvalidState, NotFound, OutOfStock } from "../core/errors";
import { regionDistanceKm } from "../geo/distance";
import { lowStockAlertJob } from "../jobs/definitions/low-stock";
import { applyMovement, moveStock } from "./ledger";

const { stockLevels, stockReservations, productVariants, warehouses } = schema;

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

interface LockedLevel {
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
 * Reserves stock for the lines of an order inside the caller's transaction.
 *
 * - Quantities are summed per variant first, so two lines of one variant are checked as one.
 * - Every stock row of every variant involved is locked in one statement ordered by
 *   (variant id, warehouse id). All reservers lock in that global order, so two checkouts
 *   holding the same variants in opposite cart order wait for each other instead of
 *   deadlocking; allocation then works on rows nobody else can change.
 * - Each counter still moves through `applyMovement`'s conditional UPDATE and writes a
 *   `reservation` ledger row; a reservation row records what each vendor order holds.
 * - Throws OutOfStock (naming every short variant in fieldErrors) and changes nothing
 *   when any variant cannot be covered: the caller's transaction is rolled back.
 * - Crossing a variant's low-stock threshold enqueues an alert in the same transaction.
 */
export async function reserveStock(
  ctx: Context,
  input: { lines: ReserveLine[]; destinationRegion: string; expiresAt: Date | null; reference: string; actorId: string | null },
): Promise<Allocation[]> {
  const perVariant = new Map<string, { vendorOrderId: string; quantity: number }>();
  for (const line of input.lines) {
    const entry = perVariant.get(line.variantId);
    if (entry && entry.vendorOrderId !== line.vendorOrderId) throw new InvalidState("A variant belongs to one vendor order");
    perVariant.set(line.variantId, { vendorOrderId: line.vendorOrderId, quantity: (entry?.quantity ?? 0) + line.quantity });
  }
  const variantIds = [...perVariant.keys()].sort();
  if (variantIds.length === 0) return [];

  const locked = (await ctx.db
    .select({
      variantId: stockLevels.variantId,
      warehouseId: stockLevels.warehouseId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      region: warehouses.region,
      vendorId: productVariants.vendorId,
      lowStockThreshold: productVariants.lowStockThreshold,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .innerJoin(productVariants, eq(productVariants.id, stockLevels.variantId))
    .where(inArray(stockLevels.variantId, variantIds))
    .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
    .for("update", { of: stockLevels })) as LockedLevel[];

  const plan: { variantId: string; vendorOrderId: string; warehouseId: string; quantity: number }[] = [];
  const short: Record<string, string[]> = {};
  for (const variantId of variantIds) {
    const { vendorOrderId, quantity } = perVariant.get(variantId)!;
    const levels = locked.filter((level) => level.variantId === variantId);
    const parts = allocate(levels, quantity, input.destinationRegion);
    if (!parts) {
      const available = levels.reduce((sum, level) => sum + level.onHand - level.reserved, 0);
      short[variantId] = [available > 0 ? `Only ${available} left in stock` : "Out of stock"];
      continue;
    }
    for (const part of parts) plan.push({ variantId, vendorOrderId, ...part });
  }
  if (Object.keys(short).length > 0) throw new OutOfStock("Some items are no longer in stock in the quantity asked", short);

  const allocations: Allocation[] = [];
  for (const part of plan) {
    const level = await applyMovement(ctx.db, {
      variantId: part.variantId,
      warehouseId: part.warehouseId,
      kind: "reservation",
      onHandDelta: 0,
      reservedDelta: part.quantity,
      reason: "order placed",
      actorId: input.actorId,
      reference: input.reference,
    });
    // The rows are locked, so this cannot happen; if it ever does, refuse rather than oversell.
    if (!level) throw new OutOfStock("Stock changed while it was being reserved", { [part.variantId]: ["Out of stock"] });
    allocations.push({ reservationId: "", ...part });
  }
  const rows = await ctx.db
    .insert(stockReservations)
    .values(
      allocations.map((a) => ({
        vendorOrderId: a.vendorOrderId,
        variantId: a.variantId,
        warehouseId: a.warehouseId,
        quantity: a.quantity,
        expiresAt: input.expiresAt,
      })),
    )
    .returning({ id: stockReservations.id });
  rows.forEach((row, index) => (allocations[index]!.reservationId = row.id));

  await alertLowStock(ctx, variantIds, locked, perVariant);
  return allocations;
}

async function alertLowStock(
  ctx: Context,
  variantIds: string[],
  lockedBefore: LockedLevel[],
  reservedNow: Map<string, { quantity: number }>,
): Promise<void> {
  const thresholds = variantIds.flatMap((id) => {
    const level = lockedBefore.find((l) => l.variantId === id && l.lowStockThreshold !== null);
    return level ? [{ id, vendorId: level.vendorId, threshold: level.lowStockThreshold }] : [];
  });
  for (const variant of thresholds) {
    const before = lockedBefore
      .filter((level) => level.variantId === variant.id)
      .reduce((sum, level) => sum + level.onHand - level.reserved, 0);
    const after = before - (reservedNow.get(variant.id)?.quantity ?? 0);
    if (before >= variant.threshold! && after < variant.threshold!) {
      await ctx.jobs.enqueue(ctx.db, lowStockAlertJob, {
        vendorId: variant.vendorId,
        variantId: variant.id,
        available: after,
        threshold: variant.threshold!,
      });
    }
  }
}

async function lockActiveReservations(ctx: Context, vendorOrderId: string) {
  // Lock the stock rows first, in the global (variant, warehouse) order, then read the
  // reservations: the same order reserveStock uses, so release and reserve never deadlock.
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
