import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import type { LocalizedText } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { emptyUserCart, userCartLines, variantsNow } from "../cart/service";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import type { FieldErrors } from "../core/errors";
import { Conflict, DomainError, NotFound, OutOfStock, ValidationFailed } from "../core/errors";
import { reserveStock } from "../inventory/reservations";
import { orderPlacedJob } from "../jobs/definitions/order-notifications";
import { paymentProvider } from "../payments/provider";
import type { PaymentStart } from "../payments/provider";
import { quoteShipping } from "../shipping/quote";
import { activeMethodsOf } from "../shipping/service";
import { commission, includedVat, orderNumber, VAT_RATE_BPS } from "./pricing";
import type { placeOrderInput, startCheckoutInput } from "./schema";
import { IDEMPOTENCY_KEY } from "./schema";

const { addresses, idempotencyKeys, orderEvents, orderLines, orders, vendorOrders } = schema;

type ShopperContext = Context & { session: UserSession };

// ── the priced summary (checkout.start, and again inside placeOrder) ─────────────────

export interface QuoteLine {
  variantId: string;
  productId: string;
  sku: string;
  title: LocalizedText;
  ikpuCode: string | null;
  quantity: number;
  unitPriceAmount: number;
  lineTotalAmount: number;
  vatRateBps: number;
  vatAmount: number;
  available: number;
}

export interface ShippingOption {
  methodId: string;
  kind: "courier" | "pickup";
  name: LocalizedText;
  amount: number;
  minDays: number;
  maxDays: number;
  pickupAddress: string | null;
}

export interface QuoteGroup {
  vendorId: string;
  vendorName: string;
  commissionRateBps: number;
  lines: QuoteLine[];
  itemsTotalAmount: number;
  vatAmount: number;
  weightGrams: number;
  shippingOptions: ShippingOption[];
  shipping: ShippingOption | null;
  totalAmount: number;
}

export interface CheckoutQuote {
  address: { id: string; recipientName: string; phone: string; region: string; city: string; street: string; postalCode: string | null };
  groups: QuoteGroup[];
  itemsTotalAmount: number;
  shippingTotalAmount: number;
  vatTotalAmount: number;
  grandTotalAmount: number;
  currency: "UZS";
  /** Field path → what stops the order (an empty object: it can be placed). */
  problems: FieldErrors;
}

async function buildQuote(
  ctx: Context,
  userId: string,
  input: { addressId: string; shipping: { vendorId: string; methodId: string }[] },
): Promise<CheckoutQuote> {
  const [address] = await ctx.db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, input.addressId), eq(addresses.userId, userId)));
  if (!address) throw new NotFound("Address not found", { addressId: ["Choose one of your addresses"] });

  const stored = await userCartLines(ctx, userId);
  const problems: FieldErrors = {};
  if (stored.length === 0) problems.cart = ["The cart is empty"];
  const now = await variantsNow(
    ctx,
    stored.map((line) => line.variantId),
  );
  const vendorIds = [...new Set([...now.values()].map((variant) => variant.vendorId))];
  const methods = await activeMethodsOf(ctx, vendorIds);
  const chosen = new Map(input.shipping.map((choice) => [choice.vendorId, choice.methodId]));

  const groups = new Map<string, QuoteGroup>();
  for (const line of stored) {
    const variant = now.get(line.variantId);
    if (!variant || !variant.purchasable) {
      problems[`lines.${line.variantId}`] = ["This item is no longer sold; remove it from the cart"];
      continue;
    }
    if (variant.available < line.quantity)
      problems[`lines.${line.variantId}`] = [variant.available > 0 ? `Only ${variant.available} left in stock` : "Out of stock"];
    const group = groups.get(variant.vendorId) ?? {
      vendorId: variant.vendorId,
      vendorName: variant.vendorName,
      commissionRateBps: variant.commissionRateBps,
      lines: [],
      itemsTotalAmount: 0,
      vatAmount: 0,
      weightGrams: 0,
      shippingOptions: [],
      shipping: null,
      totalAmount: 0,
    };
    const lineTotalAmount = variant.priceAmount * line.quantity;
    const vatAmount = includedVat(lineTotalAmount);
    group.lines.push({
      variantId: variant.variantId,
      productId: variant.productId,
      sku: variant.sku,
      title: variant.title,
      ikpuCode: variant.ikpuCode,
      quantity: line.quantity,
      unitPriceAmount: variant.priceAmount,
      lineTotalAmount,
      vatRateBps: VAT_RATE_BPS,
      vatAmount,
      available: Math.max(0, variant.available),
    });
    group.itemsTotalAmount += lineTotalAmount;
    group.vatAmount += vatAmount;
    group.weightGrams += (variant.weightGrams ?? 0) * line.quantity;
    groups.set(variant.vendorId, group);
  }

  for (const group of groups.values()) {
    for (const method of methods.filter((m) => m.vendorId === group.vendorId)) {
      const amount = quoteShipping(method, {
        region: address.region,
        itemsTotalAmount: group.itemsTotalAmount,
        weightGrams: group.weightGrams,
      });
      if (amount === null) continue;
      group.shippingOptions.push({
        methodId: method.id,
        kind: method.kind,
        name: method.name,
        amount,
        minDays: method.minDays,
        maxDays: method.maxDays,
        pickupAddress: method.pickupAddress,
      });
    }
    const pick = chosen.get(group.vendorId);
    if (pick) {
      group.shipping = group.shippingOptions.find((option) => option.methodId === pick) ?? null;
      if (!group.shipping) problems[`shipping.${group.vendorId}`] = ["This delivery method is not available for the address"];
    } else {
      group.shipping = [...group.shippingOptions].sort((a, b) => a.amount - b.amount || a.maxDays - b.maxDays)[0] ?? null;
      if (!group.shipping) problems[`shipping.${group.vendorId}`] = [`${group.vendorName} does not deliver to this region`];
    }
    group.totalAmount = group.itemsTotalAmount + (group.shipping?.amount ?? 0);
  }

  const list = [...groups.values()];
  const itemsTotalAmount = list.reduce((sum, g) => sum + g.itemsTotalAmount, 0);
  const shippingTotalAmount = list.reduce((sum, g) => sum + (g.shipping?.amount ?? 0), 0);
  return {
    address: {
      id: address.id,
      recipientName: address.recipientName,
      phone: address.phone,
      region: address.region,
      city: address.city,
      street: address.street,
      postalCode: address.postalCode,
    },
    groups: list,
    itemsTotalAmount,
    shippingTotalAmount,
    vatTotalAmount: list.reduce((sum, g) => sum + g.vatAmount, 0),
    grandTotalAmount: itemsTotalAmount + shippingTotalAmount,
    currency: "UZS",
    problems,
  };
}

