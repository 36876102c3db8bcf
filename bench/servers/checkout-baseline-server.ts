// The checkout baseline: plain node:http + postgres.js writing what checkout.placeOrder writes
// for a one-line order (key, order, vendor order, line, locked stock row, counter, ledger row,
// reservation, event, stored response) in one transaction, with no framework, validation,
// key-value store, quote or job queue. Same driver and pool size as the tRPC server.
import { randomUUID } from "node:crypto";
import postgres from "postgres";

import { serveJson } from "./json-server";

const [databaseUrl, port] = process.argv.slice(2);
if (!databaseUrl || !port) throw new Error("usage: checkout-baseline-server <database-url> <port>");
const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined });

interface OrderRequest {
  userId: string;
  variantId: string;
  quantity: number;
  key: string;
}

async function placeOrder(input: OrderRequest) {
  return sql.begin(async (tx) => {
    const scope = `checkout:${input.userId}`;
    await tx`insert into idempotency_keys (id, scope, key, request_hash) values (${randomUUID()}, ${scope}, ${input.key}, 'x')`;
    const [variant] = await tx`
      select v.price_amount as price, v.vendor_id, v.sku, p.title, p.ikpu_code
      from product_variants v join products p on p.id = v.product_id where v.id = ${input.variantId}`;
    const total = Number(variant!.price) * input.quantity;
    const vat = Math.round((total * 1200) / 11_200);
    const [{ n }] = (await tx`select nextval('order_number_seq')::int as n`) as unknown as [{ n: number }];
    const number = `BL-${n}`;
    const orderId = randomUUID();
    const vendorOrderId = randomUUID();
    await tx`insert into orders (id, number, customer_id, items_total_amount, shipping_total_amount, vat_total_amount,
               grand_total_amount, idempotency_key, shipping_address)
             values (${orderId}, ${number}, ${input.userId}, ${total}, 0, ${vat}, ${total}, ${input.key},
               ${sql.json({ region: "tashkent_city" })})`;
    await tx`insert into vendor_orders (id, order_id, vendor_id, number, items_total_amount, shipping_amount, total_amount,
               commission_rate_bps, commission_amount, vat_amount)
             values (${vendorOrderId}, ${orderId}, ${variant!.vendor_id}, ${`${number}-1`}, ${total}, 0, ${total}, 1000,
               ${Math.round(total / 10)}, ${vat})`;
    await tx`insert into order_lines (id, vendor_order_id, variant_id, sku, title, ikpu_code, quantity, unit_price_amount,
               vat_rate_bps, vat_amount, line_total_amount)
             values (${randomUUID()}, ${vendorOrderId}, ${input.variantId}, ${variant!.sku}, ${sql.json(variant!.title)},
               ${variant!.ikpu_code}, ${input.quantity}, ${variant!.price}, 1200, ${vat}, ${total})`;
    const [level] = await tx`
      select warehouse_id from stock_levels where variant_id = ${input.variantId} and on_hand - reserved >= ${input.quantity}
      order by warehouse_id limit 1 for update`;
    if (!level) throw new Error("out of stock");
    await tx`update stock_levels set reserved = reserved + ${input.quantity}
             where variant_id = ${input.variantId} and warehouse_id = ${level.warehouse_id}`;
    await tx`insert into stock_movements (id, variant_id, warehouse_id, kind, reserved_delta, reason, reference)
             values (${randomUUID()}, ${input.variantId}, ${level.warehouse_id}, 'reservation', ${input.quantity}, 'order placed', ${number})`;
    await tx`insert into stock_reservations (id, vendor_order_id, variant_id, warehouse_id, quantity, expires_at)
             values (${randomUUID()}, ${vendorOrderId}, ${input.variantId}, ${level.warehouse_id}, ${input.quantity},
               now() + interval '2 days')`;
    await tx`insert into order_events (id, order_id, vendor_order_id, actor_id, actor_role, to_status, reason)
             values (${randomUUID()}, ${orderId}, ${vendorOrderId}, ${input.userId}, 'customer', 'PENDING', 'order placed')`;
    const response = { orderId, number, grandTotalAmount: total };
    await tx`update idempotency_keys set order_id = ${orderId}, response = ${sql.json(response)}
             where scope = ${scope} and key = ${input.key}`;
    return response;
  });
}

serveJson<OrderRequest>(Number(port), placeOrder);
