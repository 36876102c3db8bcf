"use client";

import { useId } from "react";

import { useListingNavigation } from "~/components/pending-navigation";

/**
 * The sort order as a select that navigates when changed. Without scripts it is a GET form carrying the other
 * parameters as hidden fields, submitted with its button.
 */
export function SortSelect({
  action,
  keep,
  current,
  options,
  labels,
}: {
  action: string;
  /** The URL's other parameters (page aside: a new order starts from the first page). */
  keep: [string, string][];
  current: string;
  options: { value: string; label: string; href: string }[];
  labels: { sort: string; show: string };
}) {
  const { pending, navigate } = useListingNavigation();
  const id = useId();
  return (
    <form method="get" action={action} className="flex items-center gap-2 text-sm" aria-busy={pending || undefined}>
      {keep.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-slate-500">
        {labels.sort}:
      </label>
      <select
        id={id}
        name="sort"
        defaultValue={current}
        disabled={pending}
        onChange={(event) => {
          const option = options.find((o) => o.value === event.target.value);
          if (option) navigate(option.href);
        }}
        data-testid="search-sort"
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:opacity-60"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-slate-700">
          {labels.show}
        </button>
      </noscript>
    </form>
  );
}
