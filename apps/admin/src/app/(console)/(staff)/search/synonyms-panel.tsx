"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, cn, EmptyState } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass } from "~/components/ui";
import { formatDateTime } from "~/lib/format";
import { PageButtons } from "./page-buttons";

type SynonymGroup = RouterOutputs["adminSearch"]["synonyms"]["list"]["items"][number];

/** The API's limits (packages/api/src/search/admin-schema.ts), so the form offers no more than it accepts. */
const MAX_TERMS = 20;
const MAX_TERM_LENGTH = 60;
const PAGE_SIZE = 20;

/** What the editor opens with: a new group (possibly started from a report's query) or a group to change. */
export interface SynonymDraft {
  /** A new key remounts the editor with these terms. */
  key: number;
  synonymId?: string;
  terms: string[];
  /** The term field to focus (the empty one after a report's query). */
  focus?: number;
}

let lastUid = 0;
const uid = () => ++lastUid;
interface TermRow {
  uid: number;
  value: string;
}
const rowsOf = (terms: string[]): TermRow[] => terms.map((value) => ({ uid: uid(), value }));

export const emptyDraft = (key: number): SynonymDraft => ({ key, terms: ["", ""] });

/** The editor and the list of synonym groups, beside the reports. */
export function SynonymsPanel({ draft, onDraft }: { draft: SynonymDraft; onDraft: (next: SynonymDraft | null) => void }) {
  /** What the last save did; it outlives the editor, which starts afresh after an edit. */
  const [notice, setNotice] = useState<string | null>(null);
  // A group opened from the list or a report is new work: the message about the last one goes.
  const [noticeDraftKey, setNoticeDraftKey] = useState(draft.key);
  if (noticeDraftKey !== draft.key) {
    setNoticeDraftKey(draft.key);
    if (draft.focus !== undefined) setNotice(null);
  }
  return (
    <section aria-labelledby="synonyms-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 id="synonyms-heading" className="text-base font-semibold text-slate-900">
          Synonyms
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          Words that mean the same to shoppers, in any script: a search for one finds products described with another (e.g. muzlatgich,
          холодильник, fridge).
        </p>
      </div>
      <FormAlert tone="success" message={notice} />
      <SynonymEditor
        key={draft.key}
        draft={draft}
        onSaved={(message, finished) => {
          setNotice(message);
          // After an edit the editor starts a new group; the message above it stays.
          if (finished) onDraft(null);
        }}
        onChange={() => setNotice(null)}
        onDone={() => {
          setNotice(null);
          onDraft(null);
        }}
      />
      <SynonymList
        onEdit={(group) => onDraft({ key: uid(), synonymId: group.id, terms: group.terms, focus: 0 })}
        editingId={draft.synonymId}
      />
    </section>
  );
}

