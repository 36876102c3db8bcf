import { eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { schema } from "@ultramarket/db";
import { mailLocale, ORDER_MAIL } from "../../notifications/order-templates";
import { defineJob } from "../define";

const { orders, users, vendorMembers, vendorOrders } = schema;

/**
 * Enqueued in the checkout transaction: the shopper's confirmation (in the order's
 * language) and one "new order" mail to the members of each vendor (each in their own).
 * Delivery ids make a rerun a no-op per recipient.
 */
export const orderPlacedJob = defineJob({
  name: "order-placed",
  schema: z.strictObject({ orderId: z.uuid() }),
  options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload, job) {
    const [order] = await ctx.db
      .select({ number: orders.number, total: orders.grandTotalAmount, locale: orders.locale, email: users.email })
      .from(orders)
      .leftJoin(users, eq(users.id, orders.customerId))
      .where(eq(orders.id, payload.orderId));
    if (!order) return;
    if (order.email)
      await ctx.mailer.send(
        ctx.db,
        ORDER_MAIL.orderPlaced(order.email, mailLocale(order.locale), { number: order.number, totalAmount: order.total }),
        `${job.id}:customer`,
      );
    const parts = await ctx.db
      .select({ id: vendorOrders.id, vendorId: vendorOrders.vendorId, number: vendorOrders.number, total: vendorOrders.totalAmount })
      .from(vendorOrders)
      .where(eq(vendorOrders.orderId, payload.orderId));
    const members = parts.length
      ? await ctx.db
          .select({ vendorId: vendorMembers.vendorId, userId: users.id, email: users.email, locale: users.locale })
          .from(vendorMembers)
          .innerJoin(users, eq(users.id, vendorMembers.userId))
          .where(
            inArray(
              vendorMembers.vendorId,
              parts.map((p) => p.vendorId),
            ),
          )
      : [];
    for (const part of parts) {
      for (const member of members.filter((m) => m.vendorId === part.vendorId)) {
        await ctx.mailer.send(
          ctx.db,
          ORDER_MAIL.newVendorOrder(member.email, mailLocale(member.locale), { number: part.number, totalAmount: part.total }),
          `${job.id}:${part.id}:${member.userId}`,
        );
      }
    }
  },
});

/** Enqueued with every vendor order status change: tells the shopper, in the order's language (with tracking once shipped). */
export const orderStatusChangedJob = defineJob({
  name: "order-status-changed",
  schema: z.strictObject({ vendorOrderId: z.uuid(), toStatus: z.enum(schema.vendorOrderStatus.enumValues), eventId: z.uuid() }),
  options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload) {
    const [row] = await ctx.db
      .select({
        number: vendorOrders.number,
        carrier: vendorOrders.carrier,
        trackingNumber: vendorOrders.trackingNumber,
        locale: orders.locale,
        email: users.email,
      })
      .from(vendorOrders)
      .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
      .leftJoin(users, eq(users.id, orders.customerId))
      .where(eq(vendorOrders.id, payload.vendorOrderId));
    if (!row?.email) return;
    await ctx.mailer.send(
      ctx.db,
      ORDER_MAIL.statusChanged(row.email, mailLocale(row.locale), {
        number: row.number,
        status: payload.toStatus,
        carrier: row.carrier,
        trackingNumber: row.trackingNumber,
      }),
      `status:${payload.eventId}`,
    );
  },
});
