/**
 * pnpm bench:auth [--sessions 2000] [--validations 20000] [--concurrency 32] [--seconds 15]
 *
 * 1. Session validation, the work every signed-in request does: cookie → SHA-256 →
 *    KV hash read (+ a seen-at write at most once a minute). Measured in process, per
 *    call, on Redis (REDIS_URL) and on the PostgreSQL KV twin, with a plain KV GET of the
 *    same size as the baseline in the same run.
 * 2. argon2id cost per hash with the production parameters (one core), and login
 *    throughput over HTTP (auth.login through the real stack) at concurrency 4.
 */
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { parseArgs } from "node:util";

import { createContextInner } from "@ultramarket/api";
import { ARGON2_OPTIONS } from "@ultramarket/api/auth/password";
import { createSession, validateSessionToken } from "@ultramarket/api/auth/sessions";
import { createLogger } from "@ultramarket/api/logger";
import { createRuntime } from "@ultramarket/api/runtime";
import type { Runtime } from "@ultramarket/api/runtime";
import { DEMO_PASSWORD } from "@ultramarket/db/seed";
import { env } from "../scripts/env";
import { benchDatabase, machine, percentile, startServer } from "./lib";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "2000" },
    validations: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "32" },
    seconds: { type: "string", default: "15" },
  },
});
const sessionCount = Number(values.sessions);
const validations = Number(values.validations);
const concurrency = Number(values.concurrency);

async function timed(total: number, workers: number, op: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await op(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { perSecond: Math.round(total / seconds), p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function sessionBench(runtime: Runtime, label: string) {
  const ctx = createContextInner(runtime);
  const tokens: string[] = [];
  for (let i = 0; i < sessionCount; i++) {
    const { token } = await createSession(ctx, {
      userId: `00000000-0000-7000-8000-${String(i).padStart(12, "0")}`,
      role: "CUSTOMER",
      vendorIds: [],
      twoFactorVerified: false,
      ip: "127.0.0.1",
      userAgent: "bench",
    });
    tokens.push(token);
  }
  await runtime.kv.set("bench:baseline", "x".repeat(300));
  const baseline = await timed(validations, concurrency, () => runtime.kv.get("bench:baseline"));
  const validation = await timed(validations, concurrency, async (i) => {
    if (!(await validateSessionToken(ctx, tokens[i % tokens.length]!))) throw new Error("session did not validate");
  });
  return [
    `| ${label}: KV GET (baseline) | ${baseline.perSecond.toLocaleString("en")} | ${baseline.p50.toFixed(2)} | ${baseline.p99.toFixed(2)} |`,
    `| ${label}: validateSessionToken | ${validation.perSecond.toLocaleString("en")} | ${validation.p50.toFixed(2)} | ${validation.p99.toFixed(2)} |`,
  ];
}

const database = await benchDatabase(1000);
const lines: string[] = [];
for (const redisUrl of env.REDIS_URL ? [env.REDIS_URL, undefined] : [undefined]) {
  const runtime = await createRuntime({
    service: "bench",
    appEnv: "production",
    databaseUrl: database.url,
    databaseSource: "external",
    redisUrl,
    filesDir: "/tmp",
    publicWebUrl: "http://localhost:3000",
    publicAdminUrl: "http://localhost:3001",
    kvPrefix: `bench:${Date.now()}:`,
    logger: createLogger({ service: "bench", level: "warn" }),
  });
  lines.push(...(await sessionBench(runtime, redisUrl ? "Redis" : "PostgreSQL KV")));
  await runtime.close();
}

// argon2id: the cost of one hash on one core, with production parameters.
const hashes = await timed(40, 1, () => hash("benchmark-password-2026", ARGON2_OPTIONS));

// Logins over HTTP through the real stack; argon2 runs on libuv's thread pool (4 threads by default).
const server = await startServer("trpc-server.ts", [database.url, "4102", "unlimited"]);
const login = await autocannon({
  url: "http://127.0.0.1:4102/api/trpc/auth.login",
  connections: 4,
  duration: Number(values.seconds),
  method: "POST",
  headers: { "content-type": "application/json", origin: "http://127.0.0.1:4102" },
  body: JSON.stringify({ json: { email: "customer@ultramarket.uz", password: DEMO_PASSWORD } }),
});
server.kill();
await database.close();

console.log(
  `\n${machine()} · ${sessionCount.toLocaleString("en")} sessions · ${validations.toLocaleString("en")} validations at concurrency ${concurrency}\n`,
);
console.log("| operation | ops/s | p50 ms | p99 ms |\n|---|---:|---:|---:|");
console.log(lines.join("\n"));
console.log(
  `\nargon2id (m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}): p50 ${hashes.p50.toFixed(1)} ms per hash on one core (${(1000 / hashes.p50).toFixed(0)} hashes/s per core)`,
);
console.log(
  `auth.login over HTTP, 4 connections, ${values.seconds} s: ${login.requests.average.toFixed(1)} logins/s, p50 ${login.latency.p50} ms, p99 ${login.latency.p99} ms, non-2xx ${login.non2xx}, errors ${login.errors}`,
);
if (login.non2xx + login.errors > 0) {
  console.error("bench: some logins failed");
  process.exit(1);
}
