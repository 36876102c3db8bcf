import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { schema } from "@ultramarket/db";
import { mailLocale, ORDER_MAIL } from "../../notifications/order-templates";
import { defineJob } from "../define";

const { productVariants, products, users, vendorMembers } = schema;

/** Enqueued by a reservation that takes a variant's stock below its threshold: mails the vendor's members. */
export const lowStockAlertJob = defineJob({
  name: "inventory-low-stock",
  schema: z.strictObject({
    vendorId: z.uuid(),
    variantId: z.uuid(),
    available: z.number().int(),
    threshold: z.number().int(),
  }),
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload, job) {
    const [variant] = await ctx.db
      .select({ sku: productVariants.sku, title: products.title })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(and(eq(productVariants.id, payload.variantId), eq(productVariants.vendorId, payload.vendorId)));
    if (!variant) return;
    const members = await ctx.db
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(vendorMembers)
      .innerJoin(users, eq(users.id, vendorMembers.userId))
      .where(eq(vendorMembers.vendorId, payload.vendorId));
    for (const member of members) {
      // The delivery id makes a rerun of this job a no-op per recipient.
      await ctx.mailer.send(
        ctx.db,
        ORDER_MAIL.lowStock(member.email, mailLocale(member.locale), {
          sku: variant.sku,
          title: variant.title,
          available: payload.available,
          threshold: payload.threshold,
        }),
        `${job.id}:${member.id}`,
      );
    }
  },
});
