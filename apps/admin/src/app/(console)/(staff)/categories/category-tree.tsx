"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { buttonClass, EmptyState } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass } from "~/components/ui";
import type { FlatCategory, Locale } from "~/lib/catalog";
import { LOCALE_LABELS, LOCALES } from "~/lib/catalog";

/** Create a category: at the root, or under `parent`. */
export function CategoryForm({ parent, onDone }: { parent?: FlatCategory; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [slug, setSlug] = useState("");
  const [name, setName] = useState<Record<Locale, string>>({ uz: "", ru: "", en: "" });
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.adminCatalog.createCategory.mutationOptions({
      onSuccess: (category) => {
        setDone(`Category “${category.slug}” created.`);
        setSlug("");
        setName({ uz: "", ru: "", en: "" });
        router.refresh();
        onDone?.();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    create.mutate({
      parentId: parent?.id,
      slug: slug.trim(),
      name: { uz: name.uz.trim(), ru: name.ru.trim(), en: name.en.trim() },
      attributes: [],
    });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      aria-label={parent ? `New category under ${parent.title}` : "New root category"}
      noValidate
    >
      <FormAlert tone="success" message={done} />
      <FormAlert message={formErrorOf(create.error)} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField
          label="Slug"
          name="slug"
          value={slug}
          placeholder="smartphones"
          onChange={(e) => setSlug(e.target.value.toLowerCase())}
          error={errors.slug}
          required
        />
        {LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={`Name (${LOCALE_LABELS[locale]})`}
            name={`name.${locale}`}
            value={name[locale]}
            onChange={(e) => setName({ ...name, [locale]: e.target.value })}
            error={errors[`name.${locale}`]}
            required={locale === "uz"}
          />
        ))}
      </div>
      {errors.parentId ? <p className="text-xs text-red-600">{errors.parentId[0]}</p> : null}
      <SubmitButton pending={create.isPending}>
        {create.isPending ? "Creating…" : parent ? "Create child category" : "Create category"}
      </SubmitButton>
    </form>
  );
}

export function CategoryTree({ categories }: { categories: FlatCategory[] }) {
  if (categories.length === 0) return <EmptyState title="No categories yet">Create the first root category above.</EmptyState>;
  return (
    <ul
      className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
      data-testid="category-tree"
      aria-label="Category tree"
    >
      {categories.map((category) => (
        <CategoryRow key={category.id} category={category} all={categories} />
      ))}
    </ul>
  );
}

type Panel = "child" | "move" | "archive" | null;

function CategoryRow({ category, all }: { category: FlatCategory; all: FlatCategory[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [parentId, setParentId] = useState(category.parentId ?? "");
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation(
    trpc.adminCatalog.moveCategory.mutationOptions({
      onSuccess: () => {
        setPanel(null);
        setDone("Moved.");
        router.refresh();
      },
    }),
  );
  const archive = useMutation(
    trpc.adminCatalog.archiveCategory.mutationOptions({
      onSuccess: () => {
        setPanel(null);
        setDone("Archived.");
        router.refresh();
      },
    }),
  );
  // A category cannot move under itself or its descendants.
  const prefix = `${category.path} › `;
  const targets = all.filter((c) => c.id !== category.id && !c.path.startsWith(prefix));

  function toggle(next: Panel) {
    setDone(null);
    move.reset();
    archive.reset();
    setPanel(panel === next ? null : next);
  }

  return (
    <li className="px-4 py-3" style={{ paddingLeft: `${1 + category.depth * 1.5}rem` }} data-category-id={category.id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {category.depth > 0 ? (
            <span aria-hidden="true" className="mr-1 text-slate-400">
              └
            </span>
          ) : null}
          <span className="font-medium">{category.title}</span> <span className="text-xs text-slate-500">/{category.slug}</span>
          {done ? (
            <span role="status" className="ml-2 text-xs text-emerald-700">
              {done}
            </span>
          ) : null}
        </p>
        <div className="flex flex-wrap gap-2 text-sm">
          <button
            type="button"
            className="text-indigo-700 hover:underline"
            aria-expanded={panel === "child"}
            onClick={() => toggle("child")}
          >
            Add child<span className="sr-only"> to {category.title}</span>
          </button>
          <button type="button" className="text-indigo-700 hover:underline" aria-expanded={panel === "move"} onClick={() => toggle("move")}>
            Move<span className="sr-only"> {category.title}</span>
          </button>
          <button
            type="button"
            className="text-red-700 hover:underline"
            aria-expanded={panel === "archive"}
            onClick={() => toggle("archive")}
          >
            Archive<span className="sr-only"> {category.title}</span>
          </button>
        </div>
      </div>
      {panel === "child" ? (
        <div className="mt-3 rounded-lg bg-slate-50 p-3">
          <CategoryForm parent={category} onDone={() => setPanel(null)} />
        </div>
      ) : null}
      {panel === "move" ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-3"
          aria-label={`Move ${category.title}`}
          onSubmit={(event) => {
            event.preventDefault();
            move.mutate({ categoryId: category.id, parentId: parentId || null });
          }}
        >
          <FormAlert message={formErrorOf(move.error)} />
          <SelectField
            label="New parent"
            value={parentId}
            onChange={(e) => setParentId(e.target.value)}
            error={fieldErrorsOf(move.error).parentId}
            className="min-w-64"
          >
            <option value="">(Root: no parent)</option>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={move.isPending}>{move.isPending ? "Moving…" : "Move"}</SubmitButton>
        </form>
      ) : null}
      {panel === "archive" ? (
        <div className="mt-3 space-y-2 rounded-lg bg-red-50 p-3" role="group" aria-label={`Archive ${category.title}`}>
          <FormAlert message={formErrorOf(archive.error)} />
          <p className="text-sm text-red-800">Archive “{category.title}”? Vendors can no longer put new products in it.</p>
          <div className="flex gap-2">
            <button
              type="button"
              className={dangerButtonClass()}
              disabled={archive.isPending}
              aria-busy={archive.isPending || undefined}
              onClick={() => archive.mutate({ categoryId: category.id })}
            >
              {archive.isPending ? "Archiving…" : "Archive category"}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => setPanel(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
