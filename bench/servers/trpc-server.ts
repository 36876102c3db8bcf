// The real stack: app router + tRPC fetch adapter + superjson + zod + the catalog service.
import { createServer } from "node:http";

import { handleTrpcRequest } from "@ultramarket/api/http";
import { createRuntime } from "@ultramarket/api/runtime";
import { RATE_LIMITS } from "@ultramarket/api/auth/rate-limit";
import { createLogger } from "@ultramarket/api/logger";
import { fetchHandler } from "./node-fetch-bridge";

const [databaseUrl, port, mode] = process.argv.slice(2);
if (!databaseUrl || !port) throw new Error("usage: trpc-server <database-url> <port>");
const runtime = await createRuntime({
  service: "bench",
  appEnv: "production",
  databaseUrl,
  publicWebUrl: "http://localhost:3000",
  publicAdminUrl: "http://localhost:3001",
  databaseSource: "external",
  filesDir: "/tmp",
  dbPoolSize: 10,
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
