"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { buttonClass, cn, EmptyState } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, dangerButtonClass } from "~/components/ui";
import type { ConsoleCategory } from "~/lib/catalog";
import { LOCALE_LABELS, LOCALES } from "~/lib/catalog";
import { CategoryEditor } from "./category-editor";
import { CategoryForm } from "./category-form";

export { CategoryForm } from "./category-form";

export function CategoryTree({ categories }: { categories: ConsoleCategory[] }) {
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

type Panel = "edit" | "child" | "move" | "archive" | null;

const actionClass = "text-indigo-700 hover:underline disabled:cursor-not-allowed disabled:text-slate-300 disabled:no-underline";

function CategoryRow({ category, all }: { category: ConsoleCategory; all: ConsoleCategory[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [parentId, setParentId] = useState(category.parentId ?? "");
  const [done, setDone] = useState<string | null>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  /** The reorder button to give focus back to once the row has moved (React moves the DOM node, which drops focus). */
  const refocus = useRef<"up" | "down" | null>(null);
  const archived = category.archivedAt !== null;
  const first = category.index === 0;
  const last = category.index === category.siblingIds.length - 1;

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
  const reorder = useMutation(
    trpc.adminCatalog.reorderCategories.mutationOptions({
      onSuccess: () => {
        setDone(null);
        router.refresh();
      },
    }),
  );

  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const button = wanted === "up" && !first ? upRef.current : wanted === "down" && !last ? downRef.current : null;
    (button ?? (wanted === "up" ? downRef.current : upRef.current))?.focus();
  }, [category.index, first, last]);

  function shift(by: -1 | 1) {
    const to = category.index + by;
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (reorder.isPending || to < 0 || to >= category.siblingIds.length) return;
    const orderedIds = [...category.siblingIds];
    orderedIds.splice(category.index, 1);
    orderedIds.splice(to, 0, category.id);
    refocus.current = by < 0 ? "up" : "down";
    reorder.mutate(
      { parentId: category.parentId, orderedIds },
      {
        onError: () => {
          refocus.current = null;
        },
      },
    );
  }

  // A category cannot move under itself or its descendants.
  const targets = all.filter((c) => !c.path.startsWith(category.path));

  function toggle(next: Panel) {
    setDone(null);
    move.reset();
    archive.reset();
    reorder.reset();
    setPanel(panel === next ? null : next);
  }

  return (
    <li
      className={cn("px-4 py-3", archived && "bg-slate-50")}
      style={{ paddingLeft: `${1 + category.depth * 1.5}rem` }}
      data-testid="category-row"
      data-category-id={category.id}
      data-slug={category.slug}
      data-archived={archived || undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className={cn("space-y-0.5", archived && "text-slate-400")}>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            {category.depth > 0 ? (
              <span aria-hidden="true" className="text-slate-400">
                └
              </span>
            ) : null}
            <span className={cn("font-medium", archived ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900")}>
              {category.title}
            </span>
            {archived ? <Badge>Archived</Badge> : null}
            <span className="text-xs text-slate-500" data-testid="category-products">
              {category.products === 1 ? "1 product" : `${category.products} products`}
            </span>
            {done ? (
              <span role="status" className="text-xs text-emerald-700">
                {done}
              </span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500" data-testid="category-slugs">
            <span className="sr-only">Slugs: </span>
            {LOCALES.map((locale, i) => (
              <span key={locale}>
                {i > 0 ? " · " : null}
                <abbr title={LOCALE_LABELS[locale]} className="no-underline">
                  {locale}
                </abbr>{" "}
                /{category.slugs[locale]}
              </span>
            ))}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <button
            ref={upRef}
            type="button"
            className={actionClass}
            disabled={first}
            aria-busy={reorder.isPending || undefined}
            onClick={() => shift(-1)}
          >
            <span aria-hidden="true">↑ </span>Move<span className="sr-only"> {category.title}</span> up
          </button>
          <button
            ref={downRef}
            type="button"
            className={actionClass}
            disabled={last}
            aria-busy={reorder.isPending || undefined}
            onClick={() => shift(1)}
          >
            <span aria-hidden="true">↓ </span>Move<span className="sr-only"> {category.title}</span> down
          </button>
          <button type="button" className={actionClass} aria-expanded={panel === "edit"} onClick={() => toggle("edit")}>
            Edit<span className="sr-only"> {category.title}</span>
          </button>
          {archived ? null : (
            <button type="button" className={actionClass} aria-expanded={panel === "child"} onClick={() => toggle("child")}>
              Add child<span className="sr-only"> to {category.title}</span>
            </button>
          )}
          <button type="button" className={actionClass} aria-expanded={panel === "move"} onClick={() => toggle("move")}>
            Move<span className="sr-only"> {category.title}</span>
          </button>
          {archived ? null : (
            <button
              type="button"
              className="text-red-700 hover:underline"
              aria-expanded={panel === "archive"}
              onClick={() => toggle("archive")}
            >
              Archive<span className="sr-only"> {category.title}</span>
            </button>
          )}
        </div>
      </div>
      <FormAlert
        message={
          fieldErrorsOf(reorder.error).orderedIds
            ? "The categories changed since this page was loaded: reload it and try again."
            : formErrorOf(reorder.error)
        }
      />
      {panel === "edit" ? <CategoryEditor category={category} onClose={() => setPanel(null)} /> : null}
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
                {c.trail}
                {c.archivedAt ? " (archived)" : ""}
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={move.isPending}>{move.isPending ? "Moving…" : "Move"}</SubmitButton>
        </form>
      ) : null}
      {panel === "archive" && !archived ? (
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
