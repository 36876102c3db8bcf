/**
 * pnpm bench:catalog [--products 1000000] [--seconds 20] [--connections 32] [--skip-ssr]
 *
 * Over HTTP, against a database seeded with --products products (created once, reused):
 *  1. catalog.productBySlug through the real stack (tRPC fetch adapter, superjson, zod,
 *     service, Drizzle), with the catalog cache on (the default) and off, against a
 *     baseline in the same run: plain node:http answering the same SQL through the same
 *     driver. Each server runs alone while it is measured.
 *  2. catalog.listProducts on large categories with filters on (price range, brand, in
 *     stock, the category's attributes; every sort), cache off and on.
 *  3. The product page, server-rendered by the storefront's production build: time to
 *     first byte, measured per request.
 * Targets (issue 5): productBySlug ≥ 50 % of baseline throughput; listProducts p99 ≤ 100 ms;
 * product page p95 TTFB ≤ 150 ms.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

import { run, waitForHttp } from "../scripts/stack";
import { env, inheritedEnv } from "../scripts/env";
import type { LoadResult } from "./lib";
import { benchDatabase, load, machine, ROOT, sampleSlugs, startServer, table } from "./lib";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "32" },
    "skip-ssr": { type: "boolean", default: false },
  },
});
const products = Number(values.products);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const TRPC_PORT = 4100;
const BASELINE_PORT = 4101;
const WEB_PORT = 4102;

const database = await benchDatabase(products);
const slugs = await sampleSlugs(database.url, 2000);
const trpcUrl = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const productPaths = slugs.map((slug) => trpcUrl("catalog.productBySlug", { slug, locale: "uz" }));
const baselinePaths = slugs.map((slug) => `/product?slug=${encodeURIComponent(slug)}&locale=uz`);
// The cache lives in Redis when the run has one (as in production), else in Postgres.
const kvPrefix = `bench-${Date.now()}:`;
const serverArgs = (cache: "on" | "off") => [
  database.url,
  String(TRPC_PORT),
  "limited",
  `--cache=${cache}`,
  `--kv-prefix=${kvPrefix}`,
  ...(env.REDIS_URL ? [`--redis=${env.REDIS_URL}`] : []),
];

async function measure(name: string, server: ChildProcess, port: number, paths: string[]): Promise<LoadResult> {
  const result = await load(name, server, { url: `http://127.0.0.1:${port}`, paths, connections, seconds });
  console.log(`  ${name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
  return result;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/**
 * Category pages as shoppers filter them: large categories (roots with ~1/7 of the catalog
 * each, and busy leaves), each sort, and filters built from the category's own facets.
 */
async function listingPaths(baseUrl: string): Promise<string[]> {
  const categories = ["elektronika", "maishiy-texnika", "kiyim-kechak", "smartfonlar", "noutbuklar"];
  const sorts = ["newest", "popular", "price_asc", "price_desc"] as const;
  const paths: string[] = [];
  for (const categorySlug of categories) {
    const facets = (await getJson(`${baseUrl}${trpcUrl("catalog.categoryFilters", { categorySlug, locale: "uz" })}`)) as {
      brands: { brand: string }[];
      priceMin: number;
      priceMax: number;
      attributes: { key: string; values: { value: string }[] }[];
    };
    const third = Math.round((facets.priceMax - facets.priceMin) / 3);
    const origin = facets.attributes.find((a) => a.key === "origin")?.values[0]?.value;
    const filterSets: Record<string, unknown>[] = [
      {},
      { inStock: true },
      { brands: [facets.brands[0]!.brand] },
      { brands: [facets.brands[1]?.brand ?? facets.brands[0]!.brand], inStock: true },
      { priceMin: facets.priceMin + third, priceMax: facets.priceMax - third },
      ...(origin ? [{ attributes: { origin: [origin] } }] : []),
      {
        brands: [facets.brands[0]!.brand],
        priceMin: facets.priceMin,
        priceMax: facets.priceMax - third,
        inStock: true,
        ...(origin ? { attributes: { origin: [origin] } } : {}),
      },
    ];
    for (const sort of sorts)
      for (const filters of filterSets)
        paths.push(trpcUrl("catalog.listProducts", { categorySlug, sort, limit: 24, locale: "uz", filters }));
  }
  return paths;
}

