/**
 * pnpm bench:checkout [--products 100000] [--orders 3000] [--adds 20000] [--adders 5000] [--concurrency 32]
 *                     [--processes 1] [--pool 10] [--cpu-prof DIR]
 *
 * Over HTTP through the real stack (tRPC fetch adapter, superjson, zod, sessions in the KV
 * store, services, Drizzle), against a database seeded with --products products (created
 * once, reused), with distinct signed-in customers (sessions made up front):
 *  1. cart.addItem: --adds requests at concurrency --concurrency, each a random variant of a
 *     pool of 2,000 into one of --adders customers' carts (so carts grow to adds/adders lines).
 *  2. The floor of the stack: cart.get of an empty cart (session and two key-value reads, no SQL).
 *  3. The checkout flow, once per customer: checkout.start then checkout.placeOrder with a
 *     fresh Idempotency-Key and the total start showed, --orders customers at concurrency
 *     --concurrency, each with one or two lines in the cart (filled beforehand, not measured).
 *     The variants used are restocked first, so every order must succeed.
 *  4. Baselines, in the same run: plain node:http + postgres.js writing the same rows for a
 *     one-line order in one transaction (servers/checkout-baseline-server.ts), and plain
 *     node:http + ioredis + postgres.js doing cart.addItem's store work (servers/cart-baseline-server.ts,
 *     when REDIS_URL is set).
 * For each, the CPU milliseconds per operation of the app server, PostgreSQL, Redis and the
 * load generator (from /proc), which is where a two-core machine's limit shows.
 * Targets (issue 7): ≥ 200 orders/s with p99 ≤ 500 ms and no errors; cart.addItem ≥ 2,000/s.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { parseArgs } from "node:util";
import postgres from "postgres";

import { createContextInner } from "@ultramarket/api";
import { createSession } from "@ultramarket/api/auth/sessions";
import { createLogger } from "@ultramarket/api/logger";
import { createRuntime } from "@ultramarket/api/runtime";
import { env } from "../scripts/env";
import { benchDatabase, cpuPerOperation, cpuSecondsByKind, machine, percentile, startServer } from "./lib";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    orders: { type: "string", default: "3000" },
    adds: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "32" },
    /** Customers whose carts the adds go to: carts grow to about adds / adders lines (5,000: four, a usual basket). */
    adders: { type: "string", default: "5000" },
    /** The tRPC server's DB_POOL_SIZE (the apps' default is 10). */
    pool: { type: "string", default: "10" },
    /** App processes serving the API (each its own runtime and pool), as replicas behind a load balancer. */
    processes: { type: "string", default: "1" },
    /** Writes a CPU profile of the tRPC server into this directory (node --cpu-prof). */
    "cpu-prof": { type: "string" },
  },
});
const orderCount = Number(values.orders);
const addCount = Number(values.adds);
const concurrency = Number(values.concurrency);
const WARM_UP = 300;
const ADDERS = Number(values.adders);
const TRPC_PORT = 4110;
const processCount = Number(values.processes);
/** The ports of the app processes: 4110, 4112, … (4111 is the baseline's). */
const trpcPorts = Array.from({ length: processCount }, (_, i) => TRPC_PORT + 2 * i);
const BASELINE_PORT = 4111;
const CART_BASELINE_PORT = 4113;
const LOCK = "/tmp/checkout-bench.lock";

// ── setup: catalog, stock, customers, sessions ──────────────────────────────────────

const database = await benchDatabase(Number(values.products));
const sql = postgres(database.url, { max: 4, onnotice: () => undefined });
const pool = (
  (await sql`
    select v.id from product_variants v
    join products p on p.id = v.product_id join vendors ve on ve.id = v.vendor_id
    where p.status = 'published' and ve.status = 'active' and exists (select 1 from stock_levels s where s.variant_id = v.id)
    order by random() limit 2000`) as unknown as { id: string }[]
).map((row) => row.id);

// Every variant used gets 1,000,000 units available, through the ledger (counter and movement
// in one statement), so stock never refuses an order and the ledger still adds up.
await sql`
  with old as (
    select variant_id, warehouse_id, on_hand, reserved from stock_levels where variant_id = any(${pool}::uuid[]) for update
  ), changed as (
    update stock_levels s set on_hand = old.reserved + 1000000 from old
    where s.variant_id = old.variant_id and s.warehouse_id = old.warehouse_id
    returning s.variant_id, s.warehouse_id, s.on_hand - old.on_hand as delta
  )
  insert into stock_movements (id, variant_id, warehouse_id, kind, on_hand_delta, reason)
  select gen_random_uuid(), variant_id, warehouse_id, 'adjustment', delta, 'bench:checkout restock' from changed where delta <> 0`;

