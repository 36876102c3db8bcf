/**
 * pnpm bench:search [--products 1000000] [--seconds 20] [--connections 16] [--rebuild] [--port 3580]
 *
 * Over HTTP, through the real stack (tRPC fetch adapter, superjson, zod, search service, Postgres engine), against
 * a database seeded with --products products (created once, reused; see lib.ts):
 *  0. The search index: built when the active version is empty (or with --rebuild), timed.
 *  1. search.query with Zipf-distributed queries from the catalog's vocabulary (Uzbek Latin and Cyrillic, Russian,
 *     English, brands, brand + noun, typos; some with filters, sorts, second pages), cache off and on.
 *  2. search.suggest with 2–8 character prefixes of the same queries, cache off and on.
 *  3. Typed with a typo vs spelled right: the same nouns, cache off.
 * Latencies are measured per request by a closed loop of --connections clients (autocannon reports no p95).
 * Targets (issue 6), cache off: suggest p95 ≤ 30 ms; query p95 ≤ 150 ms; a typo within 2× of its correct spelling.
 */
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";

import { createRuntime } from "@ultramarket/api/runtime";
import { createContextInner } from "@ultramarket/api";
import { createLogger } from "@ultramarket/api/logger";
import { env } from "../scripts/env";
import { rebuildIndex } from "../packages/api/src/search/indexing";
import { benchDatabase, machine, startServer } from "./lib";
import type { SearchInput } from "./search-queries";
import { createRandom, loadVocabulary, withTypo, zipfPrefixes, zipfSearches } from "./search-queries";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
    rebuild: { type: "boolean", default: false },
    // Ports 3000–3199 belong to the apps; other benchmarks and e2e runs may hold some of 3400–3599.
    port: { type: "string", default: "3580" },
  },
});
const products = Number(values.products);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;

const trpcPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

interface Measured {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** The slowest distinct requests by their median latency. */
  slowest: { path: string; median: number; count: number }[];
}

/** `connections` clients, each sending the next path as soon as its previous answer ended, for `duration` seconds. */
async function closedLoop(name: string, paths: string[], duration: number): Promise<Measured> {
  const samples: number[] = [];
  const byPath = new Map<string, number[]>();
  let failures = 0;
  let i = 0;
  const deadline = Date.now() + duration * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.get(`${BASE}${path}`, { agent }, (response) => {
        response.resume();
        response.on("end", () => {
          const ms = performance.now() - started;
          samples.push(ms);
          const list = byPath.get(path) ?? [];
          list.push(ms);
          byPath.set(path, list);
          if (response.statusCode !== 200) failures++;
          resolve();
        });
      });
      request.on("error", () => {
        failures++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) await one(paths[i++ % paths.length]!);
    }),
  );
  agent.destroy();
  samples.sort((a, b) => a - b);
  const at = (list: number[], p: number) => Math.round(list[Math.min(list.length - 1, Math.floor(list.length * p))]! * 10) / 10;
  const slowest = [...byPath.entries()]
    .map(([path, list]) => ({
      path,
      median: at(
        list.sort((a, b) => a - b),
        0.5,
      ),
      count: list.length,
    }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 5);
  const result = {
    name,
    requests: samples.length,
    perSecond: Math.round(samples.length / duration),
    p50: at(samples, 0.5),
    p95: at(samples, 0.95),
    p99: at(samples, 0.99),
    failures,
    slowest,
  };
  console.log(
    `  ${name}: ${result.perSecond} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms${failures ? `, ${failures} failed` : ""}`,
  );
  return result;
}

async function measure(name: string, paths: string[], duration = seconds): Promise<Measured> {
  await closedLoop(`${name} (warm-up)`, paths, 3);
  return closedLoop(name, paths, duration);
}

const decodeInput = (path: string) => (JSON.parse(decodeURIComponent(path.slice(path.indexOf("input=") + 6))) as { json: unknown }).json;

const database = await benchDatabase(products);

console.log(`\n${machine()} · ${products.toLocaleString("en")} products · ${connections} connections · ${seconds} s each`);

console.log("\n0. search index");
const runtime = await createRuntime({
  service: "bench",
  appEnv: "production",
  databaseUrl: database.url,
  publicWebUrl: "http://localhost:3000",
  publicAdminUrl: "http://localhost:3001",
  databaseSource: "external",
  filesDir: "/tmp",
  dbPoolSize: 4,
  redisUrl: env.REDIS_URL,
  kvPrefix: `bench-search-index:`,
  logger: createLogger({ service: "bench", level: "warn" }),
});
let rebuild: { seconds: number; documents: number } | null = null;
const stats = await runtime.search.stats(runtime.db);
if (values.rebuild || stats.documents === 0) {
  const started = performance.now();
  const built = await rebuildIndex(createContextInner(runtime));
  rebuild = { seconds: (performance.now() - started) / 1000, documents: built.documents };
  console.log(`  rebuilt version ${built.version}: ${built.documents.toLocaleString("en")} documents in ${rebuild.seconds.toFixed(1)} s`);
} else
  console.log(
    `  version ${stats.activeVersion} is active with ${stats.documents.toLocaleString("en")} documents (--rebuild to time a build)`,
  );