function SynonymEditor({
  draft,
  onSaved,
  onChange,
  onDone,
}: {
  draft: SynonymDraft;
  /** `finished`: the editor has nothing more to do (an edit was saved). */
  onSaved: (message: string, finished: boolean) => void;
  /** The terms changed: the last save's message no longer describes the form. */
  onChange: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groupErrorId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState<TermRow[]>(() => rowsOf(draft.terms.length >= 2 ? draft.terms : [...draft.terms, ""]));
  const editing = Boolean(draft.synonymId);

  useEffect(() => {
    if (draft.focus === undefined) return;
    const input = formRef.current?.querySelectorAll<HTMLInputElement>("input[data-term]")[draft.focus];
    input?.focus();
    input?.scrollIntoView({ block: "nearest" });
  }, [draft.focus]);

  const saved = async (group: SynonymGroup, verb: string) => {
    onSaved(`Group “${group.terms.join(", ")}” ${verb}. Searches use it now.`, Boolean(draft.synonymId));
    await Promise.all([
      queryClient.invalidateQueries(trpc.adminSearch.synonyms.list.pathFilter()),
      queryClient.invalidateQueries(trpc.adminSearch.stats.pathFilter()),
    ]);
  };
  const create = useMutation(
    trpc.adminSearch.synonyms.create.mutationOptions({
      onSuccess: async (group) => {
        setRows(rowsOf(["", ""]));
        await saved(group, "added");
      },
    }),
  );
  const update = useMutation(
    trpc.adminSearch.synonyms.update.mutationOptions({
      onSuccess: async (group) => {
        await saved(group, "saved");
      },
    }),
  );
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const termErrors = Object.keys(errors).filter((key) => /^terms\.\d+$/.test(key));
  const otherErrors = Object.entries(errors)
    .filter(([key]) => key !== "terms" && !termErrors.includes(key))
    .map(([, messages]) => messages[0]);
  const summary =
    formErrorOf(mutation.error) ??
    (termErrors.length || otherErrors.length ? ["Check the terms marked below.", ...otherErrors].join(" ") : null);

  /** Messages are keyed by the term's position: once rows are added or removed they would point at the wrong one. */
  function changeRows(next: TermRow[], structural = false) {
    onChange();
    if (structural) mutation.reset();
    setRows(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange();
    const terms = rows.map((row) => row.value.trim());
    if (draft.synonymId) update.mutate({ synonymId: draft.synonymId, terms });
    else create.mutate({ terms });
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      className="space-y-3 rounded-lg bg-slate-50 p-3"
      aria-label={editing ? "Edit synonym group" : "New synonym group"}
      data-testid="synonym-editor"
      noValidate
    >
      <FormAlert message={summary} />
      <fieldset className="space-y-2" aria-describedby={errors.terms ? groupErrorId : undefined}>
        <legend className="mb-1 text-sm font-semibold text-slate-900">{editing ? "Edit group" : "New group"}</legend>
        <p className="text-xs text-slate-500">
          2 to {MAX_TERMS} words or short phrases, up to {MAX_TERM_LENGTH} characters each. A word may belong to one group only.
        </p>
        {errors.terms ? (
          <p id={groupErrorId} role="alert" className="text-xs text-red-600">
            {errors.terms[0]}
          </p>
        ) : null}
        <ol className="space-y-2">
          {rows.map((row, index) => (
            <li key={row.uid} className="flex items-start gap-2">
              <TextField
                label={`Term ${index + 1}`}
                value={row.value}
                maxLength={MAX_TERM_LENGTH}
                data-term
                onChange={(e) => changeRows(rows.map((r) => (r.uid === row.uid ? { ...r, value: e.target.value } : r)))}
                error={errors[`terms.${index}`]}
                className="flex-1"
                required
              />
              {rows.length > 2 ? (
                <button
                  type="button"
                  className="mt-7 text-sm text-red-700 hover:underline"
                  onClick={() =>
                    changeRows(
                      rows.filter((r) => r.uid !== row.uid),
                      true,
                    )
                  }
                >
                  Remove<span className="sr-only"> term {index + 1}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="text-sm text-indigo-700 hover:underline disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline"
          disabled={rows.length >= MAX_TERMS}
          onClick={() => changeRows([...rows, { uid: uid(), value: "" }], true)}
        >
          Add term
        </button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={mutation.isPending}>{mutation.isPending ? "Saving…" : editing ? "Save group" : "Add group"}</SubmitButton>
        {editing || rows.some((row) => row.value.trim()) ? (
          <button type="button" className={buttonClass("secondary")} disabled={mutation.isPending} onClick={onDone}>
            {editing ? "Cancel" : "Clear"}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function SynonymList({ onEdit, editingId }: { onEdit: (group: SynonymGroup) => void; editingId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  /** Cursors of the pages before the current one (the first page has none). */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const list = useQuery(
    trpc.adminSearch.synonyms.list.queryOptions(
      { search: search.trim() || undefined, cursor, limit: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const nextCursor = list.data?.nextCursor ?? null;

  return (
    <div className="space-y-3">
      <TextField
        label="Find a group"
        type="search"
        value={search}
        maxLength={MAX_TERM_LENGTH}
        placeholder="A term in any script"
        onChange={(e) => {
          setSearch(e.target.value);
          setCursors([undefined]);
        }}
      />
      {list.isPending ? (
        <p className="text-sm text-slate-500" role="status">
          Loading synonym groups…
        </p>
      ) : list.isError ? (
        <div className="space-y-2">
          <FormAlert message={`The synonym groups could not be loaded: ${list.error.message}`} />
          <button type="button" className={buttonClass("secondary")} onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : list.data.items.length === 0 ? (
        <EmptyState title={search.trim() ? "No group has this term" : "No synonym groups yet"}>
          {search.trim() ? null : "Add one above, or from a query in the reports."}
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200"
          aria-label="Synonym groups, newest first"
          data-testid="synonym-list"
        >
          {list.data.items.map((group) => (
            <SynonymItem key={group.id} group={group} editing={group.id === editingId} onEdit={() => onEdit(group)} />
          ))}
        </ul>
      )}
      <PageButtons
        label="Synonym pages"
        busy={list.isFetching}
        onPrevious={cursors.length > 1 ? () => setCursors((current) => current.slice(0, -1)) : null}
        onNext={nextCursor ? () => setCursors((current) => [...current, nextCursor]) : null}
      />
    </div>
  );
}

function SynonymItem({ group, editing, onEdit }: { group: SynonymGroup; editing: boolean; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.adminSearch.synonyms.delete.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.adminSearch.synonyms.list.pathFilter()),
          queryClient.invalidateQueries(trpc.adminSearch.stats.pathFilter()),
        ]);
      },
    }),
  );
  const label = group.terms.join(", ");

  return (
    <li className={cn("space-y-2 p-3", editing && "bg-indigo-50/60")} data-testid="synonym-group" aria-current={editing || undefined}>
      <ul className="flex flex-wrap gap-1.5" aria-label={`Terms of ${label}`}>
        {group.terms.map((term, index) => (
          <li key={`${index}-${term}`} className="rounded-full bg-indigo-50 px-2 py-0.5 text-sm text-indigo-800">
            {term}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          {group.createdBy ? `${group.createdBy.name} · ` : ""}
          {formatDateTime(group.updatedAt)}
        </p>
        {confirming ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-600">Searches stop treating these as the same.</span>
            <button
              type="button"
              className={dangerButtonClass()}
              disabled={remove.isPending}
              aria-busy={remove.isPending || undefined}
              onClick={() => remove.mutate({ synonymId: group.id })}
            >
              {remove.isPending ? "Deleting…" : "Confirm delete"}
            </button>
            <button type="button" className={buttonClass("secondary")} disabled={remove.isPending} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <div className="flex gap-3">
            <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={onEdit}>
              Edit<span className="sr-only"> {label}</span>
            </button>
            <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => setConfirming(true)}>
              Delete<span className="sr-only"> {label}</span>
            </button>
          </div>
        )}
      </div>
      {remove.error ? (
        <p role="alert" className="text-xs text-red-600">
          {formErrorOf(remove.error)}
        </p>
      ) : null}
    </li>
  );
}
