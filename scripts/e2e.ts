/**
 * Playwright against production builds: a fresh database (cloned from the migrated
 * template, on DATABASE_URL's server or a test-only embedded PostgreSQL), seeded; the
 * storefront, console and worker on ports 3100-3102; then the browser tests.
 */
import path from "node:path";

import { startEmbeddedPostgres } from "@ultramarket/db/embedded";
import { dataDir } from "@ultramarket/db/paths";
import { createIsolatedDatabase, prepareTemplateDatabase } from "@ultramarket/db/testing";
import { env, inheritedEnv } from "./env";
import type { RunningService } from "./stack";
import { log, migrateAndSeed, ROOT, startStack, stopServices } from "./stack";
import { spawn } from "node:child_process";

const filesDir = path.join(dataDir(ROOT), "e2e-files");
let serverUrl = env.DATABASE_URL;
let stopEmbedded: (() => Promise<void>) | undefined;
if (!serverUrl) {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(ROOT), "postgres-test"),
    port: 54339,
    database: "ultramarket_test",
  });
  serverUrl = server.url;
  stopEmbedded = server.stop;
  log("e2e: DATABASE_URL is unset, using an embedded PostgreSQL on port 54339");
}
const database = await createIsolatedDatabase(serverUrl, await prepareTemplateDatabase(serverUrl));
let exitCode = 1;
let services: RunningService[] = [];
try {
  await migrateAndSeed(database.url, { seedProducts: 600, filesDir });
  services = await startStack({
    mode: "start",
    ports: { web: 3100, admin: 3101, worker: 3102 },
    env: {
      DATABASE_URL: database.url,
      FILES_DIR: filesDir,
      LOG_LEVEL: "warn",
      // Its own key space: rate-limit counters and sessions of earlier runs on the same Redis do not leak in.
      KV_PREFIX: `e2e:${database.name}:`,
      // Links in mail point at the test servers.
      PUBLIC_WEB_URL: "http://127.0.0.1:3100",
      PUBLIC_ADMIN_URL: "http://127.0.0.1:3101",
    },
  });
  exitCode = await new Promise<number>((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...inheritedEnv(), E2E_WEB_URL: "http://127.0.0.1:3100", E2E_ADMIN_URL: "http://127.0.0.1:3101" },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
} finally {
  await stopServices(services);
  await database.drop();
  await stopEmbedded?.();
}
process.exit(exitCode);
