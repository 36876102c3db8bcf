import { z } from "zod";

/** A synonym group's size: one word alone means nothing, and big groups blur results. */
export const SYNONYM_GROUP_MIN = 2;
export const SYNONYM_GROUP_MAX = 20;
export const SYNONYM_TERM_MAX = 60;

/** The longest period a report covers, in days (a leap year). */
export const REPORT_MAX_DAYS = 366;
/** The period a report covers when none is chosen, in days ending today (UTC). */
export const REPORT_DEFAULT_DAYS = 7;
export const REPORT_MAX_LIMIT = 100;

const synonymTerms = z
  .array(z.string().trim().min(1, "Enter a word or phrase").max(SYNONYM_TERM_MAX, `At most ${SYNONYM_TERM_MAX} characters`))
  .min(SYNONYM_GROUP_MIN, `A group needs at least ${SYNONYM_GROUP_MIN} terms`)
  .max(SYNONYM_GROUP_MAX, `A group holds at most ${SYNONYM_GROUP_MAX} terms`);

export const listSynonymsInput = z.strictObject({
  /** Groups with a term containing this text (folded, so any script finds them). */
  search: z.string().trim().max(SYNONYM_TERM_MAX).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const createSynonymsInput = z.strictObject({ terms: synonymTerms });

export const updateSynonymsInput = z.strictObject({ synonymId: z.uuid(), terms: synonymTerms });

export const deleteSynonymsInput = z.strictObject({ synonymId: z.uuid() });

/** A calendar day in UTC, as date inputs give it. */
const day = z.iso.date("Enter a date as YYYY-MM-DD");

/** The days a report covers, both included; left out, the last seven days up to today. */
const reportPeriod = {
  from: day.optional(),
  to: day.optional(),
};

const reportPage = {
  limit: z.number().int().min(1).max(REPORT_MAX_LIMIT).default(20),
  /** `nextOffset` of the previous page: reports are rankings, paged by rank. */
  offset: z.number().int().min(0).max(10_000).default(0),
};

export const reportSummaryInput = z.strictObject(reportPeriod);

export const topQueriesInput = z.strictObject({ ...reportPeriod, ...reportPage });

export const zeroResultQueriesInput = z.strictObject({ ...reportPeriod, ...reportPage });

export const lowClickThroughInput = z.strictObject({
  ...reportPeriod,
  ...reportPage,
  /** Queries searched fewer times than this say little about their click-through. */
  minSearches: z.number().int().min(1).max(100_000).default(5),
});

export type ReportPeriodInput = z.infer<typeof reportSummaryInput>;
export type TopQueriesInput = z.infer<typeof topQueriesInput>;
export type ZeroResultQueriesInput = z.infer<typeof zeroResultQueriesInput>;
export type LowClickThroughInput = z.infer<typeof lowClickThroughInput>;
export type ListSynonymsInput = z.infer<typeof listSynonymsInput>;
export type CreateSynonymsInput = z.infer<typeof createSynonymsInput>;
export type UpdateSynonymsInput = z.infer<typeof updateSynonymsInput>;