/** Validates the signed-in shopper's cart against prices, stock, the address and shipping, and prices it per vendor. */
export async function startCheckout(ctx: ShopperContext, input: z.infer<typeof startCheckoutInput>): Promise<CheckoutQuote> {
  return buildQuote(ctx, ctx.session.userId, input);
}

// ── placing the order ───────────────────────────────────────────────────────────────

export interface PlacedOrder {
  orderId: string;
  number: string;
  status: "PENDING";
  grandTotalAmount: number;
  currency: "UZS";
  payment: { method: string } & PaymentStart;
  vendorOrders: { id: string; number: string; vendorId: string; totalAmount: number }[];
}

/** Steps of placeOrder's transaction, named so tests can abort it at each one. */
export type PlaceOrderStep =
  "key-claimed" | "priced" | "stock-reserved" | "order-written" | "events-written" | "jobs-enqueued" | "response-stored";

export interface PlaceOrderHooks {
  afterStep?: (step: PlaceOrderStep, tx: Context) => Promise<void> | void;
}

/** Another request already holds the key; its committed result is read after this transaction ends. */
class KeyTaken extends Error {}

function canonicalHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  // Deadlocks cannot arise from the lock order used here, but a retry keeps any that some
  // other writer causes (and serialization failures) from reaching the shopper.
  return code === "40P01" || code === "40001";
}

async function storedResult(ctx: Context, scope: string, key: string, requestHash: string): Promise<PlacedOrder | null> {
  const [row] = await ctx.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  if (row.requestHash !== requestHash)
    throw new Conflict("This Idempotency-Key was used for a different order", {
      idempotencyKey: ["This key was already used with a different request; use a new key for a new order"],
    });
  return row.response as PlacedOrder;
}

/**
 * Places one customer order with one vendor order per vendor, in one transaction:
 * claim the idempotency key → re-price the cart → write the orders (with shipping and a
 * commission snapshot) → reserve stock (summed per variant, locks in a fixed order) → write
 * the lines (with VAT and their warehouse) → record the PENDING events → start the payment (no network) → enqueue the
 * confirmation job → store the response under the key. The cart is emptied after commit.
 *
 * A replay with the same key and body returns the stored response; a different body is
 * refused. Replays running at the same time wait on the first one's key row (the insert
 * blocks until it commits or aborts) and then return its response, so there is only ever
 * one order per key. A failure (out of stock, bad address) stores nothing, so the key can
 * be retried.
 */
