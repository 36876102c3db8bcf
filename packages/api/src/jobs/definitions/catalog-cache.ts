import { z } from "zod";

import { defineJob } from "../define";

/** Enqueued by catalog changes in their transaction (catalogChanged); ends the cached reads they made stale. */
export const catalogCacheJob = defineJob({
  name: "catalog-cache-invalidate",
  schema: z.strictObject({ productIds: z.array(z.uuid()).max(500), listings: z.boolean(), categories: z.boolean() }),
  options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 },
  async handle(ctx, payload) {
    const { invalidateCatalog } = await import("../../catalog/cache");
    await invalidateCatalog(ctx, payload);
  },
});
