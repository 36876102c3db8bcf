import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import type { VendorOrderStatus } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { pageByLastId } from "../core/cursor";
import type { Context, UserSession, VendorContext } from "../core/context";
import { withTransaction } from "../core/context";
import { NotFound } from "../core/errors";
import { endReservations, holdReservations, returnStock } from "../inventory/reservations";
import { orderStatusChangedJob } from "../jobs/definitions/order-notifications";
import type {
  adminListOrdersInput,
  adminTransitionInput,
  cancelOrderInput,
  listOrdersInput,
  requestReturnInput,
  vendorListOrdersInput,
  vendorTransitionInput,
} from "./schema";
import type { OrderActor, TransitionDetails } from "./state-machine";
import { allowedMoves, checkTransition, deriveOrderStatus } from "./state-machine";

const { orderEvents, orderLines, orders, stockReservations, vendorOrders, vendors } = schema;

type ShopperContext = Context & { session: UserSession };

export interface TransitionRequest {
  vendorOrderId: string;
  to: VendorOrderStatus;
  actor: OrderActor;
  actorId: string | null;
  /** Who may touch it: a customer their own orders, a vendor its own vendor orders; staff and the worker anything. */
  owner?: { customerId?: string; vendorId?: string };
  details?: TransitionDetails;
}

/**
 * The only way a vendor order changes status, inside the caller's transaction. Locks the
 * customer order, then the vendor order (every transition takes them in that order), asks
 * the state machine, applies the stock effect (release, sale, return), records the event,
 * re-derives the customer order's status and enqueues the shopper's notification.
 * An order outside `owner` is reported as not found.
 */
export async function transitionInTransaction(tx: Context, request: TransitionRequest) {
  const [target] = await tx.db
    .select({ orderId: vendorOrders.orderId, vendorId: vendorOrders.vendorId, customerId: orders.customerId })
    .from(vendorOrders)
    .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
    .where(eq(vendorOrders.id, request.vendorOrderId));
  if (
    !target ||
    (request.owner?.customerId && target.customerId !== request.owner.customerId) ||
    (request.owner?.vendorId && target.vendorId !== request.owner.vendorId)
  )
    throw new NotFound("Order not found");
  await tx.db.select({ id: orders.id }).from(orders).where(eq(orders.id, target.orderId)).for("update");
  const [current] = await tx.db.select().from(vendorOrders).where(eq(vendorOrders.id, request.vendorOrderId)).for("update");
  const details = request.details ?? {};
  const { stock } = checkTransition(current!.status, request.to, request.actor, details);
  const reference = `order:${current!.number}`;

  if (stock === "release" || stock === "sell")
    await endReservations(tx, {
      vendorOrderId: current!.id,
      outcome: stock,
      reason: stock === "release" ? `order ${request.to.toLowerCase()}` : "order shipped",
      actorId: request.actorId,
      reference,
    });
  if (stock === "return") {
    const lines = await tx.db
      .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
      .from(orderLines)
      .where(eq(orderLines.vendorOrderId, current!.id));
    await returnStock(tx, {
      vendorId: current!.vendorId,
      warehouseId: details.warehouseId!,
      lines: lines.filter((l): l is { variantId: string; quantity: number } => l.variantId !== null),
      actorId: request.actorId,
      reference,
    });
  }
  // Confirmed cash-on-delivery orders keep their stock until shipped or cancelled.
  if (request.to === "CONFIRMED") await holdReservations(tx, current!.id);

  const [updated] = await tx.db
    .update(vendorOrders)
    .set({
      status: request.to,
      ...(request.to === "SHIPPED" ? { carrier: details.carrier!.trim(), trackingNumber: details.trackingNumber!.trim() } : {}),
      ...(request.to === "CANCELLED" ? { cancelReason: details.reason?.trim() || null } : {}),
    })
    .where(eq(vendorOrders.id, current!.id))
    .returning();
  const [event] = await tx.db
    .insert(orderEvents)
    .values({
      orderId: current!.orderId,
      vendorOrderId: current!.id,
      actorId: request.actorId,
      actorRole: request.actor,
      fromStatus: current!.status,
      toStatus: request.to,
      reason: details.reason?.trim() || null,
      createdAt: tx.clock.now(),
    })
    .returning({ id: orderEvents.id });
  const siblings = await tx.db.select({ status: vendorOrders.status }).from(vendorOrders).where(eq(vendorOrders.orderId, current!.orderId));
  await tx.db
    .update(orders)
    .set({ status: deriveOrderStatus(siblings.map((s) => s.status)) })
    .where(eq(orders.id, current!.orderId));
  await tx.jobs.enqueue(tx.db, orderStatusChangedJob, { vendorOrderId: current!.id, toStatus: request.to, eventId: event!.id });
  return updated!;
}

