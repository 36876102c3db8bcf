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
import type { PipelinedStatement } from "../core/pipeline";
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

const { idempotencyKeys } = schema;

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
  const [[, moved]] = await Promise.all([
    pipeline(tx.db, [
      orderWrite({ orderId, number, userId, quote, input, idem, locale: next!.locale ?? "uz", now, created, plan, response }),
      ...reservation.statements,
    ]),
    tx.jobs.enqueue(tx.db, orderPlacedJob, { orderId }),
    alertLowStock(tx, plan),
  ]);
  reservation.checkMoved(moved!);
  for (const name of ["stock-reserved", "order-written", "events-written", "jobs-enqueued", "response-stored"] as const) await step(name);
  return response;
}

/**
 * The order, its vendor orders, lines and PENDING events, and the response stored under the
 * idempotency key, in one statement of fixed text (prepared once per connection; nothing is
 * built per order): each table's rows come from one JSON document. Foreign keys are checked
 * at the end of the statement, when every row exists.
 */
const ORDER_WRITE = `
with doc as (select $1::jsonb as d),
placed_order as (
  insert into orders (id, number, customer_id, status, items_total_amount, shipping_total_amount, vat_total_amount,
                      grand_total_amount, payment_method, idempotency_key, shipping_address, locale, created_at, updated_at)
  select r.id, r.number, r.customer_id, 'PENDING', r.items_total_amount, r.shipping_total_amount, r.vat_total_amount,
         r.grand_total_amount, r.payment_method, r.idempotency_key, r.shipping_address, r.locale, r.created_at, r.created_at
  from doc, jsonb_to_record(d->'order') as r(id uuid, number text, customer_id uuid, items_total_amount bigint,
    shipping_total_amount bigint, vat_total_amount bigint, grand_total_amount bigint, payment_method text,
    idempotency_key text, shipping_address jsonb, locale text, created_at timestamptz)
), placed_vendor_orders as (
  insert into vendor_orders (id, order_id, vendor_id, number, status, items_total_amount, shipping_amount, total_amount,
                             vat_amount, commission_rate_bps, commission_amount, shipping_method_id, shipping_method,
                             delivery_min_days, delivery_max_days, created_at, updated_at)
  select r.id, r.order_id, r.vendor_id, r.number, 'PENDING', r.items_total_amount, r.shipping_amount, r.total_amount,
         r.vat_amount, r.commission_rate_bps, r.commission_amount, r.shipping_method_id, r.shipping_method,
         r.delivery_min_days, r.delivery_max_days, r.created_at, r.created_at
  from doc, jsonb_to_recordset(d->'vendorOrders') as r(id uuid, order_id uuid, vendor_id uuid, number text,
    items_total_amount bigint, shipping_amount bigint, total_amount bigint, vat_amount bigint, commission_rate_bps int,
    commission_amount bigint, shipping_method_id uuid, shipping_method text, delivery_min_days int, delivery_max_days int,
    created_at timestamptz)
), placed_lines as (
  insert into order_lines (id, vendor_order_id, variant_id, warehouse_id, sku, title, ikpu_code, quantity,
                           unit_price_amount, vat_rate_bps, vat_amount, line_total_amount)
  select r.id, r.vendor_order_id, r.variant_id, r.warehouse_id, r.sku, r.title, r.ikpu_code, r.quantity,
         r.unit_price_amount, r.vat_rate_bps, r.vat_amount, r.line_total_amount
  from doc, jsonb_to_recordset(d->'lines') as r(id uuid, vendor_order_id uuid, variant_id uuid, warehouse_id uuid,
    sku text, title jsonb, ikpu_code text, quantity int, unit_price_amount bigint, vat_rate_bps int, vat_amount bigint,
    line_total_amount bigint)
), placed_events as (
  insert into order_events (id, order_id, vendor_order_id, actor_id, actor_role, from_status, to_status, reason,
                            created_at, updated_at)
  select r.id, r.order_id, r.vendor_order_id, r.actor_id, 'customer', null, 'PENDING', 'order placed',
         r.created_at, r.created_at
  from doc, jsonb_to_recordset(d->'events') as r(id uuid, order_id uuid, vendor_order_id uuid, actor_id uuid,
    created_at timestamptz)
)
update idempotency_keys k set order_id = (d->>'orderId')::uuid, response = d->'response', updated_at = now()
from doc where k.scope = d->>'scope' and k.key = d->>'key'`;

