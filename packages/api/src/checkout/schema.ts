import { z } from "zod";

import { PAYMENT_METHODS } from "../payments/provider";

const shippingChoice = z.strictObject({ vendorId: z.uuid(), methodId: z.uuid() });

export const startCheckoutInput = z.strictObject({
  addressId: z.uuid(),
  /** The shipping method picked per vendor; groups without a pick get the cheapest. */
  shipping: z.array(shippingChoice).max(50).default([]),
});

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export const placeOrderInput = z.strictObject({
  addressId: z.uuid(),
  shipping: z.array(shippingChoice).max(50).default([]),
  paymentMethod: z.enum(PAYMENT_METHODS).default("cod"),
  /** The total the shopper saw in checkout.start; when given and prices changed since, the order is refused. */
  expectedTotalAmount: z.number().int().min(0).optional(),
  /** The Idempotency-Key header takes precedence; this field is for callers without headers. */
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY, "8-128 letters, digits or _ . : -").optional(),
});
