import { z } from "zod";

import { defineJob } from "../define";

export const sendEmailJob = defineJob({
  name: "email-send",
  schema: z.strictObject({
    to: z.email(),
    subject: z.string().min(1).max(300),
    text: z.string().min(1).max(100_000),
    html: z.string().max(300_000).optional(),
  }),
  options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  async handle(ctx, payload, job) {
    await ctx.mailer.send(ctx.db, payload, job.id);
    ctx.log.info({ jobId: job.id, to: payload.to, transport: ctx.mailer.transport }, "email delivered");
  },
});
