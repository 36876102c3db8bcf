import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import type { LocalizedText } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";
import type { StoredLine, VariantNow } from "../cart/service";
import { emptyUserCart, userCartLines, variantsNow } from "../cart/service";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import type { FieldErrors } from "../core/errors";
import { Conflict, DomainError, NotFound, OutOfStock, ValidationFailed } from "../core/errors";
import type { LockedLevel, ReservationPlan } from "../inventory/reservations";
import { alertLowStock, lockStockStatement, planReservation, reservationWrites } from "../inventory/reservations";
import { pipeline } from "../core/pipeline";
import { orderPlacedJob } from "../jobs/definitions/order-notifications";
import { paymentProvider } from "../payments/provider";
import type { PaymentStart } from "../payments/provider";
import { quoteShipping } from "../shipping/quote";
import { preparedRows } from "../core/prepared";
import type { ShippingMethodRates } from "../shipping/quote";
import { commission, includedVat, orderNumber, VAT_RATE_BPS } from "./pricing";
import type { placeOrderInput, startCheckoutInput } from "./schema";
import { IDEMPOTENCY_KEY } from "./schema";

const { idempotencyKeys, orderEvents, orderLines, orders, vendorOrders } = schema;

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

interface QuoteAddress {
  id: string;
  recipientName: string;
  phone: string;
  region: string;
  city: string;
  street: string;
  postalCode: string | null;
}

type QuoteShippingMethod = ShippingMethodRates & {
  id: string;
  vendorId: string;
  name: LocalizedText;
  minDays: number;
  maxDays: number;
  pickupAddress: string | null;
};

/** What a quote is computed from: the shopper's address, the cart's variants as they are now, and their vendors' shipping methods. */
interface QuoteInputs {
  address: QuoteAddress | null;
  now: Map<string, VariantNow>;
  methods: QuoteShippingMethod[];
}

/**
 * The quote's reads: the variants (the cart's statement) beside one statement for the
 * address and the active shipping methods of the variants' vendors. Both are prepared per
 * connection, and they do not wait for each other.
 */
async function loadQuoteInputs(ctx: Context, userId: string, addressId: string, variantIds: string[]): Promise<QuoteInputs> {
  const [now, [context]] = await Promise.all([
    variantsNow(ctx, variantIds),
    preparedRows<{ address: QuoteAddress | null; methods: QuoteShippingMethod[] }>(
      ctx.db,
      sql`select
            (select json_build_object('id', a.id, 'recipientName', a.recipient_name, 'phone', a.phone, 'region', a.region,
                                      'city', a.city, 'street', a.street, 'postalCode', a.postal_code)
             from addresses a where a.id = ${addressId} and a.user_id = ${userId}) as address,
            (select coalesce(json_agg(json_build_object(
                      'id', m.id, 'vendorId', m.vendor_id, 'kind', m.kind, 'name', m.name, 'regions', m.regions,
                      'rateType', m.rate_type, 'baseAmount', m.base_amount, 'perKgAmount', m.per_kg_amount,
                      'freeOverAmount', m.free_over_amount, 'minDays', m.min_days, 'maxDays', m.max_days,
                      'pickupAddress', m.pickup_address, 'active', m.active) order by m.position, m.id), '[]')
             from shipping_methods m
             where m.active and m.vendor_id in (
               select pv.vendor_id from product_variants pv
               where pv.id = any((select ${`{${variantIds.join(",")}}`}::uuid[])::uuid[]))) as methods`,
    ),
  ]);
  return { now, address: context!.address, methods: context!.methods };
}

async function buildQuote(
  ctx: Context,
  userId: string,
  input: { addressId: string; shipping: { vendorId: string; methodId: string }[] },
): Promise<CheckoutQuote> {
  const stored = await userCartLines(ctx, userId);
  const inputs = await loadQuoteInputs(
    ctx,
    userId,
    input.addressId,
    stored.map((line) => line.variantId),
  );
  return priceQuote(inputs, stored, input);
}

