import "server-only";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import type { Locale } from "~/i18n/locales";
import { serverApi } from "~/server/runtime";
import type { SearchPageQuery } from "./query";
import { searchHref, searchInput } from "./query";

export type SearchResult = RouterOutputs["search"]["query"];

// Once per request: the metadata (is this page worth indexing?) and the page read the same result, and the search
// is logged for the console's reports once.
const runSearch = cache(async (input: string) => (await serverApi()).search.query(JSON.parse(input) as ReturnType<typeof searchInput>));

/**
 * The results the URL asks for. A link that no longer fits the catalog (a category or seller that is gone: NOT_FOUND;
 * a page past the results: BAD_REQUEST) is sent on to the same words without what failed, rather than to an error.
 */
export async function loadResults(locale: Locale, query: SearchPageQuery): Promise<SearchResult> {
  try {
    return await runSearch(JSON.stringify(searchInput(query, locale)));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "BAD_REQUEST" && query.page > 1) redirect(searchHref(locale, { ...query, page: 1 }));
    if (error.code === "NOT_FOUND" && (query.category !== undefined || query.vendors.length > 0))
      redirect(searchHref(locale, { ...query, category: undefined, vendors: [], attributes: {}, page: 1 }));
    throw error;
  }
}
