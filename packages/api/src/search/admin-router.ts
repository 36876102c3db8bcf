import { createTRPCRouter, staffProcedure } from "../core/trpc";
import { createSynonyms, deleteSynonyms, listSynonyms, updateSynonyms } from "./admin";
import {
  createSynonymsInput,
  deleteSynonymsInput,
  listSynonymsInput,
  lowClickThroughInput,
  reportSummaryInput,
  topQueriesInput,
  updateSynonymsInput,
  zeroResultQueriesInput,
} from "./admin-schema";
import { lowClickThroughQueries, reportSummary, topQueries, zeroResultQueries } from "./analytics/reports";
import { indexStats, requestReindex } from "./indexing";

const manage = staffProcedure("search:manage");

/** Synonym groups: words that mean the same across Uzbek, Russian and English. */
const synonymsRouter = createTRPCRouter({
  list: manage.input(listSynonymsInput).query(({ ctx, input }) => listSynonyms(ctx, input)),
  create: manage.input(createSynonymsInput).mutation(({ ctx, input }) => createSynonyms(ctx, input)),
  update: manage.input(updateSynonymsInput).mutation(({ ctx, input }) => updateSynonyms(ctx, input)),
  delete: manage.input(deleteSynonymsInput).mutation(({ ctx, input }) => deleteSynonyms(ctx, input)),
});

/** What shoppers searched for over a period of days (UTC). */
const reportRouter = createTRPCRouter({
  summary: manage.input(reportSummaryInput).query(({ ctx, input }) => reportSummary(ctx, input)),
  top: manage.input(topQueriesInput).query(({ ctx, input }) => topQueries(ctx, input)),
  zeroResults: manage.input(zeroResultQueriesInput).query(({ ctx, input }) => zeroResultQueries(ctx, input)),
  lowClickThrough: manage.input(lowClickThroughInput).query(({ ctx, input }) => lowClickThroughQueries(ctx, input)),
});

/** The search index, synonyms and search reports, for staff with search:manage. */
export const adminSearchRouter = createTRPCRouter({
  stats: manage.query(({ ctx }) => indexStats(ctx)),
  /** Queues a full rebuild into a new index version; the current one serves until the swap. */
  reindex: manage.mutation(({ ctx }) => requestReindex(ctx, ctx.session.userId)),
  synonyms: synonymsRouter,
  report: reportRouter,
});