const run = Date.now().toString(36);
const customerCount = ADDERS + WARM_UP + orderCount + WARM_UP + orderCount;
const customers = (await sql`
  with made as (
    insert into users (id, email, name, role, email_verified_at)
    select gen_random_uuid(), 'bench-checkout-' || ${run} || '-' || g || '@example.uz', 'Bench ' || g, 'CUSTOMER', now()
    from generate_series(1, ${customerCount}) g
    returning id
  )
  insert into addresses (id, user_id, recipient_name, phone, region, city, street)
  select gen_random_uuid(), id, 'Bench', '+998901112233', 'tashkent_city', 'Toshkent', 'Amir Temur 1' from made
  returning id as address_id, user_id`) as unknown as { address_id: string; user_id: string }[];

const kvPrefix = `bench-checkout-${run}:`;
const runtime = await createRuntime({
  service: "bench",
  appEnv: "production",
  databaseUrl: database.url,
  databaseSource: "external",
  redisUrl: env.REDIS_URL,
  kvPrefix,
  filesDir: "/tmp",
  publicWebUrl: "http://localhost:3000",
  publicAdminUrl: "http://localhost:3001",
  logger: createLogger({ service: "bench", level: "warn" }),
});
const ctx = createContextInner(runtime);
interface Shopper {
  userId: string;
  addressId: string;
  cookie: string;
  /** The app process this shopper's requests go to (sticky, like a load balancer hashing the session). */
  port: number;
}
const shoppers: Shopper[] = [];
for (const customer of customers) {
  const { token } = await createSession(ctx, {
    userId: customer.user_id,
    role: "CUSTOMER",
    vendorIds: [],
    twoFactorVerified: false,
    ip: "127.0.0.1",
    userAgent: "bench",
  });
  shoppers.push({
    userId: customer.user_id,
    addressId: customer.address_id,
    cookie: `__Host-bench=${token}`,
    port: trpcPorts[shoppers.length % processCount]!,
  });
}
await runtime.close();
const adders = shoppers.slice(0, ADDERS);
const flowWarmUp = shoppers.slice(ADDERS, ADDERS + WARM_UP);
const flowShoppers = shoppers.slice(ADDERS + WARM_UP, ADDERS + WARM_UP + orderCount);
const baselineWarmUp = shoppers.slice(ADDERS + WARM_UP + orderCount, ADDERS + 2 * WARM_UP + orderCount);
const baselineShoppers = shoppers.slice(ADDERS + 2 * WARM_UP + orderCount);

const servers: ChildProcess[] = [];

// ── the client ──────────────────────────────────────────────────────────────────────

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError: string | null;
  /** CPU ms per operation of each kind of process on the machine, during the measurement. */
  cpu: string;
}

