import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { z } from "zod";

import type { DbExecutor } from "@ultramarket/db";
import { clientOf } from "../core/prepared";
import type { JobDefinition } from "./define";
import { deadLetterQueue } from "./define";

/** Objects go as JSON text: postgres.js does not serialise them for untyped parameters the way node-postgres (pg-boss's own driver) does. */
function encodeParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value !== null && typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : (value ?? null);
}

/** pg-boss's `executeSql(text, $n-values)` as a Drizzle SQL object, for an executor without a postgres.js client under it. */
function positionalSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
      return;
    }
    chunks.push(sql`${encodeParameter(values[Number(part) - 1])}`);
  });
  return sql.join(chunks);
}

/**
 * pg-boss speaks `executeSql(text, $n-values)`; this runs such a call on whatever executor
 * the caller holds, including its open transaction, so a job exists if and only if the
 * transaction that enqueued it commits.
 */
export function executorAdapter(db: DbExecutor) {
  const client = clientOf(db);
  return {
    async executeSql(text: string, values: unknown[] = []) {
      // pg-boss's statement texts are constant: prepared once per connection, a job insert skips parsing and planning
      // (0.7 ms of an order's database time before; docs/benchmarks.md).
      const rows = client
        ? await client.unsafe(text, values.map(encodeParameter) as never[], { prepare: true })
        : await db.execute(positionalSql(text, values));
      return { rows: Array.from(rows as Iterable<unknown>) };
    },
  };
}

export interface JobQueue {
  readonly boss: PgBoss;
  /**
   * Enqueues through `db`. Pass a transaction and the job exists if and only if that
   * transaction commits: the rule that keeps side effects in step with the data.
   */
  enqueue<T extends JobDefinition>(db: DbExecutor, job: T, payload: z.input<T["schema"]>): Promise<string>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export interface JobQueueOptions {
  databaseUrl: string;
  /** Only the worker supervises (expiry, retention) and runs schedules. */
  supervise: boolean;
  maintenanceIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

export async function startJobQueue(options: JobQueueOptions, definitions: JobDefinition[]): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: options.supervise ? 4 : 2,
    application_name: "ultramarket-jobs",
    supervise: options.supervise,
    schedule: options.supervise,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error: Error) => options.onError?.(error));
  await boss.start();
  for (const definition of definitions) {
    const dead = deadLetterQueue(definition.name);
    await boss.createQueue(dead);
    const queueOptions = { name: definition.name, ...definition.options, deadLetter: dead, retentionMinutes: 60 * 24 * 14 };
    await boss.createQueue(definition.name, queueOptions);
    await boss.updateQueue(definition.name, queueOptions);
  }
  return {
    boss,
    async enqueue(db, job, payload) {
      const data = job.schema.parse(payload) as object;
      const id = await boss.send(job.name, data, { db: executorAdapter(db) });
      if (!id) throw new Error(`job queue ${job.name} does not exist`);
      return id;
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      await boss.stop({ graceful, wait: true, timeout: timeoutMs });
    },
  };
}
