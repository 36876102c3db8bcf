/**
 * The README's run command. Brings up storefront (:3000), console (:3001) and worker
 * (:3002) with demo data. Unset DATABASE_URL / REDIS_URL / MEILI_URL / SMTP_URL mean the
 * embedded defaults (ARCHITECTURE.md): a project-local PostgreSQL under .data/ that also
 * carries the key-value store, the job queue and the dev mailbox.
 *
 *   pnpm start        production builds (cached by turbo after the first run)
 *   pnpm dev          next dev with hot reload, worker restarted on change
 */
import { parseArgs } from "node:util";

import { env } from "./env";
import type { RunningService } from "./stack";
import { FILES_DIR, log, prepareDatabase, startStack, stopServices } from "./stack";

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, products: { type: "string", default: "600" } } });
const started = Date.now();

const database = await prepareDatabase({ seedProducts: Number(values.products) });
let services: RunningService[] = [];
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await stopServices(services);
  await database.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  services = await startStack({
    mode: values.dev ? "dev" : "start",
    ports: { web: 3000, admin: 3001, worker: 3002 },
    // Without DATABASE_URL the apps fall back to the embedded server's URL themselves, and
    // so report "database=postgres (embedded)" in their store line.
    env: { FILES_DIR, ...(env.DATABASE_URL ? { DATABASE_URL: database.url } : {}) },
  });
} catch (error) {
  log(String(error));
  await stop(1);
}
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(0)} s — storefront http://localhost:3000 · console http://localhost:3001 · worker http://localhost:3002/health`,
);
for (const service of services) {
  void service.exited.then((code) => {
    if (!stopping) {
      log(`a service exited (code ${code}); stopping the rest`);
      void stop(1);
    }
  });
}
