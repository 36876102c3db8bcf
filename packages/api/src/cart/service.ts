import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { z } from "zod";

import type { LocalizedText } from "@ultramarket/db";
import type { Context } from "../core/context";
import { preparedRows } from "../core/prepared";
import { NotFound, OutOfStock, ValidationFailed } from "../core/errors";
import type { addItemInput, removeItemInput, updateItemInput } from "./schema";
import { CART_LIMITS } from "./schema";

const GUEST_TTL_SECONDS = 30 * 24 * 3600;
const USER_TTL_SECONDS = 90 * 24 * 3600;

// ── where a cart lives ───────────────────────────────────────────────────────────────
//
// A cart is one KV hash: `q:<variant>` holds the quantity (moved with HINCRBY, so two
// tabs adding at once both count) and `s:<variant>` what the shopper last saw of that
// line (price, whether it was available), which is how changes are noticed on the next
// read. Prices, stock and totals are never stored: they are read fresh every time.

function sign(secret: Uint8Array, guestId: string): string {
  return createHmac("sha256", secret).update(`cart:${guestId}`).digest("base64url").slice(0, 32);
}

/** `<id>.<signature>`: the cookie cannot be edited to reach another guest's cart. */
export function guestCartToken(secret: Uint8Array, guestId: string): string {
  return `${guestId}.${sign(secret, guestId)}`;
}

