"use client";

import { useId } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { cn } from "@ultramarket/ui";

export type AttributeDefinition = RouterOutputs["vendorCatalog"]["categoryAttributes"][number];
export type AttributeValue = string | number | boolean;
/** What the inputs hold: text for text, number and enum attributes; true/false for a touched checkbox. */
export type AttributeDrafts = Record<string, string | boolean>;

/** A definition's (or option's) name as the console shows names: English, else Uzbek, else the key. */
export const nameOf = (name: { uz?: string; en?: string } | undefined, fallback: string) => name?.en || name?.uz || fallback;

/** The stored attributes as input drafts. */
export function draftsOf(values: Record<string, AttributeValue> | undefined): AttributeDrafts {
  return Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, typeof value === "number" ? String(value) : value]));
}

/** Only the drafts the definitions have (what survives a change of category). */
export function keepDefined(drafts: AttributeDrafts, definitions: AttributeDefinition[]): AttributeDrafts {
  const keys = new Set(definitions.map((d) => d.key));
  return Object.fromEntries(Object.entries(drafts).filter(([key]) => keys.has(key)));
}

/**
 * The drafts as the API's `attributes`: empty values left out, numbers parsed, an untouched
 * checkbox left out unless the attribute is required (then it is false). Errors are keyed as the
 * API keys them (`attributes.<key>`).
 */
export function buildAttributes(
  definitions: AttributeDefinition[],
  drafts: AttributeDrafts,
): { values: Record<string, AttributeValue>; errors: Record<string, string[]> } {
  const values: Record<string, AttributeValue> = {};
  const errors: Record<string, string[]> = {};
  for (const definition of definitions) {
    const draft = drafts[definition.key];
    const field = `attributes.${definition.key}`;
    if (definition.type === "boolean") {
      if (typeof draft === "boolean") values[definition.key] = draft;
      else if (definition.required) values[definition.key] = false;
      continue;
    }
    const text = typeof draft === "string" ? draft.trim() : "";
    if (!text) {
      if (definition.required) errors[field] = [`${nameOf(definition.name, definition.key)} is required in this category`];
      continue;
    }
    if (definition.type === "number") {
      const number = Number(text.replace(",", "."));
      if (Number.isFinite(number)) values[definition.key] = number;
      else errors[field] = ["Enter a number"];
    } else if (definition.type === "text" && text.length > 200) {
      errors[field] = ["At most 200 characters"];
    } else {
      values[definition.key] = text;
    }
  }
  return { values, errors };
}

export function sameAttributes(a: Record<string, AttributeValue>, b: Record<string, AttributeValue>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key]);
}

const controlClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500";

/** One input for a category attribute: text, number (with its unit), a select of the options, or a checkbox. */
export function AttributeField({
  definition,
  value,
  onChange,
  error,
}: {
  definition: AttributeDefinition;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  error?: string[];
}) {
  const id = useId();
  const label = nameOf(definition.name, definition.key);
  const invalid = error?.length ? true : undefined;
  const describedBy = invalid ? `${id}-error` : undefined;
  // Outside the label, so the field's name stays the attribute's name; the control says it is required.
  const required = definition.required ? (
    <span aria-hidden="true" className="text-sm text-red-600">
      *
    </span>
  ) : null;
  const message = invalid ? (
    <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
      {error![0]}
    </p>
  ) : null;
  const name = `attributes.${definition.key}`;

  if (definition.type === "boolean") {
    return (
      <div className="space-y-1 self-end">
        <div className="flex items-center gap-2 py-2">
          <input
            id={id}
            type="checkbox"
            name={name}
            checked={value === true}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            aria-required={definition.required || undefined}
            onChange={(e) => onChange(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
          />
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {label}
          </label>
          {required}
        </div>
        {message}
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  return (
    <div className="space-y-1">
      <div className="flex gap-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {required}
      </div>
      {definition.type === "enum" ? (
        <select
          id={id}
          name={name}
          value={text}
          required={definition.required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          className={controlClass}
        >
          {/* A required attribute has no empty choice: only a placeholder until one is chosen. */}
          <option value="" disabled={definition.required}>
            {definition.required ? "Choose…" : "—"}
          </option>
          {(definition.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {nameOf(option.name, option.value)}
            </option>
          ))}
          {text && !(definition.options ?? []).some((o) => o.value === text) ? <option value={text}>{text}</option> : null}
        </select>
      ) : definition.type === "number" ? (
        <div className="flex items-stretch">
          <input
            id={id}
            name={name}
            type="number"
            step="any"
            inputMode="decimal"
            value={text}
            required={definition.required}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            className={cn(controlClass, definition.unit ? "rounded-r-none" : null)}
          />
          {definition.unit ? (
            <span className="inline-flex items-center rounded-r-lg border border-l-0 border-slate-300 bg-slate-50 px-3 text-sm text-slate-600">
              {definition.unit}
            </span>
          ) : null}
        </div>
      ) : (
        <input
          id={id}
          name={name}
          value={text}
          maxLength={200}
          required={definition.required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          className={controlClass}
        />
      )}
      {message}
    </div>
  );
}
