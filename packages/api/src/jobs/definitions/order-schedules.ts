import { z } from "zod";

import { pruneIdempotencyKeys } from "../../checkout/service";
import { cancelUnconfirmedOrders, expireReservations } from "../../orders/service";
import { defineJob } from "../define";

/** Every 5 minutes: cash-on-delivery vendor orders not confirmed within ORDER_AUTO_CANCEL_MINUTES are cancelled. */
export const ordersAutoCancelJob = defineJob({
  name: "orders-auto-cancel",
  schema: z.strictObject({}),
  options: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 600 },
  schedule: { cron: "*/5 * * * *", payload: {} },
  async handle(ctx) {
    const result = await cancelUnconfirmedOrders(ctx);
    if (result.cancelled) ctx.log.info(result, "unconfirmed orders cancelled");
  },
});

/** Every minute: stock reservations past their expiry are released (their pending orders cancelled). */
export const reservationsExpireJob = defineJob({
  name: "inventory-expire-reservations",
  schema: z.strictObject({}),
  options: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 300 },
  schedule: { cron: "* * * * *", payload: {} },
  async handle(ctx) {
    const result = await expireReservations(ctx);
    if (result.released) ctx.log.info(result, "expired reservations released");
  },
});

/** Daily: checkout idempotency keys older than 30 days are deleted. */
export const idempotencyKeysPruneJob = defineJob({
  name: "checkout-prune-idempotency-keys",
  schema: z.strictObject({}),
  options: { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 },
  schedule: { cron: "17 3 * * *", payload: {} },
  async handle(ctx) {
    const result = await pruneIdempotencyKeys(ctx);
    if (result.deleted) ctx.log.info(result, "old idempotency keys deleted");
  },
});
