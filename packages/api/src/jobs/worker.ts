import { createContextInner } from "../core/context";
import { metrics } from "../core/metrics";
import type { Runtime } from "../core/runtime";
import type { JobDefinition } from "./define";
import { JOB_DEFINITIONS } from "./registry";
import { searchReindexJob } from "./definitions/search-index";
import { needsInitialBuild, requestReindex } from "../search/indexing";

export interface Worker {
  /** Stops taking jobs and waits for the ones in hand to finish (SIGTERM path). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Subscribes a handler per job definition. A job that throws is retried with its
 * definition's backoff and lands in `<name>__dead` when retries run out; a job whose
 * worker died mid-run (SIGKILL, power loss) expires after `expireInSeconds` and is retried.
 * The runtime must have been created with `jobs.supervise` so expiry is enforced.
 */
export async function startWorker(runtime: Runtime, definitions: JobDefinition[] = JOB_DEFINITIONS): Promise<Worker> {
  const { boss } = runtime.jobs;
  const counter = metrics().jobs;
  for (const definition of definitions) {
    await boss.work(definition.name, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      const ctx = createContextInner(runtime, { requestId: `job-${job.id}` });
      const attempt = job.retryCount + 1;
      try {
        const payload = definition.schema.parse(job.data);
        await definition.handle(ctx, payload, { id: job.id, attempt });
        counter.inc({ queue: definition.name, state: "completed" });
      } catch (error) {
        counter.inc({ queue: definition.name, state: "failed" });
        ctx.log.warn({ jobId: job.id, queue: definition.name, attempt, err: error }, "job attempt failed");
        throw error;
      }
    });
  }
  for (const definition of definitions) {
    if (definition.schedule)
      await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.payload as object, { tz: "UTC" });
  }
  runtime.logger.info({ queues: definitions.map((d) => d.name) }, "worker started");
  if (definitions.includes(searchReindexJob as unknown as JobDefinition)) {
    const ctx = createContextInner(runtime, { requestId: "worker-start" });
    // A database seeded or restored without an index (or a new engine) gets one without anyone asking.
    if (await needsInitialBuild(ctx)) {
      await requestReindex(ctx, null);
      runtime.logger.info("search index is empty or outdated: rebuild queued");
    }
  }
  return {
    async stop(timeoutMs = 30_000) {
      await runtime.jobs.stop({ graceful: true, timeoutMs });
    },
  };
}

/**
 * SIGTERM/SIGINT: stop taking jobs, let the one in hand finish, close connections, exit 0.
 * A second signal exits at once. `beforeClose` lets the process stop its HTTP server first.
 */
export function stopOnSignals(runtime: Runtime, worker: Worker, beforeClose?: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    runtime.logger.info({ signal }, "worker stopping: finishing jobs in hand");
    void (async () => {
      await worker.stop();
      await beforeClose?.();
      await runtime.close();
      runtime.logger.info("worker stopped");
      process.exit(0);
    })();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
