import { z } from "zod";

const minorUnits = z.number().int("Prices are whole tiyin").min(0).max(10_000_000_000_000);

export const listVariantsInput = z.strictObject({
  vendorId: z.uuid(),
  search: z.string().trim().max(100).optional(),
  productIds: z.array(z.uuid()).max(100).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const bulkUpdateVariantsInput = z.strictObject({
  vendorId: z.uuid(),
  changes: z
    .array(
      z
        .strictObject({
          variantId: z.uuid(),
          priceAmount: minorUnits.optional(),
          compareAtAmount: minorUnits.nullable().optional(),
          stock: z.strictObject({ warehouseId: z.uuid(), onHand: z.number().int().min(0).max(10_000_000) }).optional(),
        })
        .refine(
          (c) => c.priceAmount !== undefined || c.compareAtAmount !== undefined || c.stock !== undefined,
          "Change a price or the stock",
        ),
    )
    .min(1, "Select at least one variant")
    .max(500, "At most 500 variants at once"),
  reason: z.string().trim().min(3, "Say why (e.g. price list of 1 December)").max(300).default("bulk edit"),
});

export const importsInput = z.strictObject({
  vendorId: z.uuid(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

export const importRef = z.strictObject({ vendorId: z.uuid(), importId: z.uuid() });