export async function placeOrder(
  ctx: ShopperContext,
  input: z.infer<typeof placeOrderInput>,
  hooks: PlaceOrderHooks = {},
): Promise<PlacedOrder> {
  const key = ctx.request.idempotencyKey ?? input.idempotencyKey;
  if (!key || !IDEMPOTENCY_KEY.test(key))
    throw new ValidationFailed("An Idempotency-Key is required", {
      idempotencyKey: ["Send an Idempotency-Key header (8-128 letters, digits or _ . : -), new for each order"],
    });
  const userId = ctx.session.userId;
  const scope = `checkout:${userId}`;
  const { idempotencyKey: _key, ...body } = input;
  const requestHash = canonicalHash({
    ...body,
    shipping: [...body.shipping].sort((a, b) => a.vendorId.localeCompare(b.vendorId)),
  });

  const earlier = await storedResult(ctx, scope, key, requestHash);
  if (earlier) return earlier;

  for (let attempt = 1; ; attempt++) {
    try {
      const placed = await withTransaction(ctx, (tx) => placeInTransaction(tx, userId, input, { scope, key, requestHash }, hooks));
      // The order is committed whatever happens now: a store hiccup emptying the cart must
      // not turn it into an error the shopper would retry with a new key.
      await emptyUserCart(ctx, userId).catch((error: unknown) =>
        ctx.log.warn({ err: error, orderId: placed.orderId }, "cart not emptied after the order was placed"),
      );
      return placed;
    } catch (error) {
      if (error instanceof KeyTaken) {
        const stored = await storedResult(ctx, scope, key, requestHash);
        if (stored) return stored;
        // The holder aborted between our insert and this read; run again.
        continue;
      }
      if (!(error instanceof DomainError) && isRetryable(error) && attempt < 4) continue;
      throw error;
    }
  }
}