/** Runs `op` once per item at a fixed concurrency; latency per call, errors counted, never thrown. */
async function timed<T>(items: T[], op: (item: T) => Promise<void>): Promise<Measured> {
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const serverPids = servers.map((server) => server.pid!);
  const cpuBefore = cpuSecondsByKind({ serverPids });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t = performance.now();
        try {
          await op(item);
          samples.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuPerOperation(cpuBefore, cpuSecondsByKind({ serverPids }), items.length);
  samples.sort((a, b) => a - b);
  return { perSecond: items.length / seconds, p50: percentile(samples, 50), p99: percentile(samples, 99), errors, firstError, cpu };
}

/**
 * The load generator's HTTP client: node:http over keep-alive sockets, one per concurrent
 * caller. fetch (undici) cost about 0.6 ms of CPU per request on these two cores, a third of
 * what it was measuring, and the client shares the cores with the server and the databases.
 */
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(
  port: number,
  path: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function call(shopper: Shopper, procedure: string, input: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const mutation = procedure !== "checkout.start" && procedure !== "cart.get";
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const path = mutation ? `/api/trpc/${procedure}` : `/api/trpc/${procedure}${query}`;
  const response = await post(
    shopper.port,
    path,
    mutation ? "POST" : "GET",
    {
      cookie: shopper.cookie,
      ...(mutation ? { "content-type": "application/json", origin: `http://127.0.0.1:${shopper.port}` } : {}),
      ...headers,
    },
    mutation ? JSON.stringify({ json: input }) : undefined,
  );
  if (response.status !== 200) throw new Error(`${procedure} ${response.status}: ${response.text.slice(0, 300)}`);
  return (JSON.parse(response.text) as { result: { data: { json: unknown } } }).result.data.json;
}

const randomVariant = () => pool[Math.floor(Math.random() * pool.length)]!;

/** One or two lines (a third of carts hold two vendors' items or two products). */
async function fillCart(shopper: Shopper) {
  await call(shopper, "cart.addItem", { variantId: randomVariant(), quantity: 1 + Math.floor(Math.random() * 2) });
  if (Math.random() < 1 / 3) await call(shopper, "cart.addItem", { variantId: randomVariant(), quantity: 1 });
}

/** How long each of the flow's two calls took (ms), for the split printed with the results. */
const phases = { start: [] as number[], placeOrder: [] as number[] };

async function checkoutFlow(shopper: Shopper) {
  const started = performance.now();
  const quote = (await call(shopper, "checkout.start", { addressId: shopper.addressId })) as {
    problems: Record<string, string[]>;
    grandTotalAmount: number;
  };
  const quoted = performance.now();
  phases.start.push(quoted - started);
  if (Object.keys(quote.problems).length > 0) throw new Error(`checkout.start problems: ${JSON.stringify(quote.problems)}`);
  await call(
    shopper,
    "checkout.placeOrder",
    { addressId: shopper.addressId, expectedTotalAmount: quote.grandTotalAmount },
    { "idempotency-key": `bench-${randomUUID()}` },
  );
  phases.placeOrder.push(performance.now() - quoted);
}

async function baselineOrder(shopper: Shopper) {
  const body = JSON.stringify({ userId: shopper.userId, variantId: randomVariant(), quantity: 1, key: `bench-${randomUUID()}` });
  const response = await post(BASELINE_PORT, "/order", "POST", { "content-type": "application/json" }, body);
  if (response.status !== 200) throw new Error(`baseline ${response.status}: ${response.text.slice(0, 300)}`);
}

async function baselineAdd(shopper: Shopper) {
  const body = JSON.stringify({ userId: shopper.userId, variantId: randomVariant(), quantity: 1 });
  const response = await post(CART_BASELINE_PORT, "/add", "POST", { "content-type": "application/json" }, body);
  if (response.status !== 200) throw new Error(`cart baseline ${response.status}: ${response.text.slice(0, 300)}`);
}

// ── measuring ───────────────────────────────────────────────────────────────────────

while (existsSync("/tmp/bench.lock")) await new Promise((resolve) => setTimeout(resolve, 5000));
writeFileSync(LOCK, String(process.pid));
const results: { name: string; unit: string; result: Measured }[] = [];
try {
  for (const port of trpcPorts)
    servers.push(
      await startServer(
        "trpc-server.ts",
        [
          database.url,
          String(port),
          "unlimited",
          `--kv-prefix=${kvPrefix}`,
          `--pool=${values.pool}`,
          ...(env.REDIS_URL ? [`--redis=${env.REDIS_URL}`] : []),
        ],
        values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : [],
      ),
    );
  const addItems = Array.from({ length: addCount }, (_, i) => adders[i % adders.length]!);
  await timed(addItems.slice(0, 1000), (shopper) => call(shopper, "cart.addItem", { variantId: randomVariant(), quantity: 1 }).then());
  const adds = await timed(addItems, (shopper) => call(shopper, "cart.addItem", { variantId: randomVariant(), quantity: 1 }).then());
  results.push({ name: "`cart.addItem` (signed in, random variant)", unit: "req/s", result: adds });
  console.log(`  cart.addItem: ${adds.perSecond.toFixed(0)}/s, p50 ${adds.p50.toFixed(1)} ms, p99 ${adds.p99.toFixed(1)} ms`);

  // The stack's floor for a signed-in call: the same HTTP, tRPC, superjson and session work
  // with almost no service behind it (an empty cart: two key-value reads, no SQL).
  const emptyCartReads = Array.from({ length: addCount }, (_, i) => baselineShoppers[i % baselineShoppers.length]!);
  const floor = await timed(emptyCartReads, (shopper) => call(shopper, "cart.get", undefined).then());
  results.push({ name: "floor: `cart.get` of an empty cart (signed in; no SQL)", unit: "req/s", result: floor });
  console.log(`  floor: ${floor.perSecond.toFixed(0)}/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms`);

  await timed([...flowWarmUp, ...flowShoppers], fillCart);
  await timed(flowWarmUp, checkoutFlow);
  phases.start.length = 0;
  phases.placeOrder.length = 0;
  const flows = await timed(flowShoppers, checkoutFlow);
  results.push({ name: "`checkout.start` + `checkout.placeOrder` (one flow per customer)", unit: "orders/s", result: flows });
  console.log(`  checkout flow: ${flows.perSecond.toFixed(0)} orders/s, p50 ${flows.p50.toFixed(1)} ms, p99 ${flows.p99.toFixed(1)} ms`);
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.once("exit", resolve);
          server.kill();
        }),
    ),
  );

  const baseline = await startServer("checkout-baseline-server.ts", [database.url, String(BASELINE_PORT)]);
  servers.push(baseline);
  await timed(baselineWarmUp, baselineOrder);
  const plain = await timed(baselineShoppers, baselineOrder);
  results.push({ name: "baseline: node:http + postgres.js, the same rows for a one-line order", unit: "orders/s", result: plain });
  console.log(`  baseline: ${plain.perSecond.toFixed(0)} orders/s, p50 ${plain.p50.toFixed(1)} ms, p99 ${plain.p99.toFixed(1)} ms`);

  if (env.REDIS_URL) {
    const cartBaseline = await startServer("cart-baseline-server.ts", [database.url, String(CART_BASELINE_PORT), env.REDIS_URL, kvPrefix]);
    servers.push(cartBaseline);
    const addItems = Array.from({ length: addCount }, (_, i) => adders[i % adders.length]!);
    await timed(addItems.slice(0, 1000), baselineAdd);
    const plainAdds = await timed(addItems, baselineAdd);
    results.push({ name: "baseline: node:http + ioredis + postgres.js, `cart.addItem`'s store work", unit: "req/s", result: plainAdds });
    console.log(
      `  cart baseline: ${plainAdds.perSecond.toFixed(0)}/s, p50 ${plainAdds.p50.toFixed(1)} ms, p99 ${plainAdds.p99.toFixed(1)} ms`,
    );
  }
} finally {
  for (const server of servers) server.kill();
  rmSync(LOCK, { force: true });
}

