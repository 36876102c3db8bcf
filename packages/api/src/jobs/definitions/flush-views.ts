import { z } from "zod";

import { flushViews } from "../../catalog/views";
import { defineJob } from "../define";

/** Every minute: product views counted in the KV store go to products.view_count (popularity). */
export const flushViewsJob = defineJob({
  name: "catalog-flush-views",
  schema: z.strictObject({}),
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: false, expireInSeconds: 120 },
  schedule: { cron: "* * * * *", payload: {} },
  async handle(ctx) {
    const flushed = await flushViews(ctx);
    if (flushed.products) ctx.log.info(flushed, "product views flushed");
  },
});
