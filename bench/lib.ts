import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";

import { runMigrations } from "@ultramarket/db/migrate";
import { dataDir, findRepoRoot } from "@ultramarket/db/paths";
import { seedDatabase } from "@ultramarket/db/seed";
import { openDatabase } from "@ultramarket/db/cli/database";
import { env } from "../scripts/env";

export const ROOT = findRepoRoot();

/**
 * A database named for its size (`um_bench_100000`) on DATABASE_URL's server or the
 * embedded one; seeded once and reused by later runs.
 */
export async function benchDatabase(products: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await openDatabase(env.DATABASE_URL);
  const name = `um_bench_${products}`;
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const admin = postgres(server.url, { max: 1, onnotice: () => undefined });
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  await runMigrations(url.toString());
  const probe = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  const [{ n }] = (await probe`select count(*)::int as n from products`) as unknown as [{ n: number }];
  await probe.end();
  if (n !== products) {
    console.log(`bench: seeding ${products.toLocaleString("en")} products into ${name}…`);
    const report = await seedDatabase(url.toString(), { products, filesDir: path.join(dataDir(ROOT), "files") });
    console.log(`bench: seeded in ${report.seconds.toFixed(1)} s`);
  }
  return { url: url.toString(), close: server.close };
}

export async function sampleSlugs(url: string, count: number): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const rows = (await sql`select slug from products where status = 'published' order by random() limit ${count}`) as unknown as {
    slug: string;
  }[];
  await sql.end();
  return rows.map((r) => r.slug);
}

/** Starts a bench server; `nodeArgs` go to node itself (e.g. `--cpu-prof` to see where a server's time goes). */
export async function startServer(script: string, args: string[], nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(ROOT, "bench", "servers", script), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMiB: number;
}

/** Drives a server with autocannon, sampling its resident memory every 250 ms. */
export async function load(
  name: string,
  server: ChildProcess,
  options: { url: string; paths: string[]; connections: number; seconds: number },
): Promise<LoadResult> {
  let i = 0;
  const next = () => options.paths[i++ % options.paths.length]!;
  // Warm-up: JIT, connection pools and Postgres caches, not measured.
  await autocannon({
    url: options.url,
    connections: options.connections,
    duration: 3,
    requests: [{ setupRequest: (r) => ({ ...r, path: next() }) }],
  });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid!))), 250);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ setupRequest: (r) => ({ ...r, path: next() }) }],
  });
  clearInterval(timer);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssMiB: Math.round(peak),
  };
}

/** The p-th percentile of ascending samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function table(results: LoadResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${Math.round(r.requestsPerSecond).toLocaleString("en")} | ${r.p50} | ${r.p99} | ${r.peakRssMiB} | ${r.errors} | ${r.non2xx} |`,
  );
  return ["| server | req/s | p50 ms | p99 ms | peak RSS MiB | errors | non-2xx |", "|---|---:|---:|---:|---:|---:|---:|", ...rows].join(
    "\n",
  );
}

/** CPU seconds used so far by the machine's processes, summed per kind (from /proc; Linux only). */
export function cpuSecondsByKind(kinds: { serverPids: number[] }): Map<string, number> {
  const ticksPerSecond = 100;
  const totals = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended while we looked
    }
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    const pid = Number(entry);
    const kind =
      pid === process.pid
        ? "load generator"
        : kinds.serverPids.includes(pid)
          ? "app server"
          : command.startsWith("postgres")
            ? "PostgreSQL"
            : command.startsWith("redis")
              ? "Redis"
              : "other";
    totals.set(kind, (totals.get(kind) ?? 0) + seconds);
  }
  return totals;
}

/** CPU milliseconds per operation for each kind of process between two `cpuSecondsByKind` readings. */
export function cpuPerOperation(before: Map<string, number>, after: Map<string, number>, operations: number): string {
  return [...after.entries()]
    .map(([kind, seconds]) => [kind, ((seconds - (before.get(kind) ?? 0)) * 1000) / operations] as const)
    .filter(([, ms]) => ms >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${ms.toFixed(2)}`)
    .join(", ");
}
