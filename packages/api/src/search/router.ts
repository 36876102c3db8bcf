import { z } from "zod";

import { authedProcedure, createTRPCRouter, publicProcedure } from "../core/trpc";
import { clearHistory, recentSearches } from "./history";
import { searchClickInput, searchQueryInput, searchSuggestInput } from "./schema";
import { logClick } from "./analytics/log";
import { searchProducts, suggest } from "./service";

export const searchRouter = createTRPCRouter({
  query: publicProcedure.input(searchQueryInput).query(({ ctx, input }) => searchProducts(ctx, input)),
  suggest: publicProcedure.input(searchSuggestInput).query(({ ctx, input }) => suggest(ctx, input)),
  /** Called by the results page when a result is opened. */
  logClick: publicProcedure.input(searchClickInput).mutation(({ ctx, input }) => logClick(ctx, input)),
  history: authedProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(20).default(10) }).optional())
    .query(({ ctx, input }) => recentSearches(ctx, { limit: input?.limit ?? 10 })),
  clearHistory: authedProcedure.mutation(({ ctx }) => clearHistory(ctx)),
});