/** Time to first byte of GET requests, `concurrency` at a time for `seconds`; percentiles in ms. */
async function timeToFirstByte(baseUrl: string, paths: string[], concurrency: number, durationSeconds: number) {
  const samples: number[] = [];
  let failures = 0;
  let i = 0;
  const deadline = Date.now() + durationSeconds * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const one = (target: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.get(`${baseUrl}${target}`, { agent }, (response) => {
        samples.push(performance.now() - started);
        if (response.statusCode !== 200) failures++;
        response.resume();
        response.on("end", resolve);
      });
      request.on("error", () => {
        failures++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) await one(paths[i++ % paths.length]!);
    }),
  );
  agent.destroy();
  samples.sort((a, b) => a - b);
  const at = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]! * 10) / 10;
  return {
    requests: samples.length,
    perSecond: Math.round(samples.length / durationSeconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    failures,
  };
}

console.log(`\n${machine()} · ${products.toLocaleString("en")} products · ${connections} connections · ${seconds} s each`);

console.log("\n1. catalog.productBySlug");
const productResults: LoadResult[] = [];
const baseline = await startServer("baseline-server.ts", [database.url, String(BASELINE_PORT)]);
productResults.push(await measure("baseline (node:http + postgres.js)", baseline, BASELINE_PORT, baselinePaths));
baseline.kill();
for (const cache of ["off", "on"] as const) {
  const server = await startServer("trpc-server.ts", serverArgs(cache));
  productResults.push(await measure(`catalog.productBySlug (tRPC, cache ${cache})`, server, TRPC_PORT, productPaths));
  server.kill();
}

console.log("\n2. catalog.listProducts (large categories, filters on)");
const listResults: LoadResult[] = [];
for (const cache of ["off", "on"] as const) {
  const server = await startServer("trpc-server.ts", serverArgs(cache));
  const paths = await listingPaths(`http://127.0.0.1:${TRPC_PORT}`);
  listResults.push(await measure(`catalog.listProducts (tRPC, cache ${cache}, ${paths.length} queries)`, server, TRPC_PORT, paths));
  server.kill();
}

let ssr: Awaited<ReturnType<typeof timeToFirstByte>> | null = null;
const ssrConcurrency = 8;
if (!values["skip-ssr"]) {
  console.log("\n3. product page (storefront production build, server-rendered)");
  await run("pnpm", ["exec", "turbo", "run", "build", "--filter=@ultramarket/web", "--output-logs=errors-only"]);
  const web = spawn(path.join(ROOT, "apps", "web", "node_modules", ".bin", "next"), ["start", "--port", String(WEB_PORT)], {
    cwd: path.join(ROOT, "apps", "web"),
    env: {
      ...inheritedEnv(),
      APP_ENV: "production",
      DATABASE_URL: database.url,
      ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
      KV_PREFIX: kvPrefix,
      LOG_LEVEL: "warn",
      PUBLIC_WEB_URL: `http://127.0.0.1:${WEB_PORT}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHttp(`http://127.0.0.1:${WEB_PORT}/api/ready`);
    const pagePaths = slugs.map((slug) => `/uz/p/${slug}`);
    await timeToFirstByte(`http://127.0.0.1:${WEB_PORT}`, pagePaths, ssrConcurrency, 5); // warm-up
    ssr = await timeToFirstByte(`http://127.0.0.1:${WEB_PORT}`, pagePaths, ssrConcurrency, seconds);
    console.log(`  /uz/p/<slug>: ${ssr.perSecond} pages/s, TTFB p50 ${ssr.p50} ms, p95 ${ssr.p95} ms, p99 ${ssr.p99} ms`);
  } finally {
    web.kill();
  }
}
await database.close();

const [base, uncached, cachedProduct] = productResults as [LoadResult, LoadResult, LoadResult];
const [listUncached] = listResults as [LoadResult];
console.log(`\n${machine()} · ${products.toLocaleString("en")} products · ${connections} connections · ${seconds} s each\n`);
console.log(table([...productResults, ...listResults]));
const ratio = (r: LoadResult) => `${((r.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(0)}%`;
console.log(`\nproductBySlug / baseline throughput: cache off ${ratio(uncached)}, cache on ${ratio(cachedProduct)} (target ≥ 50%)`);
console.log(`listProducts p99 with the cache off: ${listUncached.p99} ms (target ≤ 100 ms)`);
if (ssr)
  console.log(
    `product page TTFB at concurrency ${ssrConcurrency}: p50 ${ssr.p50} ms, p95 ${ssr.p95} ms, p99 ${ssr.p99} ms, ${ssr.perSecond} pages/s (target p95 ≤ 150 ms)`,
  );
const failed = [...productResults, ...listResults].some((r) => r.errors + r.non2xx > 0) || (ssr?.failures ?? 0) > 0;
if (failed) {
  console.error("bench: some requests failed");
  process.exit(1);
}
