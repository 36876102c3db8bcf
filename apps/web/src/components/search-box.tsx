"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FormEvent, KeyboardEvent } from "react";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { formatPrice } from "@ultramarket/ui";
import { useTRPC } from "@ultramarket/ui/trpc";
import { fill } from "~/components/form-value";
import { Highlighted } from "~/components/highlighted";
import type { Locale } from "~/i18n/locales";

type Suggestion = RouterOutputs["search"]["suggest"]["items"][number];
type SuggestionKind = Suggestion["kind"];

/** The groups in the order they are shown and walked with the arrow keys. */
const GROUP_ORDER: SuggestionKind[] = ["history", "query", "category", "brand", "product"];
/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const SUGGEST_DELAY_MS = 150;
/** search.suggest's input limit; the box itself takes search.query's 200. */
const MAX_SUGGEST_TEXT = 100;

export interface SearchBoxLabels {
  label: string;
  placeholder: string;
  submit: string;
  suggestions: string;
  groups: Record<SuggestionKind, string>;
  clearHistory: string;
  suggestionCount: string;
}

/** The value, once it has stopped changing for `delayMs`. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function groupSuggestions(items: Suggestion[]) {
  let index = 0;
  const groups = GROUP_ORDER.map((kind) => ({
    kind,
    options: items.filter((item) => item.kind === kind).map((suggestion) => ({ suggestion, index: 0 })),
  })).filter((group) => group.options.length > 0);
  for (const group of groups) for (const option of group.options) option.index = index++;
  return { groups, options: groups.flatMap((group) => group.options.map((option) => option.suggestion)) };
}

/**
 * The header's search box: a combobox with a grouped listbox of suggestions, following the WAI-ARIA combobox pattern
 * (focus stays in the input; the arrow keys move the active option, announced through aria-activedescendant; Enter
 * opens it or, with none active, searches for the text; Escape closes the list, then clears the text). Without scripts
 * it is a plain GET form to the results page.
 */
