import type { Context } from "../core/context";

export const PAYMENT_METHODS = ["cod"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the shopper is told to do after placing the order. */
export type PaymentStart = { status: "due_on_delivery" } | { status: "redirect"; url: string };

/**
 * One way to pay. `start` runs inside the order's transaction, after stock is reserved, so
 * it must not call the network (a slow provider would hold the stock locks; see Saleor
 * #11069): card and wallet providers will create their payment session after commit and
 * confirm the order from a verified webhook. Cash on delivery has nothing to call.
 */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  start(ctx: Context, order: { orderId: string; number: string; amount: number; currency: string }): Promise<PaymentStart>;
}

export const cashOnDelivery: PaymentProvider = {
  method: "cod",
  start: () => Promise.resolve({ status: "due_on_delivery" }),
};

const PROVIDERS: Record<PaymentMethod, PaymentProvider> = { cod: cashOnDelivery };

export function paymentProvider(method: PaymentMethod): PaymentProvider {
  return PROVIDERS[method];
}
