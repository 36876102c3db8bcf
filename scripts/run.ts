/**
 * The README's run command. Brings up storefront (:3000), console (:3001) and worker
 * (:3002) with demo data. Unset DATABASE_URL / REDIS_URL / MEILI_URL / SMTP_URL mean the
 * embedded defaults (ARCHITECTURE.md): a project-local PostgreSQL under .data/ that also
 * carries the key-value store, search and the dev mailbox.
 *
 *   pnpm start        production builds (cached by turbo after the first run)
 *   pnpm dev          next dev with hot reload
 */
import { parseArgs } from "node:util";

import { log, nextBin, prepareDatabase, run, startService, stopServices, waitForHttp } from "./stack";

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, products: { type: "string", default: "600" } } });
const dev = values.dev;
const started = Date.now();

const database = await prepareDatabase({ seedProducts: Number(values.products) });
if (!dev) {
  log("building storefront and console (cached after the first run)…");
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

const mode = dev ? "dev" : "start";
const appEnv = { APP_ENV: dev ? "development" : "production" };
const services = [
  startService({ name: "web", cwd: "apps/web", command: nextBin("web"), args: [mode, "--port", "3000"], env: appEnv }, database.url),
  startService({ name: "admin", cwd: "apps/admin", command: nextBin("admin"), args: [mode, "--port", "3001"], env: appEnv }, database.url),
  startService(
    {
      name: "worker",
      cwd: "apps/worker",
      command: process.execPath,
      args: ["--import", "tsx", ...(dev ? ["--watch"] : []), "src/main.ts"],
      env: appEnv,
    },
    database.url,
  ),
];

await Promise.all(
  ["http://127.0.0.1:3000/api/ready", "http://127.0.0.1:3001/api/ready", "http://127.0.0.1:3002/ready"].map((u) => waitForHttp(u)),
);
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(0)} s — storefront http://localhost:3000 · console http://localhost:3001 · worker http://localhost:3002/health`,
);

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
for (const service of services) {
  void service.exited.then((code) => {
    if (!stopping) {
      log(`a service exited (code ${code}); stopping the rest`);
      void stop(1);
    }
  });
}
