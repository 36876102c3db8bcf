"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useId, useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { AttributeDefinition, AttributeType, ConsoleCategory, Locale } from "~/lib/catalog";
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES, LOCALE_LABELS, LOCALES } from "~/lib/catalog";
import { trimmed } from "./category-form";
import { CategoryNameFields, LocalizedCategoryFields } from "./localized-fields";

type Localized = Record<Locale, string>;
type FieldErrors = Record<string, string[]>;

const MAX_ATTRIBUTES = 30;
/** Keys for rows being edited (never sent to the API). */
let lastUid = 0;
const uid = () => ++lastUid;
const localized = (text: Partial<Localized> | null | undefined): Localized => ({
  uz: text?.uz ?? "",
  ru: text?.ru ?? "",
  en: text?.en ?? "",
});

/** An attribute row being edited; `uid` keeps React's keys stable while rows move. */
interface OptionDraft {
  uid: number;
  value: string;
  name: Localized;
}
interface AttributeDraft {
  uid: number;
  key: string;
  type: AttributeType;
  name: Localized;
  unit: string;
  required: boolean;
  options: OptionDraft[];
}

function toDraft(attribute: AttributeDefinition): AttributeDraft {
  return {
    uid: uid(),
    key: attribute.key,
    type: attribute.type,
    name: localized(attribute.name),
    unit: attribute.unit ?? "",
    required: attribute.required ?? false,
    options: (attribute.options ?? []).map((option) => ({ uid: uid(), value: option.value, name: localized(option.name) })),
  };
}

function fromDraft(draft: AttributeDraft): AttributeDefinition {
  const unit = draft.unit.trim();
  return {
    key: draft.key.trim(),
    name: trimmed(draft.name),
    type: draft.type,
    ...(draft.type === "number" && unit ? { unit } : {}),
    ...(draft.type === "enum" ? { options: draft.options.map((o) => ({ value: o.value.trim(), name: trimmed(o.name) })) } : {}),
    required: draft.required,
  };
}

/** The field paths this form shows a message beside. */
function shownPaths(attributes: AttributeDraft[]): Set<string> {
  const paths = ["slug", "slugs.ru", "slugs.en", "attributes"];
  for (const locale of LOCALES) paths.push(`name.${locale}`, `description.${locale}`);
  attributes.forEach((attribute, index) => {
    const at = `attributes.${index}`;
    paths.push(`${at}.key`, `${at}.type`, `${at}.unit`, `${at}.options`);
    for (const locale of LOCALES) paths.push(`${at}.name.${locale}`);
    attribute.options.forEach((_, i) => {
      paths.push(`${at}.options.${i}.value`);
      for (const locale of LOCALES) paths.push(`${at}.options.${i}.name.${locale}`);
    });
  });
  return new Set(paths);
}

/** The message above the form: the API's, or a pointer to the fields (with any message no field shows). */
function summaryOf(error: unknown, errors: FieldErrors, attributes: AttributeDraft[]): string | null {
  const general = formErrorOf(error);
  if (general) return general;
  const keys = Object.keys(errors).filter((key) => key !== "_input");
  if (keys.length === 0) return null;
  const shown = shownPaths(attributes);
  const unshown = keys.filter((key) => !shown.has(key)).map((key) => `${key}: ${errors[key]![0]}`);
  return ["Check the fields marked below.", ...unshown].join(" ");
}