export async function transitionVendorOrder(ctx: Context, request: TransitionRequest) {
  return withTransaction(ctx, (tx) => transitionInTransaction(tx, request));
}

// ── reading orders ──────────────────────────────────────────────────────────────────

async function orderDetail(ctx: Context, orderId: string, vendorId?: string) {
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const parts = await ctx.db
    .select({ vendorOrder: vendorOrders, vendorName: vendors.name, vendorStir: vendors.stir })
    .from(vendorOrders)
    .innerJoin(vendors, eq(vendors.id, vendorOrders.vendorId))
    .where(and(eq(vendorOrders.orderId, orderId), vendorId ? eq(vendorOrders.vendorId, vendorId) : undefined))
    .orderBy(asc(vendorOrders.number));
  const ids = parts.map((p) => p.vendorOrder.id);
  const lines = ids.length
    ? await ctx.db.select().from(orderLines).where(inArray(orderLines.vendorOrderId, ids)).orderBy(asc(orderLines.id))
    : [];
  const events = ids.length
    ? await ctx.db.select().from(orderEvents).where(inArray(orderEvents.vendorOrderId, ids)).orderBy(asc(orderEvents.id))
    : [];
  return {
    ...order,
    vendorOrders: parts.map(({ vendorOrder, vendorName, vendorStir }) => ({
      ...vendorOrder,
      vendorName,
      vendorStir,
      lines: lines.filter((l) => l.vendorOrderId === vendorOrder.id),
      events: events.filter((e) => e.vendorOrderId === vendorOrder.id),
    })),
  };
}

/** The shopper's own orders, newest first. */
export async function listMyOrders(ctx: ShopperContext, input: z.infer<typeof listOrdersInput>) {
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, ctx.session.userId), input.cursor ? lt(orders.id, input.cursor) : undefined))
    .orderBy(desc(orders.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

export async function getMyOrder(ctx: ShopperContext, input: { orderId: string }) {
  const detail = await orderDetail(ctx, input.orderId);
  if (!detail || detail.customerId !== ctx.session.userId) throw new NotFound("Order not found");
  return {
    ...detail,
    vendorOrders: detail.vendorOrders.map((vo) => ({
      ...vo,
      // The marketplace's cut and which staff member acted are not the shopper's business.
      commissionRateBps: undefined,
      commissionAmount: undefined,
      events: vo.events.map((event) => ({ ...event, actorId: null })),
      allowedMoves: allowedMoves(vo.status, "customer"),
    })),
  };
}

/**
 * Cancels one vendor's part, or every part of the order (all or nothing), before
 * processing starts. Returns how many parts this call cancelled.
 */
export async function cancelMyOrder(ctx: ShopperContext, input: z.infer<typeof cancelOrderInput>) {
  return withTransaction(ctx, async (tx) => {
    // Lock the order first (the lock every transition takes first), then read the parts: a
    // second click waits here and then finds them cancelled.
    const [mine] = await tx.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.customerId, ctx.session.userId)))
      .for("update");
    if (!mine) throw new NotFound("Order not found");
    const parts = await tx.db
      .select({ id: vendorOrders.id, status: vendorOrders.status })
      .from(vendorOrders)
      .where(and(eq(vendorOrders.orderId, mine.id), input.vendorOrderId ? eq(vendorOrders.id, input.vendorOrderId) : undefined))
      .orderBy(asc(vendorOrders.id));
    if (parts.length === 0) throw new NotFound("Order not found");
    // Parts already cancelled are skipped, so cancelling twice is harmless (a double click).
    const open = parts.filter((p) => p.status !== "CANCELLED");
    for (const part of open) {
      await transitionInTransaction(tx, {
        vendorOrderId: part.id,
        to: "CANCELLED",
        actor: "customer",
        actorId: ctx.session.userId,
        owner: { customerId: ctx.session.userId },
        details: { reason: input.reason ?? null },
      });
    }
    return { cancelled: open.length };
  });
}

