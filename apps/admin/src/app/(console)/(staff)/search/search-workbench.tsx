"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@ultramarket/ui/trpc";

import { queryString } from "~/lib/format";
import type { ReportPeriodChoice } from "./period";
import { periodParams } from "./period";
import { SearchReports } from "./search-reports";
import type { SynonymDraft } from "./synonyms-panel";
import { emptyDraft, SynonymsPanel } from "./synonyms-panel";

let lastDraftKey = 0;

/**
 * The reports and the synonyms editor side by side: a query in a report starts a synonym group with one click.
 * The period is kept in the URL, so a report can be shared and survives a reload.
 */
export function SearchWorkbench({ initialPeriod }: { initialPeriod: ReportPeriodChoice }) {
  const [period, setPeriod] = useState(initialPeriod);
  const [draft, setDraft] = useState<SynonymDraft>(() => emptyDraft(++lastDraftKey));
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  /** A query already in a group opens that group to extend it; any other starts a new group with it. */
  async function addSynonym(text: string, foldedText: string) {
    const found = await queryClient
      .fetchQuery(trpc.adminSearch.synonyms.list.queryOptions({ search: foldedText, limit: 100 }))
      .catch(() => null);
    const group = found?.items.find((g) => g.foldedTerms.includes(foldedText));
    if (group) setDraft({ key: ++lastDraftKey, synonymId: group.id, terms: [...group.terms, ""], focus: group.terms.length });
    else setDraft({ key: ++lastDraftKey, terms: [text, ""], focus: 1 });
  }

  function choosePeriod(next: ReportPeriodChoice) {
    setPeriod(next);
    // Next.js keeps its router in step with the History API; no server round trip is needed for client-side reports.
    window.history.replaceState(null, "", `/search${queryString(periodParams(next))}`);
  }

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <SearchReports period={period} onPeriod={choosePeriod} onAddSynonym={(text, foldedText) => void addSynonym(text, foldedText)} />
      <div className="xl:sticky xl:top-6">
        <SynonymsPanel draft={draft} onDraft={(next) => setDraft(next ?? emptyDraft(++lastDraftKey))} />
      </div>
    </div>
  );
}