/** The schema's pattern message, said in words. */
const keyErrors = (messages: string[] | undefined) =>
  messages?.map((m) => (/pattern/i.test(m) ? "Use lowercase letters, digits and _, starting with a letter (at most 30)" : m));

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The "Edit" panel of a category: names, the Russian and English slugs, descriptions and attribute definitions. */
export function CategoryEditor({ category, onClose }: { category: ConsoleCategory; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState<Localized>(() => localized(category.name));
  const [slugs, setSlugs] = useState(() => ({ ru: category.slugs.ru, en: category.slugs.en }));
  const [description, setDescription] = useState<Localized>(() => localized(category.description));
  const [attributes, setAttributes] = useState<AttributeDraft[]>(() => category.attributes.map(toDraft));
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(
    trpc.adminCatalog.updateCategory.mutationOptions({
      onSuccess: (saved) => {
        setDone("Saved.");
        // Slugs left empty were made from the names: show what the API chose.
        setSlugs({ ru: saved.slugs.ru, en: saved.slugs.en });
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);

  /** Field messages are keyed by index: once rows move, they no longer point at the right row. */
  function changeAttributes(next: AttributeDraft[], structural = false) {
    setDone(null);
    if (structural) update.reset();
    setAttributes(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const text = trimmed(description);
    update.mutate({
      categoryId: category.id,
      name: trimmed(name),
      slugs: { ru: slugs.ru.trim() || undefined, en: slugs.en.trim() || undefined },
      description: category.description || text.uz || text.ru || text.en ? text : undefined,
      attributes: attributes.map(fromDraft),
    });
  }

  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-4 rounded-lg bg-slate-50 p-3"
      aria-label={`Edit ${category.title}`}
      data-testid="category-editor"
      noValidate
    >
      <FormAlert tone="success" message={done} />
      <FormAlert message={summaryOf(update.error, errors, attributes)} />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Name and URL</legend>
        <CategoryNameFields name={name} onName={setName} errors={errors} />
        <TextField
          label={`Slug (${LOCALE_LABELS.uz})`}
          name="slug"
          value={category.slug}
          readOnly
          error={errors.slug}
          hint="The stable key: it cannot be changed"
        />
        <LocalizedCategoryFields
          slugs={slugs}
          onSlugs={setSlugs}
          description={description}
          onDescription={setDescription}
          errors={errors}
          descriptionRows={3}
        />
      </fieldset>

      <fieldset className="space-y-3" data-testid="attribute-editor">
        <legend className="mb-1 text-sm font-semibold text-slate-900">Attributes</legend>
        <p className="text-xs text-slate-500">What products in this category describe (size, colour, memory…). At most {MAX_ATTRIBUTES}.</p>
        {errors.attributes ? (
          <p role="alert" className="text-xs text-red-600">
            {errors.attributes[0]}
          </p>
        ) : null}
        {attributes.length === 0 ? <p className="text-sm text-slate-500">No attributes yet.</p> : null}
        <ol className="space-y-3">
          {attributes.map((attribute, index) => (
            <AttributeRow
              key={attribute.uid}
              attribute={attribute}
              index={index}
              count={attributes.length}
              errors={errors}
              onChange={(next, structural) =>
                changeAttributes(
                  attributes.map((a, i) => (i === index ? next : a)),
                  structural,
                )
              }
              onMove={(to) => changeAttributes(move(attributes, index, to), true)}
              onRemove={() =>
                changeAttributes(
                  attributes.filter((_, i) => i !== index),
                  true,
                )
              }
            />
          ))}
        </ol>
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={attributes.length >= MAX_ATTRIBUTES}
          onClick={() =>
            changeAttributes(
              [...attributes, { uid: uid(), key: "", type: "text", name: localized(null), unit: "", required: false, options: [] }],
              true,
            )
          }
        >
          Add attribute
        </button>
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={update.isPending}>{update.isPending ? "Saving…" : "Save category"}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

const linkButton = "text-sm text-indigo-700 hover:underline disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline";

function AttributeRow({
  attribute,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  attribute: AttributeDraft;
  index: number;
  count: number;
  errors: FieldErrors;
  /** `structural` when options were added or removed (field messages keyed by index go stale). */
  onChange: (next: AttributeDraft, structural?: boolean) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const requiredId = useId();
  const at = `attributes.${index}`;
  const label = attribute.key.trim() || `attribute ${index + 1}`;
  const set = (patch: Partial<AttributeDraft>, structural?: boolean) => onChange({ ...attribute, ...patch }, structural);
  const setOption = (i: number, patch: Partial<OptionDraft>) =>
    set({ options: attribute.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid="attribute-row">
      <fieldset className="space-y-3">
        <legend className="sr-only">Attribute {index + 1}</legend>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-700" aria-hidden="true">
            {index + 1}. {attribute.key.trim() || "New attribute"}
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className={linkButton} disabled={index === 0} onClick={() => onMove(index - 1)}>
              Move<span className="sr-only"> {label}</span> up
            </button>
            <button type="button" className={linkButton} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
              Move<span className="sr-only"> {label}</span> down
            </button>
            <button type="button" className="text-sm text-red-700 hover:underline" onClick={onRemove}>
              Remove<span className="sr-only"> {label}</span>
            </button>
          </div>
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            label="Key"
            value={attribute.key}
            placeholder="screen_size"
            onChange={(e) => set({ key: e.target.value.toLowerCase() })}
            error={keyErrors(errors[`${at}.key`])}
            hint="Lowercase letters, digits and _, starting with a letter"
            required
          />
          <SelectField
            label="Type"
            value={attribute.type}
            onChange={(e) => set({ type: e.target.value as AttributeType })}
            error={errors[`${at}.type`]}
          >
            {ATTRIBUTE_TYPES.map((type) => (
              <option key={type} value={type}>
                {ATTRIBUTE_TYPE_LABELS[type]}
              </option>
            ))}
          </SelectField>
          <div className="flex items-end gap-3">
            {attribute.type === "number" ? (
              <TextField
                label="Unit"
                value={attribute.unit}
                placeholder="GB"
                maxLength={10}
                onChange={(e) => set({ unit: e.target.value })}
                error={errors[`${at}.unit`]}
                className="w-28"
              />
            ) : null}
            <div className="flex items-center gap-2 pb-2">
              <input
                id={requiredId}
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300"
                checked={attribute.required}
                onChange={(e) => set({ required: e.target.checked })}
              />
              <label htmlFor={requiredId} className="text-sm text-slate-700">
                Required
              </label>
            </div>
          </div>
          {LOCALES.map((locale) => (
            <TextField
              key={locale}
              label={`Attribute name (${LOCALE_LABELS[locale]})`}
              value={attribute.name[locale]}
              onChange={(e) => set({ name: { ...attribute.name, [locale]: e.target.value } })}
              error={errors[`${at}.name.${locale}`]}
              required={locale === "uz"}
            />
          ))}
        </div>
        {errors[`${at}.unit`] && attribute.type !== "number" ? <p className="text-xs text-red-600">{errors[`${at}.unit`]![0]}</p> : null}
        {attribute.type === "enum" ? (
          <div className="space-y-2" data-testid="attribute-options">
            <p className="text-sm font-medium text-slate-700">Options</p>
            {errors[`${at}.options`] ? (
              <p role="alert" className="text-xs text-red-600">
                {errors[`${at}.options`]![0]}
              </p>
            ) : null}
            {attribute.options.length === 0 ? <p className="text-xs text-slate-500">Add the values vendors choose from.</p> : null}
            <ol className="space-y-2">
              {attribute.options.map((option, i) => (
                <li key={option.uid} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_1fr_auto]" data-testid="attribute-option">
                  <TextField
                    label={`Option ${i + 1} value`}
                    value={option.value}
                    maxLength={40}
                    onChange={(e) => setOption(i, { value: e.target.value })}
                    error={errors[`${at}.options.${i}.value`]}
                    required
                  />
                  {LOCALES.map((locale) => (
                    <TextField
                      key={locale}
                      label={`Option ${i + 1} name (${LOCALE_LABELS[locale]})`}
                      value={option.name[locale]}
                      onChange={(e) => setOption(i, { name: { ...option.name, [locale]: e.target.value } })}
                      error={errors[`${at}.options.${i}.name.${locale}`]}
                      required={locale === "uz"}
                    />
                  ))}
                  <button
                    type="button"
                    className="pb-2 text-sm text-red-700 hover:underline"
                    onClick={() => set({ options: attribute.options.filter((_, j) => j !== i) }, true)}
                  >
                    Remove
                    <span className="sr-only">
                      {" "}
                      option {i + 1} of {label}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              className={linkButton}
              onClick={() => set({ options: [...attribute.options, { uid: uid(), value: "", name: localized(null) }] }, true)}
            >
              Add option<span className="sr-only"> to {label}</span>
            </button>
          </div>
        ) : null}
      </fieldset>
    </li>
  );
}
