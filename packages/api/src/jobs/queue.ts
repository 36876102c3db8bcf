import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { z } from "zod";

import type { DbExecutor } from "@ultramarket/db";
import type { JobDefinition } from "./define";
import { deadLetterQueue } from "./define";

/**
 * pg-boss speaks `executeSql(text, $n-values)`; this turns such a call into a Drizzle SQL
 * object so it runs on whatever executor the caller holds, including its open
 * transaction. Objects are sent as JSON text because postgres.js does not serialise them
 * for untyped parameters the way node-postgres (pg-boss's own driver) does.
 */
function positionalSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
      return;
    }
    const value = values[Number(part) - 1];
    const encoded =
      value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)
        ? JSON.stringify(value)
        : (value ?? null);
    chunks.push(sql`${encoded}`);
  });
  return sql.join(chunks);
}

export function executorAdapter(db: DbExecutor) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const rows = await db.execute(positionalSql(text, values));
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
