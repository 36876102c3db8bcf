import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

import { defineJob } from "../define";

/** A job that holds the worker for a while, so tests can kill or stop it mid-run. */
export const slowJob = defineJob({
  name: "test-slow",
  schema: z.strictObject({ holdMs: z.number().int().min(0), to: z.email() }),
  options: { retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 4 },
  async handle(ctx, payload, job) {
    console.log(`slow job ${job.id} started (attempt ${job.attempt})`);
    await sleep(payload.holdMs);
    await ctx.mailer.send(ctx.db, { to: payload.to, subject: `done ${job.id}`, text: `attempt ${job.attempt}` }, job.id);
    console.log(`slow job ${job.id} finished`);
  },
});

export const failingJob = defineJob({
  name: "test-failing",
  schema: z.strictObject({ note: z.string() }),
  options: { retryLimit: 2, retryDelay: 1, retryBackoff: true, expireInSeconds: 30 },
  async handle() {
    throw new Error("this job always fails");
  },
});
