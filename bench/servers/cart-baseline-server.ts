// The cart.addItem baseline: plain node:http + ioredis + postgres.js doing the store work of
// cart.addItem for a signed-in shopper (session read, cart read, the variants statement,
// the quantity's HINCRBY, the seen-price snapshot and the TTL), with no framework,
// validation, session checks or pricing beyond a sum. Same drivers and pool size as the
// tRPC server; its keys live under their own prefix.
import { Redis } from "ioredis";
import postgres from "postgres";

import { serveJson } from "./json-server";

const [databaseUrl, port, redisUrl, prefix] = process.argv.slice(2);
if (!databaseUrl || !port || !redisUrl || !prefix)
  throw new Error("usage: cart-baseline-server <database-url> <port> <redis-url> <key-prefix>");
const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined });
const redis = new Redis(redisUrl, { enableAutoPipelining: true, keyPrefix: prefix });

interface AddRequest {
  userId: string;
  variantId: string;
  quantity: number;
}

async function addItem(input: AddRequest) {
  await redis.hgetall(`session:${input.userId}`);
  const cartKey = `cart:${input.userId}`;
  const stored = await redis.hgetall(cartKey);
  const ids = [
    ...new Set([
      ...Object.keys(stored)
        .filter((f) => f.startsWith("q:"))
        .map((f) => f.slice(2)),
      input.variantId,
    ]),
  ];
  const rows = await sql`
    select pv.id, p.title, pv.price_amount as price,
           coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = pv.id), 0)::int as available
    from product_variants pv join products p on p.id = pv.product_id join vendors v on v.id = pv.vendor_id
    where pv.id = any((select ${`{${ids.join(",")}}`}::uuid[])::uuid[])`;
  const quantity = await redis.hincrby(cartKey, `q:${input.variantId}`, input.quantity);
  const added = rows.find((row) => row.id === input.variantId);
  await redis.hset(cartKey, `s:${input.variantId}`, JSON.stringify({ price: Number(added?.price ?? 0), available: true }));
  await redis.expire(cartKey, 90 * 24 * 3600);
  const lines = rows.map((row) => ({
    variantId: row.id as string,
    title: row.title as unknown,
    quantity: row.id === input.variantId ? quantity : Number(stored[`q:${row.id}`] ?? 0),
    price: Number(row.price),
  }));
  return { lines, total: lines.reduce((sum, line) => sum + line.price * line.quantity, 0) };
}

serveJson<AddRequest>(Number(port), addItem);
