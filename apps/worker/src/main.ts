import { createServer } from "node:http";

import { runtimeConfigFromEnv } from "@ultramarket/api/config";
import { checkReadiness, createRuntime } from "@ultramarket/api/runtime";
import { metrics, trackQueueStates } from "@ultramarket/api/metrics";
import { startWorker, stopOnSignals } from "@ultramarket/api/worker";
import { env } from "./env";

const runtime = await createRuntime({ ...runtimeConfigFromEnv(env, "worker"), jobs: { supervise: true } });
const worker = await startWorker(runtime);
trackQueueStates(runtime);

// Liveness, readiness and Prometheus metrics on the worker's own port.
const server = createServer((request, response) => {
  void (async () => {
    if (request.url === "/health") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    } else if (request.url === "/ready") {
      const readiness = await checkReadiness(runtime);
      response.writeHead(readiness.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(readiness));
    } else if (request.url === "/metrics") {
      const { registry } = metrics();
      response.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
    } else {
      response.writeHead(404).end();
    }
  })();
});
server.listen(env.WORKER_PORT, () => runtime.logger.info({ port: env.WORKER_PORT }, "worker health server listening"));

stopOnSignals(runtime, worker, () => new Promise((resolve) => server.close(() => resolve())));