await runtime.close();

const vocabulary = await loadVocabulary(database.url);
const searches = zipfSearches(vocabulary, 20_000);
const prefixes = zipfPrefixes(vocabulary, 20_000);
const queryPaths = searches.map((input) => trpcPath("search.query", input));
const suggestPaths = prefixes.map((input) => trpcPath("search.suggest", input));
console.log(
  `  traffic: ${new Set(queryPaths).size} distinct queries, ${new Set(suggestPaths).size} distinct prefixes, Zipf-weighted; most asked: ` +
    [...new Set(searches.slice(0, 200).map((s) => JSON.stringify(s.text)))].slice(0, 6).join(", "),
);

// Typos made in the nouns shoppers type most, each measured against its correct spelling.
const random = createRandom(7);
const typoPairs = vocabulary.flatMap((leaf) =>
  [leaf.nouns.uz, leaf.nouns.en].map((correct) => ({ correct, typo: withTypo(correct, random) })).filter((p) => p.typo !== p.correct),
);
const pairPath = (text: string) => trpcPath("search.query", { text, locale: "uz" } satisfies SearchInput);

const kvPrefix = `bench-search-${Date.now()}:`;
const serverArgs = (cache: "on" | "off") => [
  database.url,
  String(PORT),
  "limited",
  `--cache=${cache}`,
  `--kv-prefix=${kvPrefix}`,
  ...(env.REDIS_URL ? [`--redis=${env.REDIS_URL}`] : []),
];

const results: Record<"off" | "on", { query: Measured; suggest: Measured }> = {} as never;
let typo: { correct: Measured; typo: Measured } | null = null;
for (const cache of ["off", "on"] as const) {
  console.log(`\ncache ${cache}`);
  let server: ChildProcess | null = await startServer("trpc-server.ts", serverArgs(cache));
  try {
    const query = await measure(`1. search.query (cache ${cache})`, queryPaths);
    const suggest = await measure(`2. search.suggest (cache ${cache})`, suggestPaths);
    results[cache] = { query, suggest };
    if (cache === "off") {
      const correct = await measure(
        "3. correct spelling (cache off)",
        typoPairs.map((p) => pairPath(p.correct)),
        Math.max(5, seconds / 2),
      );
      const typed = await measure(
        "3. one typo (cache off)",
        typoPairs.map((p) => pairPath(p.typo)),
        Math.max(5, seconds / 2),
      );
      typo = { correct, typo: typed };
    }
  } finally {
    server.kill();
    server = null;
  }
}
await database.close();

const row = (m: Measured) =>
  `| ${m.name} | ${m.requests.toLocaleString("en")} | ${m.perSecond.toLocaleString("en")} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.failures} |`;
const all = [results.off.query, results.on.query, results.off.suggest, results.on.suggest, typo!.correct, typo!.typo];
console.log(`\n${machine()} · ${products.toLocaleString("en")} products · ${connections} connections · ${seconds} s each\n`);
if (rebuild) console.log(`index rebuild: ${rebuild.documents.toLocaleString("en")} documents in ${rebuild.seconds.toFixed(1)} s\n`);
console.log(
  ["| run | requests | req/s | p50 ms | p95 ms | p99 ms | failed |", "|---|---:|---:|---:|---:|---:|---:|", ...all.map(row)].join("\n"),
);
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(`\nsuggest p95, cache off: ${results.off.suggest.p95} ms (target ≤ 30 ms: ${verdict(results.off.suggest.p95 <= 30)})`);
console.log(`query p95, cache off: ${results.off.query.p95} ms (target ≤ 150 ms: ${verdict(results.off.query.p95 <= 150)})`);
console.log(
  `typo / correct, cache off: p50 ${ratio(typo!.typo.p50, typo!.correct.p50)}×, p95 ${ratio(typo!.typo.p95, typo!.correct.p95)}× ` +
    `(target ≤ 2×: ${verdict(typo!.typo.p95 <= 2 * typo!.correct.p95)})`,
);
console.log("\nslowest queries, cache off (median ms, times asked):");
for (const slow of [...results.off.query.slowest, ...results.off.suggest.slowest])
  console.log(`  ${slow.median} ms ×${slow.count}  ${JSON.stringify(decodeInput(slow.path))}`);
if (all.some((m) => m.failures > 0)) {
  console.error("bench: some requests failed");
  process.exit(1);
}
