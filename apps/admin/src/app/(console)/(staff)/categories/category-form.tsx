"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { Locale } from "~/lib/catalog";
import { CategoryNameFields, LocalizedCategoryFields } from "./localized-fields";

type Localized = Record<Locale, string>;
const EMPTY: Localized = { uz: "", ru: "", en: "" };

export const trimmed = (text: Localized): Localized => ({ uz: text.uz.trim(), ru: text.ru.trim(), en: text.en.trim() });

/** Create a category: at the root, or under `parent`. */
export function CategoryForm({ parent, onDone }: { parent?: { id: string; title: string }; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [slug, setSlug] = useState("");
  const [slugs, setSlugs] = useState<{ ru: string; en: string }>({ ru: "", en: "" });
  const [name, setName] = useState<Localized>(EMPTY);
  const [description, setDescription] = useState<Localized>(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.adminCatalog.createCategory.mutationOptions({
      onSuccess: (category) => {
        setDone(`Category “${category.slug}” created.`);
        setSlug("");
        setSlugs({ ru: "", en: "" });
        setName(EMPTY);
        setDescription(EMPTY);
        router.refresh();
        onDone?.();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const text = trimmed(description);
    create.mutate({
      parentId: parent?.id,
      slug: slug.trim(),
      slugs: { ru: slugs.ru.trim() || undefined, en: slugs.en.trim() || undefined },
      name: trimmed(name),
      description: text.uz || text.ru || text.en ? text : undefined,
      attributes: [],
    });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      aria-label={parent ? `New category under ${parent.title}` : "New root category"}
      data-testid={parent ? "child-category-form" : "new-category-form"}
      noValidate
    >
      <FormAlert tone="success" message={done} />
      <FormAlert message={formErrorOf(create.error)} />
      <div className="grid gap-3 sm:grid-cols-3">
        <CategoryNameFields name={name} onName={setName} errors={errors} />
        <TextField
          label="Slug (Oʻzbekcha)"
          name="slug"
          value={slug}
          placeholder="smartfonlar"
          onChange={(e) => setSlug(e.target.value.toLowerCase())}
          error={errors.slug}
          hint="The category’s stable key: it cannot be changed later"
          required
        />
        <LocalizedCategoryFields
          slugs={slugs}
          onSlugs={setSlugs}
          description={description}
          onDescription={setDescription}
          errors={errors}
          descriptionRows={2}
        />
      </div>
      {errors.parentId ? <p className="text-xs text-red-600">{errors.parentId[0]}</p> : null}
      <SubmitButton pending={create.isPending}>
        {create.isPending ? "Creating…" : parent ? "Create child category" : "Create category"}
      </SubmitButton>
    </form>
  );
}