const [{ orders }] = (await sql`
  select count(*)::int as orders from orders o join users u on u.id = o.customer_id
  where u.email like ${`bench-checkout-${run}-%`}`) as unknown as [{ orders: number }];
await sql.end();
await database.close();

console.log(
  `\n${machine()} · ${Number(values.products).toLocaleString("en")} products · concurrency ${concurrency} · ${processCount} app process${processCount === 1 ? "" : "es"} · DB_POOL_SIZE ${values.pool} each\n`,
);
console.log("| operation | rate | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|");
for (const { name, unit, result } of results)
  console.log(
    `| ${name} | ${Math.round(result.perSecond).toLocaleString("en")} ${unit} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.errors} |`,
  );
const [addsResult, , flowResult, baselineResult] = results.map((r) => r.result);
const cartBaselineResult = results[4]?.result;
console.log(
  `\nOrders in the database from this run: ${orders.toLocaleString("en")} (expected ${(2 * WARM_UP + 2 * orderCount).toLocaleString("en")}).`,
);
const median = (samples: number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  ).toFixed(1);
console.log(`Within the flow: checkout.start p50 ${median(phases.start)} ms, checkout.placeOrder p50 ${median(phases.placeOrder)} ms.`);
console.log(`Checkout flow at ${((100 * flowResult!.perSecond) / baselineResult!.perSecond).toFixed(0)} % of the baseline's orders/s.`);
if (cartBaselineResult)
  console.log(`cart.addItem at ${((100 * addsResult!.perSecond) / cartBaselineResult.perSecond).toFixed(0)} % of its baseline's rate.`);
const met = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(
  `Targets: orders/s ≥ 200: ${met(flowResult!.perSecond >= 200)}; flow p99 ≤ 500 ms: ${met(flowResult!.p99 <= 500)}; ` +
    `no errors: ${met(flowResult!.errors === 0)}; cart.addItem ≥ 2,000/s: ${met(addsResult!.perSecond >= 2000)}.`,
);
console.log("\nCPU ms per operation, by process kind:");
for (const { name, result } of results) console.log(`- ${name}: ${result.cpu}`);
for (const { name, result } of results) if (result.firstError) console.error(`first error in ${name}: ${result.firstError}`);
