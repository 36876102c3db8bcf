import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";

import { schema } from "@ultramarket/db";
import type { VendorContext } from "../core/context";
import { NotFound } from "../core/errors";
import type { createShippingMethodInput, shippingMethodIdInput, updateShippingMethodInput } from "./schema";

const { shippingMethods } = schema;

export type ShippingMethod = typeof shippingMethods.$inferSelect;

function localized(name: { uz: string; ru?: string; en?: string }) {
  return { uz: name.uz, ru: name.ru || name.uz, en: name.en || name.uz };
}

export async function listShippingMethods(ctx: VendorContext): Promise<ShippingMethod[]> {
  return ctx.db
    .select()
    .from(shippingMethods)
    .where(eq(shippingMethods.vendorId, ctx.vendorId))
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.id));
}

export async function createShippingMethod(ctx: VendorContext, input: z.infer<typeof createShippingMethodInput>): Promise<ShippingMethod> {
  const { vendorId: _vendorId, ...fields } = input;
  const [row] = await ctx.db
    .insert(shippingMethods)
    .values({ ...fields, name: localized(fields.name), vendorId: ctx.vendorId })
    .returning();
  return row!;
}

export async function updateShippingMethod(ctx: VendorContext, input: z.infer<typeof updateShippingMethodInput>): Promise<ShippingMethod> {
  const { vendorId: _vendorId, methodId, name, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const [row] = await ctx.db
    .update(shippingMethods)
    .set({ ...changes, ...(name ? { name: localized(name) } : {}) })
    .where(and(eq(shippingMethods.id, methodId), eq(shippingMethods.vendorId, ctx.vendorId)))
    .returning();
  if (!row) throw new NotFound("Shipping method not found");
  return row;
}

/** Deleting keeps past orders intact: they hold a copy of the method's name and price. */
export async function deleteShippingMethod(ctx: VendorContext, input: z.infer<typeof shippingMethodIdInput>): Promise<{ deleted: true }> {
  const deleted = await ctx.db
    .delete(shippingMethods)
    .where(and(eq(shippingMethods.id, input.methodId), eq(shippingMethods.vendorId, ctx.vendorId)))
    .returning({ id: shippingMethods.id });
  if (deleted.length === 0) throw new NotFound("Shipping method not found");
  return { deleted: true };
}