function orderWrite(o: {
  orderId: string;
  number: string;
  userId: string;
  quote: CheckoutQuote;
  input: z.infer<typeof placeOrderInput>;
  idem: { scope: string; key: string };
  locale: string;
  now: Date;
  created: PlacedOrder["vendorOrders"];
  plan: ReservationPlan;
  response: PlacedOrder;
}): PipelinedStatement {
  const { quote, created, now } = o;
  const address = quote.address;
  const document = {
    orderId: o.orderId,
    scope: o.idem.scope,
    key: o.idem.key,
    response: o.response,
    order: {
      id: o.orderId,
      number: o.number,
      customer_id: o.userId,
      items_total_amount: quote.itemsTotalAmount,
      shipping_total_amount: quote.shippingTotalAmount,
      vat_total_amount: quote.vatTotalAmount,
      grand_total_amount: quote.grandTotalAmount,
      payment_method: o.input.paymentMethod,
      idempotency_key: o.idem.key,
      shipping_address: {
        recipientName: address.recipientName,
        phone: address.phone,
        region: address.region,
        city: address.city,
        street: address.street,
        ...(address.postalCode ? { postalCode: address.postalCode } : {}),
      },
      locale: o.locale,
      // The context's clock, not the database's: auto-cancel measures age with the same clock.
      created_at: now,
    },
    vendorOrders: quote.groups.map((group, index) => ({
      id: created[index]!.id,
      order_id: o.orderId,
      vendor_id: group.vendorId,
      number: created[index]!.number,
      items_total_amount: group.itemsTotalAmount,
      shipping_amount: group.shipping!.amount,
      total_amount: group.totalAmount,
      vat_amount: group.vatAmount,
      commission_rate_bps: group.commissionRateBps,
      commission_amount: commission(group.itemsTotalAmount, group.commissionRateBps),
      shipping_method_id: group.shipping!.methodId,
      shipping_method: `${group.shipping!.kind}: ${group.shipping!.name.uz}`,
      delivery_min_days: group.shipping!.minDays,
      delivery_max_days: group.shipping!.maxDays,
      created_at: now,
    })),
    lines: quote.groups.flatMap((group, index) =>
      group.lines.map((line) => {
        // A line served from one warehouse records it; a split line leaves it to the reservations.
        const parts = o.plan.allocations.filter((a) => a.vendorOrderId === created[index]!.id && a.variantId === line.variantId);
        return {
          id: newId(),
          vendor_order_id: created[index]!.id,
          variant_id: line.variantId,
          warehouse_id: parts.length === 1 ? parts[0]!.warehouseId : null,
          sku: line.sku,
          title: line.title,
          ikpu_code: line.ikpuCode,
          quantity: line.quantity,
          unit_price_amount: line.unitPriceAmount,
          vat_rate_bps: line.vatRateBps,
          vat_amount: line.vatAmount,
          line_total_amount: line.lineTotalAmount,
        };
      }),
    ),
    events: created.map((vendorOrder) => ({
      id: newId(),
      order_id: o.orderId,
      vendor_order_id: vendorOrder.id,
      actor_id: o.userId,
      created_at: now,
    })),
  };
  return { text: ORDER_WRITE, params: [JSON.stringify(document)] };
}

/** Keys are kept 30 days: long enough for any client retry, short enough to keep the table small. */
export async function pruneIdempotencyKeys(ctx: Context, olderThanDays = 30): Promise<{ deleted: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - olderThanDays * 24 * 3600_000);
  const deleted = await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return { deleted: deleted.length };
}