/** Prices the cart's lines per vendor with VAT and shipping, and lists what stops the order. Pure. */
function priceQuote(
  { address, now, methods }: QuoteInputs,
  stored: StoredLine[],
  input: { shipping: { vendorId: string; methodId: string }[] },
): CheckoutQuote {
  if (!address) throw new NotFound("Address not found", { addressId: ["Choose one of your addresses"] });
  const problems: FieldErrors = {};
  if (stored.length === 0) problems.cart = ["The cart is empty"];
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
 * claim the idempotency key and lock the cart's stock rows → re-price the cart → plan the
 * reservation → write the order, its vendor orders (with shipping and a commission snapshot),
 * the ledger movements and reservations, the lines (with VAT and their warehouse), the
 * PENDING events and the stored response → enqueue the confirmation job. The cart is
 * emptied after commit.
 *
 * The statements go out in two pipelined rounds (core/pipeline.ts): the key claim, the
 * lock and the quote's reads together, then every write together, so an order costs four
 * round trips (BEGIN, two rounds, COMMIT) rather than one per statement. The key claim is
 * sent before the lock: a replay waiting on the first request's key holds no stock rows.
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

  for (let attempt = 1; ; attempt++) {
    try {
      // Read before the transaction: the cart is in the key-value store, and its lines say which stock rows to lock.
      const stored = await userCartLines(ctx, userId);
      const placed = await withTransaction(ctx, (tx) => placeInTransaction(tx, userId, input, stored, { scope, key, requestHash }, hooks));
      // The order is committed whatever happens now: a store hiccup emptying the cart must
      // not turn it into an error the shopper would retry with a new key.
      await emptyUserCart(ctx, userId).catch((error: unknown) =>
        ctx.log.warn({ err: error, orderId: placed.orderId }, "cart not emptied after the order was placed"),
      );
      return placed;
    } catch (error) {
      if (error instanceof KeyTaken) {
        const earlier = await storedResult(ctx, scope, key, requestHash);
        if (earlier) return earlier;
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
  stored: StoredLine[],
  idem: { scope: string; key: string; requestHash: string },
  hooks: PlaceOrderHooks,
): Promise<PlacedOrder> {
  const step = async (name: PlaceOrderStep) => hooks.afterStep?.(name, tx);
  const variantIds = stored.map((line) => line.variantId);

  // Round one: claim the key, then lock the stock rows (in that order on the wire), with the quote's reads beside them.
  const [[claimed, locked], inputs, [next]] = await Promise.all([
    pipeline(tx.db, [
      tx.db
        .insert(idempotencyKeys)
        .values({ scope: idem.scope, key: idem.key, requestHash: idem.requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key }),
      lockStockStatement(variantIds),
    ]),
    loadQuoteInputs(tx, userId, input.addressId, variantIds),
    // The order number and the shopper's language (the order's documents use it).
    preparedRows<{ n: number; locale: string | null }>(
      tx.db,
      sql`select nextval('order_number_seq')::int as n, (select locale from users where id = ${userId}) as locale`,
    ),
  ]);
  if (claimed!.length === 0) throw new KeyTaken();
  await step("key-claimed");

  const quote = priceQuote(inputs, stored, input);
  // Stock shortfalls are left to the reservation plan, which decides on the locked rows and says OUT_OF_STOCK.
  const short = (variantId: string) => {
    const variant = inputs.now.get(variantId);
    return variant !== undefined && variant.purchasable && variant.available < stored.find((l) => l.variantId === variantId)!.quantity;
  };
  const blocking = Object.fromEntries(
    Object.entries(quote.problems).filter(([path]) => !(path.startsWith("lines.") && short(path.slice("lines.".length)))),
  );
  if (Object.keys(blocking).length > 0) throw new ValidationFailed("The order cannot be placed as it is", blocking);
  if (input.expectedTotalAmount !== undefined && input.expectedTotalAmount !== quote.grandTotalAmount)
    throw new Conflict("Prices or delivery costs changed since you reviewed the order", {
      expectedTotalAmount: [`The total is now ${quote.grandTotalAmount}; review the order again`],
    });
  await step("priced");

  const now = tx.clock.now();
  const number = orderNumber(now.getUTCFullYear(), Number(next!.n));
  const orderId = newId();
  const created: PlacedOrder["vendorOrders"] = quote.groups.map((group, index) => ({
    id: newId(),
    number: `${number}-${index + 1}`,
    vendorId: group.vendorId,
    totalAmount: group.totalAmount,
  }));
  const autoCancelMinutes = tx.config.orderAutoCancelMinutes ?? 2880;
  let plan: ReservationPlan;
  try {
    plan = planReservation(
      locked as unknown as LockedLevel[],
      quote.groups.flatMap((group, index) =>
        group.lines.map((line) => ({ vendorOrderId: created[index]!.id, variantId: line.variantId, quantity: line.quantity })),
      ),
      quote.address.region,
    );
  } catch (error) {
    // Same field paths as checkout.start's problems, so the page marks the same lines.
    if (error instanceof OutOfStock)
      throw new OutOfStock(
        error.message,
        Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([variantId, messages]) => [`lines.${variantId}`, messages])),
      );
    throw error;
  }
  const reservation = reservationWrites(tx, plan, {
    // Cash on delivery: the hold lasts until the vendor confirms, or the order is cancelled.
    expiresAt: new Date(now.getTime() + autoCancelMinutes * 60_000),
    reference: `order:${number}`,
    actorId: userId,
  });
  const payment = await paymentProvider(input.paymentMethod).start(tx, {
    orderId,
    number,
    amount: quote.grandTotalAmount,
    currency: quote.currency,
  });
  const response: PlacedOrder = {
    orderId,
    number,
    status: "PENDING",
    grandTotalAmount: quote.grandTotalAmount,
    currency: "UZS",
    payment: { method: input.paymentMethod, ...payment },
    vendorOrders: created,
  };

  // Round two: every write, parents before children. The jobs go through the queue's own statements, beside them.
  const [[, , moved]] = await Promise.all([
    pipeline(tx.db, [
      orderInsert(tx, { orderId, number, userId, quote, input, idem, locale: next!.locale ?? "uz", now }),
      vendorOrdersInsert(tx, { orderId, quote, created, now }),
      ...reservation.statements,
      orderLinesInsert(tx, { quote, created, allocations: plan.allocations }),
      tx.db.insert(orderEvents).values(
        created.map((vendorOrder) => ({
          orderId,
          vendorOrderId: vendorOrder.id,
          actorId: userId,
          actorRole: "customer",
          fromStatus: null,
          toStatus: "PENDING" as const,
          reason: "order placed",
          createdAt: now,
        })),
      ),
      tx.db
        .update(idempotencyKeys)
        .set({ orderId, response })
        .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key))),
    ]),
    tx.jobs.enqueue(tx.db, orderPlacedJob, { orderId }),
    alertLowStock(tx, plan),
  ]);
  reservation.checkMoved(moved!);
  for (const name of ["stock-reserved", "order-written", "events-written", "jobs-enqueued", "response-stored"] as const) await step(name);
  return response;
}

