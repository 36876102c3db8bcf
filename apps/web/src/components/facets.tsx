import type { ReactNode } from "react";

import { fill } from "~/components/form-value";
import { PendingLink } from "~/components/pending-navigation";
import type { Messages } from "~/i18n/messages";

/** One value of a facet: a checkbox (any of several) or a radio (one of them) in the filter form. */
export function FacetOption(props: {
  name: string;
  value: string;
  label: ReactNode;
  count: number | null;
  checked: boolean;
  type?: "checkbox" | "radio";
}) {
  return (
    <li>
      <label className="flex cursor-pointer items-center gap-2 py-0.5" data-testid="facet-value">
        <input
          type={props.type ?? "checkbox"}
          name={props.name}
          value={props.value}
          defaultChecked={props.checked}
          className="h-4 w-4 shrink-0 accent-indigo-600"
        />
        <span className="min-w-0 flex-1 break-words" data-testid="facet-name">
          {props.label}
        </span>
        {props.count !== null ? (
          <span className="text-xs tabular-nums text-slate-400" data-testid="facet-count">
            {props.count}
          </span>
        ) : null}
      </label>
    </li>
  );
}

export function FacetGroup({ legend, children, testId }: { legend: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset data-testid={testId}>
      <legend className="mb-2 font-medium text-slate-900">{legend}</legend>
      <ul className="max-h-64 space-y-1 overflow-y-auto pr-1">{children}</ul>
    </fieldset>
  );
}

/** A value of a facet as the filter form shows it; `count` is null for a value set in the URL but not on offer. */
export interface FacetValue {
  value: string;
  label: string;
  count: number | null;
}

/** A facet's values, and those set in the URL but not among them (still shown, ticked, without a count). */
export function withSelected(offered: FacetValue[], selected: string[]): FacetValue[] {
  const values = new Set(offered.map((option) => option.value));
  return [...offered, ...selected.filter((value) => !values.has(value)).map((value) => ({ value, label: value, count: null }))];
}

/** A facet whose values are checkboxes of one name: a listing matches any ticked value. Nothing when it has none. */
export function CheckboxFacet(props: { legend: string; name: string; options: FacetValue[]; selected: string[]; testId?: string }) {
  if (props.options.length === 0) return null;
  return (
    <FacetGroup legend={props.legend} testId={props.testId}>
      {props.options.map((option) => (
        <FacetOption
          key={option.value}
          name={props.name}
          value={option.value}
          label={option.label}
          count={option.count}
          checked={props.selected.includes(option.value)}
        />
      ))}
    </FacetGroup>
  );
}

/** "From" and "to" price fields in whole so'm; the placeholders show the range on offer (given in tiyin). */
export function PriceRangeFields({
  min,
  max,
  offered,
  t,
}: {
  min?: number;
  max?: number;
  offered: { min: number; max: number } | null;
  t: Messages;
}) {
  const field = (name: "min" | "max", label: string, value: number | undefined, placeholder: number | undefined) => (
    <label className="flex flex-col gap-1 text-xs text-slate-500">
      {label}
      <input
        name={name}
        type="number"
        min={0}
        inputMode="numeric"
        defaultValue={value}
        placeholder={placeholder !== undefined ? String(placeholder) : undefined}
        className="w-full rounded-lg border border-slate-300 px-2 py-1 text-sm text-slate-900"
      />
    </label>
  );
  return (
    <fieldset>
      <legend className="mb-2 font-medium text-slate-900">{t.filters.price}</legend>
      <div className="grid grid-cols-2 gap-2">
        {field("min", t.filters.priceFrom, min, offered ? Math.floor(offered.min / 100) : undefined)}
        {field("max", t.filters.priceTo, max, offered ? Math.ceil(offered.max / 100) : undefined)}
      </div>
    </fieldset>
  );
}

/** A set filter as a chip that links to the listing without it. */
export interface FilterChip {
  key: string;
  label: string;
  href: string;
}

/** The set filters as "remove" chips, and a link that clears them all. */
export function ActiveFilterChips({ chips, clearHref, t }: { chips: FilterChip[]; clearHref: string; t: Messages }) {
  if (chips.length === 0) return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <ul aria-label={t.filters.active} className="flex flex-wrap gap-2" data-testid="active-filters">
        {chips.map((chip) => (
          <li key={chip.key}>
            <PendingLink
              href={chip.href}
              aria-label={fill(t.filters.remove, { name: chip.label })}
              className="inline-flex items-center gap-1.5 rounded-full bg-indigo-50 px-3 py-1 text-indigo-800 hover:bg-indigo-100"
            >
              {chip.label}
              <span aria-hidden="true" className="text-indigo-400">
                ×
              </span>
            </PendingLink>
          </li>
        ))}
      </ul>
      <PendingLink href={clearHref} className="px-1 text-indigo-700 hover:underline">
        {t.filters.clearAll}
      </PendingLink>
    </div>
  );
}

/** A price range in so'm as a chip's words: "1 000 – 5 000 soʻm", "≥ 1 000 soʻm". */
export function priceRangeLabel(range: { min?: number; max?: number }, som: (value: number) => string): string {
  if (range.min !== undefined && range.max !== undefined) return `${som(range.min)} – ${som(range.max)}`;
  return range.min !== undefined ? `≥ ${som(range.min)}` : `≤ ${som(range.max ?? 0)}`;
}
