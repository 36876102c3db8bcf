import { eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { schema } from "@ultramarket/db";
import { defineJob } from "../define";

const { orders, users, vendorMembers, vendorOrders } = schema;

const money = (amount: number) => `${(amount / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} so'm`;

/**
 * Enqueued in the checkout transaction: the shopper's confirmation and one "new order"
 * mail to the members of each vendor. Delivery ids make a rerun a no-op per recipient.
 */
export const orderPlacedJob = defineJob({
  name: "order-placed",
  schema: z.strictObject({ orderId: z.uuid() }),
  options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload, job) {
    const [order] = await ctx.db
      .select({ number: orders.number, total: orders.grandTotalAmount, email: users.email })
      .from(orders)
      .leftJoin(users, eq(users.id, orders.customerId))
      .where(eq(orders.id, payload.orderId));
    if (!order) return;
    if (order.email)
      await ctx.mailer.send(
        ctx.db,
        {
          to: order.email,
          subject: `Order ${order.number} received`,
          text: `Thank you! Order ${order.number} (${money(order.total)}, cash on delivery) is waiting for the sellers' confirmation.`,
        },
        `${job.id}:customer`,
      );
    const parts = await ctx.db
      .select({ id: vendorOrders.id, vendorId: vendorOrders.vendorId, number: vendorOrders.number, total: vendorOrders.totalAmount })
      .from(vendorOrders)
      .where(eq(vendorOrders.orderId, payload.orderId));
    const members = parts.length
      ? await ctx.db
          .select({ vendorId: vendorMembers.vendorId, userId: users.id, email: users.email })
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
          {
            to: member.email,
            subject: `New order ${part.number}`,
            text: `New order ${part.number} (${money(part.total)}) waits for your confirmation.`,
          },
          `${job.id}:${part.id}:${member.userId}`,
        );
      }
    }
  },
});

/** Enqueued with every vendor order status change: tells the shopper. */
export const orderStatusChangedJob = defineJob({
  name: "order-status-changed",
  schema: z.strictObject({ vendorOrderId: z.uuid(), toStatus: z.string(), eventId: z.uuid() }),
  options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload) {
    const [row] = await ctx.db
      .select({ number: vendorOrders.number, email: users.email })
      .from(vendorOrders)
      .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
      .leftJoin(users, eq(users.id, orders.customerId))
      .where(eq(vendorOrders.id, payload.vendorOrderId));
    if (!row?.email) return;
    await ctx.mailer.send(
      ctx.db,
      { to: row.email, subject: `Order ${row.number}: ${payload.toStatus}`, text: `Your order ${row.number} is now ${payload.toStatus}.` },
      `status:${payload.eventId}`,
    );
  },
});
