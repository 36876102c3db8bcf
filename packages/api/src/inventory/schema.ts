import { z } from "zod";

export const adjustStockInput = z
  .strictObject({
    vendorId: z.uuid(),
    variantId: z.uuid(),
    warehouseId: z.uuid(),
    /** Goods received (positive) or a correction (either sign); exactly one of delta / setOnHand. */
    delta: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    setOnHand: z.number().int().min(0).max(10_000_000).optional(),
    kind: z.enum(["receipt", "adjustment"]).default("adjustment"),
    reason: z.string().trim().min(3, "Say why the stock changes (e.g. stock count, damaged goods)").max(300),
  })
  .refine((input) => (input.delta === undefined) !== (input.setOnHand === undefined), {
    path: ["delta"],
    message: "Give either a change or a new on-hand quantity",
  })
  .refine((input) => input.delta !== 0, { path: ["delta"], message: "The change cannot be zero" });

export const stockLevelsInput = z.strictObject({ vendorId: z.uuid(), productId: z.uuid() });

export const movementsInput = z.strictObject({
  vendorId: z.uuid(),
  variantId: z.uuid(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const reservationsInput = z.strictObject({
  vendorId: z.uuid(),
  variantId: z.uuid(),
  status: z.enum(["active", "released", "sold"]).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const lowStockThresholdInput = z.strictObject({
  vendorId: z.uuid(),
  variantId: z.uuid(),
  /** Alert when available stock falls below this; null turns the alert off. */
  threshold: z.number().int().min(1).max(1_000_000).nullable(),
});
