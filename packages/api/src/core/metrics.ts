import client from "prom-client";

import type { Runtime } from "./runtime";

interface Metrics {
  registry: client.Registry;
  procedureRequests: client.Counter<"path" | "type" | "code">;
  procedureDuration: client.Histogram<"path" | "type">;
  jobs: client.Counter<"queue" | "state">;
}

const KEY = Symbol.for("ultramarket.metrics");

/**
 * One registry per process. Kept on globalThis because Next.js may evaluate this module
 * once per route bundle, and the /metrics route must see what the tRPC route counted.
 */
export function metrics(): Metrics {
  const holder = globalThis as unknown as { [KEY]?: Metrics };
  if (holder[KEY]) return holder[KEY];
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const created: Metrics = {
    registry,
    procedureRequests: new client.Counter({
      name: "trpc_requests_total",
      help: "tRPC procedure calls by path, type and result code",
      labelNames: ["path", "type", "code"],
      registers: [registry],
    }),
    procedureDuration: new client.Histogram({
      name: "trpc_request_duration_seconds",
      help: "tRPC procedure latency",
      labelNames: ["path", "type"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    jobs: new client.Counter({
      name: "jobs_total",
      help: "Jobs handled by queue and final state of the attempt",
      labelNames: ["queue", "state"],
      registers: [registry],
    }),
  };
  holder[KEY] = created;
  return created;
}

export async function renderMetrics(): Promise<Response> {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}

/** A gauge read from pg-boss at scrape time: how many jobs sit in each queue and state. */
export function trackQueueStates(runtime: Runtime): void {
  const { registry } = metrics();
  if (registry.getSingleMetric("jobs_in_state")) return;
  new client.Gauge({
    name: "jobs_in_state",
    help: "Jobs currently in each pg-boss queue and state",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      const rows = (await runtime.sql`select name, state::text as state, count(*)::int as n from pgboss.job group by 1, 2`) as unknown as {
        name: string;
        state: string;
        n: number;
      }[];
      this.reset();
      for (const row of rows) this.set({ queue: row.name, state: row.state }, row.n);
    },
  });
}