export function SearchBox({ locale, signedIn, labels }: { locale: Locale; signedIn: boolean; labels: SearchBoxLabels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsPath = `/${locale}/search`;

  // On the results page the box shows what was searched for, and follows the URL when it changes.
  const urlText = pathname === resultsPath ? (searchParams.get("q") ?? "") : "";
  const [text, setText] = useState(urlText);
  const [followedUrlText, setFollowedUrlText] = useState(urlText);
  if (followedUrlText !== urlText) {
    setFollowedUrlText(urlText);
    setText(urlText);
  }
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [navigating, startTransition] = useTransition();

  const typedText = text.trim().slice(0, MAX_SUGGEST_TEXT);
  const settledText = useSettled(typedText, SUGGEST_DELAY_MS);
  const suggest = useQuery({
    ...trpc.search.suggest.queryOptions({ text: settledText, locale }),
    enabled: open,
    // The previous suggestions stay up while the next arrive, so the list does not flicker as the shopper types.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const { groups, options } = useMemo(() => groupSuggestions(suggest.data?.items ?? []), [suggest.data]);
  // New suggestions: no option is active until an arrow key says so.
  const [indexedItems, setIndexedItems] = useState(suggest.data);
  if (indexedItems !== suggest.data) {
    setIndexedItems(suggest.data);
    setActiveIndex(-1);
  }
  const expanded = open && options.length > 0;
  // Suggestions for what was typed before stay on screen until the next arrive, but the arrow keys wait for them:
  // a quick ArrowDown + Enter must not open a suggestion for other words.
  const stale = suggest.isPlaceholderData || settledText !== typedText;
  const active = expanded && activeIndex < options.length ? activeIndex : -1;
  const optionId = (index: number) => `${id}-option-${index}`;
  const hasHistory = groups.some((group) => group.kind === "history");

  const clearHistory = useMutation(
    trpc.search.clearHistory.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.search.suggest.pathKey() }),
    }),
  );

  const activeOptionId = active >= 0 ? optionId(active) : undefined;
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: "nearest" });
  }, [activeOptionId]);

  const close = () => {
    setOpen(false);
    setActiveIndex(-1);
  };
  const go = (href: string) => {
    close();
    startTransition(() => router.push(href));
  };
  const searchFor = (words: string) => {
    const q = words.trim();
    if (!q) return;
    setText(q);
    // The search joins the shopper's history: the next list should show it.
    if (signedIn) void queryClient.invalidateQueries({ queryKey: trpc.search.suggest.pathKey() });
    go(`${resultsPath}?q=${encodeURIComponent(q)}`);
  };
  const choose = (suggestion: Suggestion) => {
    if (suggestion.kind === "category") go(`/${locale}/c/${encodeURIComponent(suggestion.target)}`);
    else if (suggestion.kind === "product") go(`/${locale}/p/${encodeURIComponent(suggestion.target)}`);
    else searchFor(suggestion.target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else if (options.length > 0 && !stale) setActiveIndex(active + 1 >= options.length ? 0 : active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) setOpen(true);
        else if (options.length > 0 && !stale) setActiveIndex(active <= 0 ? options.length - 1 : active - 1);
        break;
      case "Enter": {
        const suggestion = options[active];
        if (suggestion) {
          event.preventDefault();
          choose(suggestion);
        }
        break;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        break;
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim()) searchFor(text);
    else inputRef.current?.focus();
  };

  return (
    <form
      role="search"
      method="get"
      action={resultsPath}
      onSubmit={onSubmit}
      className="flex w-full gap-2"
      aria-busy={navigating || undefined}
    >
      <div
        className="relative min-w-0 flex-1"
        onBlur={(event) => {
          // Focus moving into the list (the "clear history" button) keeps it open; anywhere else closes it.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
        }}
      >
        <input
          ref={inputRef}
          type="search"
          name="q"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-label={labels.label}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={activeOptionId}
          placeholder={labels.placeholder}
          maxLength={200}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          data-testid="search-input"
          className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        <div
          hidden={!expanded}
          // Pressing on the list must not take focus from the input (that would close the list before the click).
          onMouseDown={(event) => event.preventDefault()}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-xl border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          <div
            role="listbox"
            id={`${id}-listbox`}
            aria-label={labels.suggestions}
            aria-busy={stale || undefined}
            data-testid="search-suggestions"
          >
            {groups.map((group) => (
              <ul key={group.kind} role="group" aria-labelledby={`${id}-group-${group.kind}`} className="py-1">
                <li
                  role="presentation"
                  id={`${id}-group-${group.kind}`}
                  className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-slate-400"
                >
                  {labels.groups[group.kind]}
                </li>
                {group.options.map(({ suggestion, index }) => (
                  <li
                    key={`${suggestion.kind}:${suggestion.target}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    data-kind={suggestion.kind}
                    data-testid="search-suggestion"
                    onClick={() => choose(suggestion)}
                    className={`flex cursor-pointer items-center gap-3 px-3 py-2 ${index === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800 hover:bg-slate-50"}`}
                  >
                    <SuggestionContent suggestion={suggestion} locale={locale} />
                  </li>
                ))}
              </ul>
            ))}
          </div>
          {signedIn && hasHistory ? (
            <div className="border-t border-slate-100 px-3 pb-1 pt-2">
              <button
                type="button"
                onClick={() => {
                  clearHistory.mutate();
                  inputRef.current?.focus();
                }}
                disabled={clearHistory.isPending}
                className="rounded text-xs text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50"
              >
                {labels.clearHistory}
              </button>
            </div>
          ) : null}
        </div>
        <div role="status" className="sr-only">
          {expanded ? fill(labels.suggestionCount, { n: options.length }) : ""}
        </div>
      </div>
      <button
        type="submit"
        className="inline-flex shrink-0 items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white transition hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {navigating ? (
          <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white" />
        ) : null}
        {labels.submit}
      </button>
    </form>
  );
}

function SuggestionContent({ suggestion, locale }: { suggestion: Suggestion; locale: Locale }) {
  if (suggestion.kind === "product")
    return (
      <>
        <span className="h-10 w-10 shrink-0 overflow-hidden rounded-md bg-slate-100">
          {suggestion.image ? (
            <img src={suggestion.image.url} width={40} height={40} alt="" loading="lazy" className="h-full w-full object-cover" />
          ) : null}
        </span>
        <span className="min-w-0 flex-1 truncate">
          <Highlighted segments={suggestion.segments} />
        </span>
        {suggestion.priceAmount !== undefined && suggestion.currency ? (
          <span className="shrink-0 text-xs font-medium text-slate-600">
            {formatPrice(suggestion.priceAmount, suggestion.currency, locale)}
          </span>
        ) : null}
      </>
    );
  const icon = suggestion.kind === "history" ? "↺" : suggestion.kind === "query" ? "⌕" : suggestion.kind === "category" ? "▦" : "◆";
  return (
    <>
      <span aria-hidden="true" className="w-5 shrink-0 text-center text-slate-400">
        {icon}
      </span>
      <span className="min-w-0 flex-1 truncate">
        <Highlighted segments={suggestion.segments} />
      </span>
    </>
  );
}
