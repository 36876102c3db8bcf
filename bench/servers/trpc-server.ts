// The real stack: app router + tRPC fetch adapter + superjson + zod + the catalog service.
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import { handleTrpcRequest } from "@ultramarket/api/http";
import { createRuntime } from "@ultramarket/api/runtime";
import { RATE_LIMITS } from "@ultramarket/api/auth/rate-limit";
import { createLogger } from "@ultramarket/api/logger";
import { fetchHandler } from "./node-fetch-bridge";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cache: { type: "string", default: "on" },
    redis: { type: "string" },
    "kv-prefix": { type: "string" },
    // DB_POOL_SIZE of the apps (default 10).
    pool: { type: "string", default: "10" },
  },
});
const [databaseUrl, port, mode] = positionals;
if (!databaseUrl || !port) throw new Error("usage: trpc-server <database-url> <port>");
const runtime = await createRuntime({
  service: "bench",
  appEnv: "production",
  databaseUrl,
  publicWebUrl: "http://localhost:3000",
  publicAdminUrl: "http://localhost:3001",
  databaseSource: "external",
  filesDir: "/tmp",
  dbPoolSize: Number(values.pool),
  // The catalog benchmark runs with the cache on and off, in Redis when it has one.
  redisUrl: values.redis,
  kvPrefix: values["kv-prefix"],
  catalogCache: values.cache !== "off",
  logger: createLogger({ service: "bench", level: "warn" }),
  // `unlimited`: the login benchmark measures hashing throughput, not the rate limiter.
  rateLimits:
    mode === "unlimited"
      ? Object.fromEntries(Object.keys(RATE_LIMITS).map((name) => [name, { points: 1_000_000_000, duration: 1 }]))
      : undefined,
});
createServer(
  fetchHandler((request) =>
    handleTrpcRequest(runtime, request, { endpoint: "/api/trpc", exposeInternals: false, sessionCookieName: "__Host-bench" }),
  ),
).listen(Number(port), () => console.log("listening"));
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile when the benchmark stops the server.
process.on("SIGTERM", () => process.exit(0));