async function placeInTransaction(
  tx: Context,
  userId: string,
  input: z.infer<typeof placeOrderInput>,
  idem: { scope: string; key: string; requestHash: string },
  hooks: PlaceOrderHooks,
): Promise<PlacedOrder> {
  const step = async (name: PlaceOrderStep) => hooks.afterStep?.(name, tx);
  const claimed = await tx.db
    .insert(idempotencyKeys)
    .values({ scope: idem.scope, key: idem.key, requestHash: idem.requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) throw new KeyTaken();
  await step("key-claimed");

  const quote = await buildQuote(tx, userId, input);
  // Stock shortfalls are left to reserveStock, which checks them under lock and says OUT_OF_STOCK.
  const blocking = Object.fromEntries(
    Object.entries(quote.problems).filter(([path, messages]) => !(path.startsWith("lines.") && /stock/i.test(messages.join(" ")))),
  );
  if (Object.keys(blocking).length > 0) throw new ValidationFailed("The order cannot be placed as it is", blocking);
  if (input.expectedTotalAmount !== undefined && input.expectedTotalAmount !== quote.grandTotalAmount)
    throw new Conflict("Prices or delivery costs changed since you reviewed the order", {
      expectedTotalAmount: [`The total is now ${quote.grandTotalAmount}; review the order again`],
    });
  await step("priced");

  const now = tx.clock.now();
  // One round trip for the number and the shopper's language (the order's documents use it).
  const [next] = (await tx.db.execute(
    sql`select nextval('order_number_seq')::int as n, (select locale from users where id = ${userId}) as locale`,
  )) as unknown as [{ n: number; locale: string | null }];
  const number = orderNumber(now.getUTCFullYear(), Number(next!.n));
  const [order] = await tx.db
    .insert(orders)
    .values({
      number,
      customerId: userId,
      status: "PENDING",
      itemsTotalAmount: quote.itemsTotalAmount,
      shippingTotalAmount: quote.shippingTotalAmount,
      vatTotalAmount: quote.vatTotalAmount,
      grandTotalAmount: quote.grandTotalAmount,
      paymentMethod: input.paymentMethod,
      idempotencyKey: idem.key,
      shippingAddress: {
        recipientName: quote.address.recipientName,
        phone: quote.address.phone,
        region: quote.address.region,
        city: quote.address.city,
        street: quote.address.street,
        ...(quote.address.postalCode ? { postalCode: quote.address.postalCode } : {}),
      },
      locale: next!.locale ?? "uz",
      // The context's clock, not the database's: auto-cancel measures age with the same clock.
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: orders.id });
  // Every vendor order in one insert; the rows come back matched by their unique number.
  const vendorOrderRows = await tx.db
    .insert(vendorOrders)
    .values(
      quote.groups.map((group, index) => ({
        orderId: order!.id,
        vendorId: group.vendorId,
        number: `${number}-${index + 1}`,
        status: "PENDING" as const,
        itemsTotalAmount: group.itemsTotalAmount,
        shippingAmount: group.shipping!.amount,
        totalAmount: group.totalAmount,
        vatAmount: group.vatAmount,
        commissionRateBps: group.commissionRateBps,
        commissionAmount: commission(group.itemsTotalAmount, group.commissionRateBps),
        shippingMethodId: group.shipping!.methodId,
        shippingMethod: `${group.shipping!.kind}: ${group.shipping!.name.uz}`,
        deliveryMinDays: group.shipping!.minDays,
        deliveryMaxDays: group.shipping!.maxDays,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: vendorOrders.id, number: vendorOrders.number });
  const idOfNumber = new Map(vendorOrderRows.map((row) => [row.number, row.id]));
  const created: PlacedOrder["vendorOrders"] = quote.groups.map((group, index) => ({
    id: idOfNumber.get(`${number}-${index + 1}`)!,
    number: `${number}-${index + 1}`,
    vendorId: group.vendorId,
    totalAmount: group.totalAmount,
  }));
  const reserveLines = quote.groups.flatMap((group, index) =>
    group.lines.map((line) => ({ vendorOrderId: created[index]!.id, variantId: line.variantId, quantity: line.quantity })),
  );

  const autoCancelMinutes = tx.config.orderAutoCancelMinutes ?? 2880;
  const allocations = await reserveStock(tx, {
    lines: reserveLines,
    destinationRegion: quote.address.region,
    // Cash on delivery: the hold lasts until the vendor confirms, or the order is cancelled.
    expiresAt: new Date(now.getTime() + autoCancelMinutes * 60_000),
    reference: `order:${number}`,
    actorId: userId,
  }).catch((error: unknown) => {
    // Same field paths as checkout.start's problems, so the page marks the same lines.
    if (error instanceof OutOfStock)
      throw new OutOfStock(
        error.message,
        Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([variantId, messages]) => [`lines.${variantId}`, messages])),
      );
    throw error;
  });
  await step("stock-reserved");

  // The lines are written after the reservation so that a line served from one warehouse
  // records it in the same insert; a split line leaves it to the reservations.
  await tx.db.insert(orderLines).values(
    quote.groups.flatMap((group, index) =>
      group.lines.map((line) => {
        const parts = allocations.filter((a) => a.vendorOrderId === created[index]!.id && a.variantId === line.variantId);
        return {
          vendorOrderId: created[index]!.id,
          variantId: line.variantId,
          warehouseId: parts.length === 1 ? parts[0]!.warehouseId : null,
          sku: line.sku,
          title: line.title,
          ikpuCode: line.ikpuCode,
          quantity: line.quantity,
          unitPriceAmount: line.unitPriceAmount,
          vatRateBps: line.vatRateBps,
          vatAmount: line.vatAmount,
          lineTotalAmount: line.lineTotalAmount,
        };
      }),
    ),
  );
  await step("order-written");

  await tx.db.insert(orderEvents).values(
    created.map((vendorOrder) => ({
      orderId: order!.id,
      vendorOrderId: vendorOrder.id,
      actorId: userId,
      actorRole: "customer",
      fromStatus: null,
      toStatus: "PENDING",
      reason: "order placed",
      createdAt: now,
    })),
  );
  await step("events-written");

  const payment = await paymentProvider(input.paymentMethod).start(tx, {
    orderId: order!.id,
    number,
    amount: quote.grandTotalAmount,
    currency: quote.currency,
  });
  await tx.jobs.enqueue(tx.db, orderPlacedJob, { orderId: order!.id });
  await step("jobs-enqueued");

  const response: PlacedOrder = {
    orderId: order!.id,
    number,
    status: "PENDING",
    grandTotalAmount: quote.grandTotalAmount,
    currency: "UZS",
    payment: { method: input.paymentMethod, ...payment },
    vendorOrders: created,
  };
  await tx.db
    .update(idempotencyKeys)
    .set({ orderId: order!.id, response })
    .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)));
  await step("response-stored");
  return response;
}

/** Keys are kept 30 days: long enough for any client retry, short enough to keep the table small. */
export async function pruneIdempotencyKeys(ctx: Context, olderThanDays = 30): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - olderThanDays * 24 * 3600_000);
  const deleted = await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return { deleted: deleted.length };
}
