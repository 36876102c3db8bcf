import { createTRPCRouter, staffProcedure } from "../core/trpc";
import { indexStats, requestReindex } from "./indexing";

/** The search index, synonyms and search reports, for staff with search:manage. */
export const adminSearchRouter = createTRPCRouter({
  stats: staffProcedure("search:manage").query(({ ctx }) => indexStats(ctx)),
  /** Queues a full rebuild into a new index version; the current one serves until the swap. */
  reindex: staffProcedure("search:manage").mutation(({ ctx }) => requestReindex(ctx, ctx.session.userId)),
});
