/**
 * pnpm bench:catalog [--products 100000] [--seconds 20] [--connections 32]
 *
 * catalog.productBySlug over HTTP through the real stack (tRPC fetch adapter, superjson,
 * zod, service, Drizzle) against a baseline in the same run: plain node:http answering the
 * same SQL through the same driver. Each server runs alone while it is measured.
 */
import { parseArgs } from "node:util";

import { benchDatabase, load, machine, sampleSlugs, startServer, table } from "./lib";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "32" },
  },
});
const products = Number(values.products);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const database = await benchDatabase(products);
const slugs = await sampleSlugs(database.url, 2000);
const trpcPaths = slugs.map(
  (slug) => `/api/trpc/catalog.productBySlug?input=${encodeURIComponent(JSON.stringify({ json: { slug, locale: "uz" } }))}`,
);
const baselinePaths = slugs.map((slug) => `/product?slug=${encodeURIComponent(slug)}&locale=uz`);

const results = [];
const baseline = await startServer("baseline-server.ts", [database.url, "4101"]);
results.push(
  await load("baseline (node:http + postgres.js)", baseline, { url: "http://127.0.0.1:4101", paths: baselinePaths, connections, seconds }),
);
baseline.kill();

const trpc = await startServer("trpc-server.ts", [database.url, "4100"]);
results.push(await load("catalog.productBySlug (tRPC)", trpc, { url: "http://127.0.0.1:4100", paths: trpcPaths, connections, seconds }));
trpc.kill();
await database.close();

const [base, ours] = results as [(typeof results)[0], (typeof results)[0]];
console.log(`\n${machine()} · ${products.toLocaleString("en")} products · ${connections} connections · ${seconds} s each\n`);
console.log(table(results));
console.log(`\nthroughput ratio tRPC / baseline: ${((ours.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(0)}% (target ≥ 50%)`);
if (ours.errors + ours.non2xx + base.errors + base.non2xx > 0) {
  console.error("bench: some requests failed");
  process.exit(1);
}