interface OrderWrite {
  orderId: string;
  quote: CheckoutQuote;
  now: Date;
}

function orderInsert(
  tx: Context,
  o: OrderWrite & {
    number: string;
    userId: string;
    input: z.infer<typeof placeOrderInput>;
    idem: { key: string };
    locale: string;
  },
) {
  const { quote } = o;
  return tx.db.insert(orders).values({
    id: o.orderId,
    number: o.number,
    customerId: o.userId,
    status: "PENDING",
    itemsTotalAmount: quote.itemsTotalAmount,
    shippingTotalAmount: quote.shippingTotalAmount,
    vatTotalAmount: quote.vatTotalAmount,
    grandTotalAmount: quote.grandTotalAmount,
    paymentMethod: o.input.paymentMethod,
    idempotencyKey: o.idem.key,
    shippingAddress: {
      recipientName: quote.address.recipientName,
      phone: quote.address.phone,
      region: quote.address.region,
      city: quote.address.city,
      street: quote.address.street,
      ...(quote.address.postalCode ? { postalCode: quote.address.postalCode } : {}),
    },
    locale: o.locale,
    // The context's clock, not the database's: auto-cancel measures age with the same clock.
    createdAt: o.now,
    updatedAt: o.now,
  });
}

function vendorOrdersInsert(tx: Context, o: OrderWrite & { created: PlacedOrder["vendorOrders"] }) {
  return tx.db.insert(vendorOrders).values(
    o.quote.groups.map((group, index) => ({
      id: o.created[index]!.id,
      orderId: o.orderId,
      vendorId: group.vendorId,
      number: o.created[index]!.number,
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
      createdAt: o.now,
      updatedAt: o.now,
    })),
  );
}

/** A line served from one warehouse records it; a split line leaves it to the reservations. */
function orderLinesInsert(
  tx: Context,
  o: { quote: CheckoutQuote; created: PlacedOrder["vendorOrders"]; allocations: ReservationPlan["allocations"] },
) {
  return tx.db.insert(orderLines).values(
    o.quote.groups.flatMap((group, index) =>
      group.lines.map((line) => {
        const parts = o.allocations.filter((a) => a.vendorOrderId === o.created[index]!.id && a.variantId === line.variantId);
        return {
          vendorOrderId: o.created[index]!.id,
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
}

/** Keys are kept 30 days: long enough for any client retry, short enough to keep the table small. */
export async function pruneIdempotencyKeys(ctx: Context, olderThanDays = 30): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - olderThanDays * 24 * 3600_000);
  const deleted = await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return { deleted: deleted.length };
}
