import type { z } from "zod";

import type { Context } from "../core/context";

export interface JobOptions {
  retryLimit: number;
  /** First retry delay in seconds; doubled on each retry when retryBackoff is set. */
  retryDelay: number;
  retryBackoff: boolean;
  /** After this long in `active` (a crashed worker) the job is failed and retried. */
  expireInSeconds: number;
}

export interface JobDefinition<TSchema extends z.ZodType = z.ZodType> {
  name: string;
  schema: TSchema;
  options: JobOptions;
  /** Runs on a cron schedule (UTC) as well, started by the worker. */
  schedule?: { cron: string; payload: z.input<TSchema> };
  /** Must be idempotent: after a crash the same job can run again. */
  handle: (ctx: Context, payload: z.infer<TSchema>, job: { id: string; attempt: number }) => Promise<void>;
}

/** A job is one file: its name, payload schema, retry policy and handler. */
export function defineJob<TSchema extends z.ZodType>(definition: JobDefinition<TSchema>): JobDefinition<TSchema> {
  return definition;
}

export const deadLetterQueue = (name: string) => `${name}__dead`;
