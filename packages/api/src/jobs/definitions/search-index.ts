import { z } from "zod";

import { defineJob } from "../define";

/**
 * Enqueued by catalog changes in their transaction (catalogChanged): brings these products — or every product under
 * these categories — up to date in the search index. Idempotent: it indexes the catalog as it is when it runs.
 */
export const searchIndexJob = defineJob({
  name: "search-index",
  schema: z.strictObject({
    productIds: z.array(z.uuid()).max(500),
    categoryIds: z.array(z.uuid()).max(100).default([]),
  }),
  options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 600 },
  async handle(ctx, payload) {
    const { syncProducts, syncCategories } = await import("../../search/indexing");
    if (payload.productIds.length) await syncProducts(ctx, payload.productIds);
    if (payload.categoryIds.length) await syncCategories(ctx, payload.categoryIds);
  },
});

/** A full rebuild into a new index version, swapped in when complete (console, or an empty index at start). */
export const searchReindexJob = defineJob({
  name: "search-reindex",
  schema: z.strictObject({ requestedBy: z.uuid().nullable().default(null) }),
  options: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 3 * 3600 },
  async handle(ctx) {
    const { rebuildIndex } = await import("../../search/indexing");
    const result = await rebuildIndex(ctx);
    ctx.log.info(result, "search index rebuilt");
  },
});

/** Categories, brands and popular queries offered while typing, recomputed from the index and the query log. */
export const searchSuggestionsJob = defineJob({
  name: "search-suggestions",
  schema: z.strictObject({}),
  options: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 600 },
  schedule: { cron: "*/10 * * * *", payload: {} },
  async handle(ctx) {
    const { refreshSuggestions } = await import("../../search/suggestions");
    await refreshSuggestions(ctx);
  },
});