export async function requestReturn(ctx: ShopperContext, input: z.infer<typeof requestReturnInput>) {
  const [part] = await ctx.db
    .select({ id: vendorOrders.id })
    .from(vendorOrders)
    .where(and(eq(vendorOrders.id, input.vendorOrderId), eq(vendorOrders.orderId, input.orderId)));
  if (!part) throw new NotFound("Order not found");
  return transitionVendorOrder(ctx, {
    vendorOrderId: input.vendorOrderId,
    to: "RETURN_REQUESTED",
    actor: "customer",
    actorId: ctx.session.userId,
    owner: { customerId: ctx.session.userId },
    details: { reason: input.reason },
  });
}

// ── vendors ─────────────────────────────────────────────────────────────────────────

/** The vendor's order queue: only its own vendor orders, newest first, by status. */
export async function listVendorOrders(ctx: VendorContext, input: z.infer<typeof vendorListOrdersInput>) {
  const rows = await ctx.db
    .select({
      id: vendorOrders.id,
      number: vendorOrders.number,
      status: vendorOrders.status,
      totalAmount: vendorOrders.totalAmount,
      itemsTotalAmount: vendorOrders.itemsTotalAmount,
      shippingMethod: vendorOrders.shippingMethod,
      createdAt: vendorOrders.createdAt,
      region: sql<string>`${orders.shippingAddress}->>'region'`,
    })
    .from(vendorOrders)
    .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
    .where(
      and(
        eq(vendorOrders.vendorId, ctx.vendorId),
        input.status ? eq(vendorOrders.status, input.status) : undefined,
        input.createdFrom ? gte(vendorOrders.createdAt, input.createdFrom) : undefined,
        input.createdTo ? lt(vendorOrders.createdAt, input.createdTo) : undefined,
        input.cursor ? lt(vendorOrders.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(vendorOrders.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

export async function getVendorOrder(ctx: VendorContext, input: { vendorOrderId: string }) {
  const [part] = await ctx.db
    .select({ orderId: vendorOrders.orderId })
    .from(vendorOrders)
    .where(and(eq(vendorOrders.id, input.vendorOrderId), eq(vendorOrders.vendorId, ctx.vendorId)));
  if (!part) throw new NotFound("Order not found");
  const detail = (await orderDetail(ctx, part.orderId, ctx.vendorId))!;
  const vendorOrder = detail.vendorOrders[0]!;
  const reservations = await ctx.db.select().from(stockReservations).where(eq(stockReservations.vendorOrderId, vendorOrder.id));
  return {
    orderNumber: detail.number,
    shippingAddress: detail.shippingAddress,
    locale: detail.locale,
    paymentMethod: detail.paymentMethod,
    ...vendorOrder,
    reservations,
    allowedMoves: allowedMoves(vendorOrder.status, "vendor"),
  };
}

export async function vendorTransition(ctx: VendorContext, input: z.infer<typeof vendorTransitionInput>) {
  const { vendorId: _vendorId, vendorOrderId, to, ...details } = input;
  return transitionVendorOrder(ctx, {
    vendorOrderId,
    to,
    actor: "vendor",
    actorId: ctx.session.userId,
    owner: { vendorId: ctx.vendorId },
    details,
  });
}

// ── staff ───────────────────────────────────────────────────────────────────────────

export async function adminListOrders(ctx: Context, input: z.infer<typeof adminListOrdersInput>) {
  const rows = await ctx.db
    .select({
      id: vendorOrders.id,
      orderId: vendorOrders.orderId,
      number: vendorOrders.number,
      vendorId: vendorOrders.vendorId,
      vendorName: vendors.name,
      status: vendorOrders.status,
      totalAmount: vendorOrders.totalAmount,
      commissionAmount: vendorOrders.commissionAmount,
      createdAt: vendorOrders.createdAt,
    })
    .from(vendorOrders)
    .innerJoin(vendors, eq(vendors.id, vendorOrders.vendorId))
    .where(
      and(
        input.status ? eq(vendorOrders.status, input.status) : undefined,
        input.vendorId ? eq(vendorOrders.vendorId, input.vendorId) : undefined,
        input.createdFrom ? gte(vendorOrders.createdAt, input.createdFrom) : undefined,
        input.createdTo ? lt(vendorOrders.createdAt, input.createdTo) : undefined,
        input.cursor ? lt(vendorOrders.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(vendorOrders.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

export async function adminGetOrder(ctx: Context, input: { orderId: string }) {
  const detail = await orderDetail(ctx, input.orderId);
  if (!detail) throw new NotFound("Order not found");
  return { ...detail, vendorOrders: detail.vendorOrders.map((vo) => ({ ...vo, allowedMoves: allowedMoves(vo.status, "admin") })) };
}

export async function adminTransition(ctx: Context & { session: UserSession }, input: z.infer<typeof adminTransitionInput>) {
  const { vendorOrderId, to, ...details } = input;
  return transitionVendorOrder(ctx, { vendorOrderId, to, actor: "admin", actorId: ctx.session.userId, details });
}

// ── the worker ──────────────────────────────────────────────────────────────────────

/**
 * Cancels cash-on-delivery vendor orders nobody confirmed within ORDER_AUTO_CANCEL_MINUTES,
 * releasing their stock. Each in its own transaction, so one failure does not hold back
 * the rest; an order confirmed meanwhile is skipped by the state machine's own check.
 */
export async function cancelUnconfirmedOrders(ctx: Context, limit = 200): Promise<{ cancelled: number }> {
  const minutes = ctx.config.orderAutoCancelMinutes ?? 2880;
  const cutoff = new Date(ctx.clock.now().getTime() - minutes * 60_000);
  const due = await ctx.db
    .select({ id: vendorOrders.id })
    .from(vendorOrders)
    .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
    .where(and(eq(vendorOrders.status, "PENDING"), eq(orders.paymentMethod, "cod"), lt(vendorOrders.createdAt, cutoff)))
    .orderBy(asc(vendorOrders.id))
    .limit(limit);
  let cancelled = 0;
  for (const { id } of due) {
    cancelled += await cancelIfPending(ctx, id, "not confirmed by the seller in time");
  }
  return { cancelled };
}

async function cancelIfPending(ctx: Context, vendorOrderId: string, reason: string): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    // Under the order's lock, so a vendor confirming at this moment either wins (and this
    // skips the order) or waits and then finds it cancelled.
    const [part] = await tx.db.select({ orderId: vendorOrders.orderId }).from(vendorOrders).where(eq(vendorOrders.id, vendorOrderId));
    if (!part) return 0;
    await tx.db.select({ id: orders.id }).from(orders).where(eq(orders.id, part.orderId)).for("update");
    const [row] = await tx.db.select({ status: vendorOrders.status }).from(vendorOrders).where(eq(vendorOrders.id, vendorOrderId));
    if (row?.status !== "PENDING") return 0;
    await transitionInTransaction(tx, { vendorOrderId, to: "CANCELLED", actor: "system", actorId: null, details: { reason } });
    return 1;
  });
}

/**
 * Releases reservations past their expiry. The vendor order they hold stock for is
 * cancelled when still PENDING (through the state machine, which releases the stock); any
 * other expired hold is released on its own. Safe to run twice.
 */
export async function expireReservations(ctx: Context, limit = 200): Promise<{ released: number }> {
  const expired = await ctx.db
    .selectDistinct({ vendorOrderId: stockReservations.vendorOrderId })
    .from(stockReservations)
    .where(and(eq(stockReservations.status, "active"), lt(stockReservations.expiresAt, ctx.clock.now())))
    .limit(limit);
  let released = 0;
  for (const { vendorOrderId } of expired) {
    if (await cancelIfPending(ctx, vendorOrderId, "reservation expired")) {
      released += 1;
      continue;
    }
    released += await withTransaction(ctx, async (tx) => {
      const [part] = await tx.db.select().from(vendorOrders).where(eq(vendorOrders.id, vendorOrderId)).for("update");
      return endReservations(tx, {
        vendorOrderId,
        outcome: "release",
        reason: "reservation expired",
        actorId: null,
        reference: `order:${part?.number ?? vendorOrderId}`,
      });
    });
  }
  return { released };
}
