import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";

import { createContextInner } from "@ultramarket/api";
import { EMBEDDED_DATABASE_URL } from "@ultramarket/api/config";
import { createRuntime } from "@ultramarket/api/runtime";
import { sendEmailJob } from "@ultramarket/api/jobs/send-email";
import { openDatabase } from "@ultramarket/db/cli/database";
import { runMigrations } from "@ultramarket/db/migrate";
import { dataDir, findRepoRoot } from "@ultramarket/db/paths";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { env, inheritedEnv } from "./env";

export const ROOT = findRepoRoot();
export const FILES_DIR = env.FILES_DIR ?? path.join(dataDir(ROOT), "files");

export function log(line: string) {
  console.log(`[run] ${line}`);
}

/** DATABASE_URL's server, or the embedded PostgreSQL; migrated, and seeded when empty. */
export async function prepareDatabase(options: { seedProducts: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const database = await openDatabase(env.DATABASE_URL);
  log(
    env.DATABASE_URL
      ? "database: DATABASE_URL"
      : `database: embedded PostgreSQL (${path.join(".data", "postgres")}, ${EMBEDDED_DATABASE_URL.replace(/:[^:@/]+@/, ":***@")})`,
  );
  await migrateAndSeed(database.url, { seedProducts: options.seedProducts, filesDir: FILES_DIR });
  return database;
}

/** Applies migrations; when the database has no users yet, loads the demo marketplace and mails the demo accounts. */
export async function migrateAndSeed(url: string, options: { seedProducts: number; filesDir: string }): Promise<void> {
  await runMigrations(url);
  const probe = postgres(url, { max: 1, onnotice: () => undefined });
  const [{ n }] = (await probe`select count(*)::int as n from users`) as unknown as [{ n: number }];
  await probe.end();
  if (n === 0) {
    log(`empty database: seeding ${options.seedProducts} demo products…`);
    const report = await seedDatabase(url, { products: options.seedProducts, filesDir: options.filesDir });
    log(
      `seeded ${report.products} products, ${report.variants} variants, ${report.categories} categories, ${report.vendors} vendors in ${report.seconds.toFixed(1)} s`,
    );
    await sendWelcomeMail(url, options.filesDir);
    log(`demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) {
      log(`  ${account.role.padEnd(11)} ${account.email}${account.totpSecret ? `  TOTP secret ${account.totpSecret}` : ""}`);
    }
  }
}

/** Welcome mail for the demo accounts, through the real job queue: the console's dev mailbox shows it once the worker runs. */
async function sendWelcomeMail(databaseUrl: string, filesDir: string) {
  const runtime = await createRuntime({
    service: "run",
    appEnv: "development",
    databaseUrl,
    publicWebUrl: "http://localhost:3000",
    publicAdminUrl: "http://localhost:3001",
    databaseSource: env.DATABASE_URL ? "external" : "embedded",
    redisUrl: env.REDIS_URL,
    filesDir,
    logLevel: "warn",
  });
  const ctx = createContextInner(runtime);
  for (const account of DEMO_ACCOUNTS) {
    await ctx.jobs.enqueue(ctx.db, sendEmailJob, {
      to: account.email,
      subject: "UltraMarket’ga xush kelibsiz! · Добро пожаловать!",
      text: `Salom, ${account.name}!\n\nDemo hisobingiz tayyor (${account.role}).\n\nЗдравствуйте! Ваш демо-аккаунт готов.`,
    });
  }
  await runtime.close();
}

interface Service {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface RunningService {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a child with its output prefixed by its name; `exited` settles when it ends. */
function startService(service: Service): RunningService {
  const child = spawn(service.command, service.args, {
    cwd: path.join(ROOT, service.cwd),
    env: { ...inheritedEnv(), ...service.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${service.name}]`.padEnd(9);
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`${prefix} ${line}\n`);
  };
  child.stdout?.on("data", relay(process.stdout));
  child.stderr?.on("data", relay(process.stderr));
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

export interface StackOptions {
  mode: "dev" | "start";
  ports: { web: number; admin: number; worker: number };
  /** Variables for all three processes (on top of the caller's environment). */
  env: Record<string, string>;
}

/**
 * Storefront, console and worker, resolved once all three answer their readiness checks.
 * Production mode builds the apps first (turbo caches the builds).
 */
export async function startStack(options: StackOptions): Promise<RunningService[]> {
  const dev = options.mode === "dev";
  if (!dev) {
    log("building storefront and console (turbo caches the builds)…");
    await run("pnpm", [
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=@ultramarket/web",
      "--filter=@ultramarket/admin",
      "--output-logs=errors-only",
    ]);
  }
  const env = { APP_ENV: dev ? "development" : "production", ...options.env };
  const next = (app: string, port: number): Service => ({
    name: app,
    cwd: `apps/${app}`,
    command: path.join(ROOT, "apps", app, "node_modules", ".bin", "next"),
    args: [options.mode, "--port", String(port)],
    env,
  });
  const services = [
    startService(next("web", options.ports.web)),
    startService(next("admin", options.ports.admin)),
    startService({
      name: "worker",
      cwd: "apps/worker",
      command: process.execPath,
      args: ["--import", "tsx", ...(dev ? ["--watch"] : []), "src/main.ts"],
      env: { ...env, WORKER_PORT: String(options.ports.worker) },
    }),
  ];
  try {
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${options.ports.web}/api/ready`),
      waitForHttp(`http://127.0.0.1:${options.ports.admin}/api/ready`),
      waitForHttp(`http://127.0.0.1:${options.ports.worker}/ready`),
    ]);
  } catch (error) {
    await stopServices(services);
    throw error;
  }
  return services;
}

export function run(command: string, args: string[], cwd = ROOT): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: inheritedEnv() });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}

/** Ends the children (SIGTERM, so the worker finishes its job in hand) and waits for them. */
export async function stopServices(services: RunningService[]): Promise<void> {
  for (const { child } of services) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(services.map((s) => s.exited));
}