export function verifyGuestCartToken(secret: Uint8Array, token: string | null): string | null {
  if (!token) return null;
  const [guestId, signature] = token.split(".");
  if (!guestId || !signature || !/^[A-Za-z0-9_-]{22,32}$/.test(guestId)) return null;
  const expected = Buffer.from(sign(secret, guestId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? guestId : null;
}

/** Variant ids are ASCII (UUIDs): plain comparison, not the locale-aware collation of `localeCompare`. */
const byVariantId = (a: { variantId: string }, b: { variantId: string }) =>
  a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0;

const userCartKey = (userId: string) => `cart:u:${userId}`;
const guestCartKey = (guestId: string) => `cart:g:${guestId}`;

function userIdOf(ctx: Context): string | null {
  return ctx.session?.kind === "user" ? ctx.session.userId : null;
}

/** The caller's cart: the user's when signed in, else the guest cart of the cookie (made on first write). */
function cartOf(ctx: Context, create: boolean): { key: string; ttl: number } | null {
  const userId = userIdOf(ctx);
  if (userId) return { key: userCartKey(userId), ttl: USER_TTL_SECONDS };
  const guestId = verifyGuestCartToken(ctx.authSecret, ctx.cartCookie.read());
  if (guestId) return { key: guestCartKey(guestId), ttl: GUEST_TTL_SECONDS };
  if (!create) return null;
  const fresh = randomBytes(16).toString("base64url");
  ctx.cartCookie.set(guestCartToken(ctx.authSecret, fresh), new Date(ctx.clock.now().getTime() + GUEST_TTL_SECONDS * 1000));
  return { key: guestCartKey(fresh), ttl: GUEST_TTL_SECONDS };
}

interface Seen {
  price: number;
  available: boolean;
}

export interface StoredLine {
  variantId: string;
  quantity: number;
  seen: Seen | null;
}

async function readLines(ctx: Context, key: string): Promise<StoredLine[]> {
  const hash = await ctx.kv.hGetAll(key);
  const lines: StoredLine[] = [];
  for (const [field, value] of Object.entries(hash)) {
    if (!field.startsWith("q:")) continue;
    const variantId = field.slice(2);
    const quantity = Number(value);
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    const seenText = hash[`s:${variantId}`];
    lines.push({ variantId, quantity, seen: seenText ? (JSON.parse(seenText) as Seen) : null });
  }
  // Oldest first would need a timestamp; variant ids are UUIDv7, so this is creation order of the variants, stable.
  return lines.sort(byVariantId);
}

// ── what a line is now ───────────────────────────────────────────────────────────────

export interface VariantNow {
  variantId: string;
  productId: string;
  vendorId: string;
  vendorName: string;
  /** The vendor's commission rate now, for checkout's snapshot. */
  commissionRateBps: number;
  sku: string;
  title: LocalizedText;
  options: Record<string, string>;
  ikpuCode: string | null;
  weightGrams: number | null;
  priceAmount: number;
  currency: string;
  available: number;
  purchasable: boolean;
}

interface VariantRow extends Omit<VariantNow, "priceAmount" | "available" | "purchasable"> {
  priceAmount: string | number;
  available: number;
  productStatus: string;
  vendorStatus: string;
}

/**
 * Current price, stock and sellability of variants (published product of an active vendor).
 * The busiest read of cart and checkout, so one statement text for any number of ids,
 * prepared per connection: Postgres plans it once (the ids pass through a sub-select so the
 * generic plan is chosen; see preparedRows), and no query is built per call
 * (docs/benchmarks.md, bench:checkout).
 */
export async function variantsNow(ctx: Context, variantIds: string[]): Promise<Map<string, VariantNow>> {
  if (variantIds.length === 0) return new Map();
  const rows = await preparedRows<VariantRow>(
    ctx.db,
    sql`select pv.id as "variantId", p.id as "productId", v.id as "vendorId", v.name as "vendorName",
               v.commission_rate_bps as "commissionRateBps", pv.sku, p.title, pv.options, p.ikpu_code as "ikpuCode",
               pv.weight_grams as "weightGrams", pv.price_amount as "priceAmount", pv.currency,
               p.status as "productStatus", v.status as "vendorStatus",
               coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = pv.id), 0)::int as available
        from product_variants pv join products p on p.id = pv.product_id join vendors v on v.id = pv.vendor_id
        where pv.id = any((select ${`{${variantIds.join(",")}}`}::uuid[])::uuid[])`,
  );
  return new Map(
    rows.map(({ productStatus, vendorStatus, ...row }) => [
      row.variantId,
      {
        ...row,
        priceAmount: Number(row.priceAmount),
        available: Number(row.available),
        purchasable: productStatus === "published" && vendorStatus === "active",
      },
    ]),
  );
}

export type CartNotice =
  | { kind: "price_up" | "price_down"; variantId: string; previousAmount: number; currentAmount: number }
  | { kind: "out_of_stock" | "back_in_stock" | "removed"; variantId: string }
  | { kind: "quantity_reduced"; variantId: string; previousQuantity: number; currentQuantity: number };

export interface CartLine {
  variantId: string;
  productId: string;
  sku: string;
  title: LocalizedText;
  options: Record<string, string>;
  quantity: number;
  unitPriceAmount: number;
  lineTotalAmount: number;
  available: number;
  /** `ok`, or why the line cannot be checked out as it is. */
  state: "ok" | "out_of_stock" | "insufficient_stock";
}

export interface Cart {
  groups: { vendorId: string; vendorName: string; lines: CartLine[]; itemsTotalAmount: number }[];
  itemCount: number;
  itemsTotalAmount: number;
  currency: "UZS";
  notices: CartNotice[];
  /** True when every line can be bought in the quantity asked. */
  checkoutReady: boolean;
  limits: typeof CART_LIMITS;
}

/**
 * Prices and checks a cart's lines against the catalog and stock as they are now, and
 * compares with what the shopper last saw. Lines whose variant is gone (or no longer
 * sold) are dropped with a `removed` notice. With `acknowledge`, the snapshot is updated so
 * each change is reported once.
 */
async function priceCart(ctx: Context, key: string, acknowledge: boolean, ttlSeconds?: number): Promise<Cart> {
  const stored = await readLines(ctx, key);
  const now = await variantsNow(
    ctx,
    stored.map((line) => line.variantId),
  );
  return priceLines(ctx, key, stored, now, { acknowledge, ttlSeconds });
}

/**
 * priceCart on lines already read, with the variants' rows already loaded. `write` holds
 * fields to store along with the acknowledged snapshot, in the same HSET.
 */
async function priceLines(
  ctx: Context,
  key: string,
  stored: StoredLine[],
  now: Map<string, VariantNow>,
  options: { acknowledge: boolean; ttlSeconds?: number; write?: Record<string, string> },
): Promise<Cart> {
  const { acknowledge, ttlSeconds } = options;
  const notices: CartNotice[] = [];
  const groups = new Map<string, Cart["groups"][number]>();
  const removed: string[] = [];
  const seenUpdate: Record<string, string> = {};
  for (const line of stored) {
    const variant = now.get(line.variantId);
    if (!variant || !variant.purchasable) {
      notices.push({ kind: "removed", variantId: line.variantId });
      removed.push(`q:${line.variantId}`, `s:${line.variantId}`);
      continue;
    }
    const state: CartLine["state"] =
      variant.available <= 0 ? "out_of_stock" : variant.available < line.quantity ? "insufficient_stock" : "ok";
    if (line.seen) {
      if (variant.priceAmount > line.seen.price)
        notices.push({ kind: "price_up", variantId: line.variantId, previousAmount: line.seen.price, currentAmount: variant.priceAmount });
      if (variant.priceAmount < line.seen.price)
        notices.push({
          kind: "price_down",
          variantId: line.variantId,
          previousAmount: line.seen.price,
          currentAmount: variant.priceAmount,
        });
      if (line.seen.available && state === "out_of_stock") notices.push({ kind: "out_of_stock", variantId: line.variantId });
      if (!line.seen.available && state !== "out_of_stock") notices.push({ kind: "back_in_stock", variantId: line.variantId });
    }
    const seen: Seen = { price: variant.priceAmount, available: state !== "out_of_stock" };
    // Only what changed is written back: an add to a full cart rewrites one field, not fifty.
    if (line.seen?.price !== seen.price || line.seen.available !== seen.available) seenUpdate[`s:${line.variantId}`] = JSON.stringify(seen);
    const group = groups.get(variant.vendorId) ?? {
      vendorId: variant.vendorId,
      vendorName: variant.vendorName,
      lines: [],
      itemsTotalAmount: 0,
    };
    const lineTotalAmount = variant.priceAmount * line.quantity;
    group.lines.push({
      variantId: line.variantId,
      productId: variant.productId,
      sku: variant.sku,
      title: variant.title,
      options: variant.options,
      quantity: line.quantity,
      unitPriceAmount: variant.priceAmount,
      lineTotalAmount,
      available: Math.max(0, variant.available),
      state,
    });
    group.itemsTotalAmount += lineTotalAmount;
    groups.set(variant.vendorId, group);
  }
  if (acknowledge) {
    if (removed.length > 0) await ctx.kv.hDel(key, ...removed);
    Object.assign(seenUpdate, options.write);
    if (Object.keys(seenUpdate).length > 0) {
      await ctx.kv.hSet(key, seenUpdate);
      // Should the cart have expired between the read and this write, the key must not live on without a TTL.
      if (ttlSeconds) await ctx.kv.expire(key, ttlSeconds);
    }
  }
  const list = [...groups.values()];
  const lines = list.flatMap((group) => group.lines);
  return {
    groups: list,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    itemsTotalAmount: list.reduce((sum, group) => sum + group.itemsTotalAmount, 0),
    currency: "UZS",
    notices,
    checkoutReady: lines.length > 0 && lines.every((line) => line.state === "ok"),
    limits: CART_LIMITS,
  };
}

const EMPTY: Omit<Cart, "notices"> = {
  groups: [],
  itemCount: 0,
  itemsTotalAmount: 0,
  currency: "UZS",
  checkoutReady: false,
  limits: CART_LIMITS,
};

export async function getCart(ctx: Context): Promise<Cart> {
  const cart = cartOf(ctx, false);
  if (!cart) return { ...EMPTY, notices: [] };
  return priceCart(ctx, cart.key, true, cart.ttl);
}

/**
 * Sets a line to `wantedOf(current)` units, capped by the per-line limit and by stock;
 * refuses a variant that is not for sale or out of stock, and a new line past the per-cart
 * limit. Returns the cart with a `quantity_reduced` notice when the cap applied. One read of
 * the cart and one query for all its variants: the new line is priced with the rest.
 */
/** A new quantity for a line: `add` moves it with HINCRBY (two tabs adding at once both count), `set` replaces it. */
type LineChange = { add: number } | { set: number };

async function setLine(
  ctx: Context,
  cart: { key: string; ttl: number },
  variantId: string,
  change: LineChange,
  options: { mustExist: boolean },
) {
  const stored = await readLines(ctx, cart.key);
  const current = stored.find((line) => line.variantId === variantId)?.quantity ?? 0;
  if (options.mustExist && current === 0)
    throw new NotFound("This item is not in the cart", { variantId: ["This item is not in the cart"] });
  const now = await variantsNow(ctx, [...new Set([...stored.map((line) => line.variantId), variantId])]);
  const variant = now.get(variantId);
  if (!variant || !variant.purchasable) throw new NotFound("This item is not for sale", { variantId: ["This item is not for sale"] });
  if (variant.available <= 0) throw new OutOfStock("This item is out of stock", { variantId: ["Out of stock"] });
  if (current === 0 && stored.length >= CART_LIMITS.maxLines)
    throw new ValidationFailed(`A cart holds at most ${CART_LIMITS.maxLines} different items`, {
      variantId: [`A cart holds at most ${CART_LIMITS.maxLines} different items`],
    });
  const seen: Seen = { price: variant.priceAmount, available: true };
  const seenField = { [`s:${variantId}`]: JSON.stringify(seen) };
  // Added with HINCRBY only once the line is known to be allowed, so a refused add leaves the cart as it was; the
  // line's snapshot and the cart's TTL go in the same round trip (the store pipelines commands sent together).
  const [wanted] =
    "add" in change
      ? await Promise.all([
          ctx.kv.hIncrBy(cart.key, `q:${variantId}`, change.add),
          ctx.kv.hSet(cart.key, seenField),
          ctx.kv.expire(cart.key, cart.ttl),
        ])
      : [change.set];
  const capped = Math.min(wanted, CART_LIMITS.maxLineQuantity, variant.available);
  const line: StoredLine = { variantId, quantity: capped, seen };
  const lines = current === 0 ? [...stored, line].sort(byVariantId) : stored.map((l) => (l.variantId === variantId ? line : l));
  const priced = await priceLines(ctx, cart.key, lines, now, {
    acknowledge: true,
    ttlSeconds: cart.ttl,
    // An add already stored its quantity and snapshot; the quantity is written again only when capped.
    write:
      "add" in change
        ? capped === wanted
          ? {}
          : { [`q:${variantId}`]: String(capped) }
        : { [`q:${variantId}`]: String(capped), ...seenField },
  });
  if (capped < wanted) priced.notices.push({ kind: "quantity_reduced", variantId, previousQuantity: wanted, currentQuantity: capped });
  return priced;
}

export async function addItem(ctx: Context, input: z.infer<typeof addItemInput>): Promise<Cart> {
  const cart = cartOf(ctx, true)!;
  return setLine(ctx, cart, input.variantId, { add: input.quantity }, { mustExist: false });
}

export async function updateItem(ctx: Context, input: z.infer<typeof updateItemInput>): Promise<Cart> {
  const cart = cartOf(ctx, false);
  if (!cart) throw new NotFound("This item is not in the cart", { variantId: ["This item is not in the cart"] });
  if (input.quantity === 0) {
    if (!(await ctx.kv.hGet(cart.key, `q:${input.variantId}`)))
      throw new NotFound("This item is not in the cart", { variantId: ["This item is not in the cart"] });
    return removeItem(ctx, input);
  }
  return setLine(ctx, cart, input.variantId, { set: input.quantity }, { mustExist: true });
}

export async function removeItem(ctx: Context, input: z.infer<typeof removeItemInput>): Promise<Cart> {
  const cart = cartOf(ctx, false);
  if (!cart) return { ...EMPTY, notices: [] };
  await ctx.kv.hDel(cart.key, `q:${input.variantId}`, `s:${input.variantId}`);
  return priceCart(ctx, cart.key, true, cart.ttl);
}

export async function clearCart(ctx: Context): Promise<Cart> {
  const cart = cartOf(ctx, false);
  if (cart) await ctx.kv.del(cart.key);
  return { ...EMPTY, notices: [] };
}

// ── for checkout and sign-in ────────────────────────────────────────────────────────

/** A signed-in user's cart lines (variant and quantity) as stored. */
export async function userCartLines(ctx: Context, userId: string): Promise<StoredLine[]> {
  return readLines(ctx, userCartKey(userId));
}

/** The priced cart of a user, without acknowledging changes (checkout shows them). */
export async function pricedUserCart(ctx: Context, userId: string): Promise<Cart> {
  return priceCart(ctx, userCartKey(userId), false);
}

/** Empties a user's cart after an order committed. */
export async function emptyUserCart(ctx: Context, userId: string): Promise<void> {
  await ctx.kv.del(userCartKey(userId));
}

/**
 * At sign-in: the guest cart of the request's cookie joins the user's cart. Quantities of
 * a variant in both are added, then capped by the per-line limit and by stock; lines past
 * the per-cart limit, or no longer for sale, are dropped. The guest cart and its cookie go.
 */
export async function mergeGuestCart(ctx: Context, userId: string): Promise<{ merged: number }> {
  const guestId = verifyGuestCartToken(ctx.authSecret, ctx.cartCookie.read());
  if (!guestId) return { merged: 0 };
  const guestKey = guestCartKey(guestId);
  const guest = await readLines(ctx, guestKey);
  const userKey = userCartKey(userId);
  const mine = new Map((await readLines(ctx, userKey)).map((line) => [line.variantId, line.quantity]));
  const now = await variantsNow(
    ctx,
    guest.map((line) => line.variantId),
  );
  const update: Record<string, string> = {};
  let merged = 0;
  for (const line of guest) {
    const variant = now.get(line.variantId);
    if (!variant?.purchasable || variant.available <= 0) continue;
    const existing = mine.get(line.variantId) ?? 0;
    if (existing === 0 && mine.size >= CART_LIMITS.maxLines) continue;
    const quantity = Math.min(existing + line.quantity, CART_LIMITS.maxLineQuantity, Math.max(existing, variant.available));
    mine.set(line.variantId, quantity);
    update[`q:${line.variantId}`] = String(quantity);
    update[`s:${line.variantId}`] = JSON.stringify({ price: variant.priceAmount, available: true } satisfies Seen);
    merged += 1;
  }
  if (merged > 0) {
    await ctx.kv.hSet(userKey, update);
    await ctx.kv.expire(userKey, USER_TTL_SECONDS);
  }
  await ctx.kv.del(guestKey);
  ctx.cartCookie.clear();
  return { merged };
}
