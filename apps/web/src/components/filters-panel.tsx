"use client";

import type { FormEvent, ReactNode } from "react";

import { buttonClass } from "@ultramarket/ui";
import { PendingLink, useListingNavigation } from "~/components/pending-navigation";

/**
 * A listing's filter form (category page, search results) inside a disclosure. On a wide
 * screen it is open and cannot be closed (the summary hides); on a phone it starts closed
 * (the server guesses from the user agent, see looksLikePhone) and opens from its summary,
 * which is a native, keyboard-operable control. Without scripts the form is a plain GET
 * form; with them it navigates in place and leaves empty fields out of the URL. The page
 * remounts this component (by key) when the URL changes, so the fields always show the
 * filters that apply and a phone closes it.
 */
export function FiltersPanel({
  action,
  initiallyOpen,
  activeCount,
  resetHref,
  labels,
  children,
}: {
  action: string;
  initiallyOpen: boolean;
  activeCount: number;
  resetHref: string | null;
  labels: { title: string; apply: string; reset: string; loading: string };
  children: ReactNode;
}) {
  const { pending, navigate } = useListingNavigation();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
    }
    navigate(`${action}?${params.toString()}`);
  };

  return (
    <details open={initiallyOpen} className="group rounded-xl border border-slate-200 bg-white">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-4 py-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 md:group-open:hidden [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-2">
          {labels.title}
          {activeCount > 0 ? (
            <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">{activeCount}</span>
          ) : null}
        </span>
        <span aria-hidden="true" className="text-slate-400 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        method="get"
        action={action}
        aria-label={labels.title}
        onSubmit={submit}
        className="flex flex-col gap-5 border-t border-slate-100 p-4 text-sm md:border-t-0"
      >
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")} disabled={pending} aria-busy={pending}>
            {pending ? labels.loading : labels.apply}
          </button>
          {resetHref ? (
            <PendingLink href={resetHref} className="text-indigo-700 hover:underline">
              {labels.reset}
            </PendingLink>
          ) : null}
        </div>
      </form>
    </details>
  );
}
