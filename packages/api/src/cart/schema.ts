import { z } from "zod";

/** Per-line and per-cart limits: a shopper's cart, not a wholesale order. */
export const CART_LIMITS = {
  /** Most units of one variant in a cart. */
  maxLineQuantity: 20,
  /** Most different variants in a cart. */
  maxLines: 50,
} as const;

export const addItemInput = z.strictObject({
  variantId: z.uuid(),
  quantity: z.number().int().min(1).max(CART_LIMITS.maxLineQuantity).default(1),
});

export const updateItemInput = z.strictObject({
  variantId: z.uuid(),
  /** 0 removes the line. */
  quantity: z.number().int().min(0).max(CART_LIMITS.maxLineQuantity),
});

export const removeItemInput = z.strictObject({ variantId: z.uuid() });
