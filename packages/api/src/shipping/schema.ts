import { z } from "zod";

import { REGION_CODES } from "../geo/regions";

const amount = z.number().int().min(0).max(100_000_000_000);
const localizedName = z.strictObject({
  uz: z.string().trim().min(1, "Enter a name").max(80),
  ru: z.string().trim().max(80).optional(),
  en: z.string().trim().max(80).optional(),
});

const methodFields = {
  kind: z.enum(["courier", "pickup"]),
  name: localizedName,
  regions: z
    .array(z.enum(REGION_CODES, { error: "Unknown region" }))
    .max(14)
    .default([]),
  rateType: z.enum(["flat", "weight"]).default("flat"),
  baseAmount: amount.default(0),
  perKgAmount: amount.default(0),
  freeOverAmount: amount.nullable().default(null),
  minDays: z.number().int().min(0).max(60),
  maxDays: z.number().int().min(0).max(90),
  pickupAddress: z.string().trim().min(5).max(300).nullable().default(null),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(1000).default(0),
};

function checkMethod(method: { kind?: string; pickupAddress?: string | null; minDays?: number; maxDays?: number }, ctx: z.RefinementCtx) {
  if (method.kind === "pickup" && !method.pickupAddress)
    ctx.addIssue({ code: "custom", path: ["pickupAddress"], message: "A pickup point needs its address" });
  if (method.minDays !== undefined && method.maxDays !== undefined && method.maxDays < method.minDays)
    ctx.addIssue({ code: "custom", path: ["maxDays"], message: "The latest day cannot be before the earliest" });
}

export const createShippingMethodInput = z.strictObject({ vendorId: z.uuid(), ...methodFields }).superRefine(checkMethod);

export const updateShippingMethodInput = z
  .strictObject({
    vendorId: z.uuid(),
    methodId: z.uuid(),
    ...Object.fromEntries(Object.entries(methodFields).map(([key, schema]) => [key, schema.optional()])),
  } as { vendorId: z.ZodUUID; methodId: z.ZodUUID } & { [K in keyof typeof methodFields]: z.ZodOptional<(typeof methodFields)[K]> })
  .superRefine(checkMethod);

export const shippingMethodIdInput = z.strictObject({ vendorId: z.uuid(), methodId: z.uuid() });
export const listShippingMethodsInput = z.strictObject({ vendorId: z.uuid() });
