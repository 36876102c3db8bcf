"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DragEvent, FormEvent } from "react";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { publicFileUrl } from "@ultramarket/api/files";
import { buttonClass, cn } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass } from "~/components/ui";
import type { Locale } from "~/lib/catalog";
import { LOCALE_LABELS, LOCALES } from "~/lib/catalog";
import { useHydrated } from "~/lib/use-hydrated";

type Image = RouterOutputs["vendorCatalog"]["images"][number];
type Alt = Record<Locale, string>;

const emptyAlt = (): Alt => ({ uz: "", ru: "", en: "" });
const altOf = (image: Image): Alt => ({ ...emptyAlt(), ...image.alt });
const sameAlt = (a: Alt, b: Alt) => LOCALES.every((l) => a[l].trim() === b[l].trim());
const thumbnailUrl = (image: Image) => publicFileUrl(image.renditions.find((r) => r.width === 480)?.storageKey ?? image.storageKey);

/**
 * The product's gallery: new pictures upload at once (checked and re-encoded by the API);
 * order (drag and drop, or the move buttons) and alt texts are drafts until "Save gallery",
 * which sends every picture in its new order. Deleting asks first and applies at once.
 */
export function ImageManager({ vendorId, productId, initialImages }: { vendorId: string; productId: string; initialImages: Image[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const ref = { vendorId, productId };
  const imagesQuery = useQuery(trpc.vendorCatalog.images.queryOptions(ref, { initialData: initialImages }));
  const images = imagesQuery.data;

  const [order, setOrder] = useState<string[] | null>(null);
  const [alts, setAlts] = useState<Record<string, Alt>>({});
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  // The draft order, kept in step with the gallery: removed pictures drop out, new ones join at the end.
  const byId = new Map(images.map((image) => [image.id, image]));
  const orderedIds = order
    ? [...order.filter((id) => byId.has(id)), ...images.filter((image) => !order.includes(image.id)).map((image) => image.id)]
    : images.map((image) => image.id);
  const ordered = orderedIds.map((id) => byId.get(id)!);
  const draftAlt = (image: Image) => alts[image.id] ?? altOf(image);
  const reordered = orderedIds.join() !== images.map((image) => image.id).join();
  const altChanged = ordered.some((image) => !sameAlt(draftAlt(image), altOf(image)));
  const dirty = reordered || altChanged;

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.vendorCatalog.images.queryKey(ref) });

  const arrange = useMutation(
    trpc.vendorCatalog.arrangeImages.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.vendorCatalog.images.queryKey(ref), saved);
        setOrder(null);
        setAlts({});
        setDone("Gallery saved.");
      },
      onError: (error) => {
        // The gallery changed meanwhile (another tab, a colleague): show the current one; the drafts stay.
        if (fieldErrorsOf(error).images) void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.vendorCatalog.deleteImage.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        setDone("Picture deleted.");
        await refresh();
        // The deleted row took the focus with it: put it on the gallery.
        document.getElementById(`gallery-${productId}`)?.focus();
      },
    }),
  );
  const arrangeErrors = fieldErrorsOf(arrange.error);
  const altErrorFor = (id: string, locale: Locale) => {
    const index = sentIds.indexOf(id);
    return index >= 0 ? arrangeErrors[`images.${index}.alt.${locale}`] : undefined;
  };

  function move(id: string, to: number, focusAfter?: "up" | "down") {
    const from = orderedIds.indexOf(id);
    if (from < 0 || to < 0 || to >= orderedIds.length || from === to) return;
    const next = [...orderedIds];
    next.splice(from, 1);
    next.splice(to, 0, id);
    setOrder(next);
    setDone(null);
    setAnnouncement(`Picture moved to position ${to + 1} of ${next.length}.`);
    if (focusAfter) {
      // The row moved in the DOM, which drops focus: give it back to the button pressed (or its twin at either end).
      requestAnimationFrame(() => {
        const pressed = document.getElementById(`gallery-move-${focusAfter}-${id}`);
        const other = document.getElementById(`gallery-move-${focusAfter === "up" ? "down" : "up"}-${id}`);
        (pressed instanceof HTMLButtonElement && !pressed.disabled ? pressed : other)?.focus();
      });
    }
  }

  function setAlt(image: Image, locale: Locale, value: string) {
    setAlts((current) => ({ ...current, [image.id]: { ...(current[image.id] ?? altOf(image)), [locale]: value } }));
    setDone(null);
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const ids = orderedIds;
    setSentIds(ids);
    arrange.mutate({
      vendorId,
      productId,
      images: ordered.map((image) => {
        const alt = draftAlt(image);
        return { id: image.id, alt: { uz: alt.uz.trim(), ru: alt.ru.trim(), en: alt.en.trim() } };
      }),
    });
  }

  function discard() {
    setOrder(null);
    setAlts({});
    arrange.reset();
    setDone(null);
    setAnnouncement("Changes to the gallery discarded.");
  }

  async function upload(input: HTMLInputElement) {
    const files = Array.from(input.files ?? []);
    if (!files.length) return;
    setUploadError(null);
    setDone(null);
    for (const [index, file] of files.entries()) {
      setUploading(files.length > 1 ? `Uploading ${index + 1} of ${files.length}: ${file.name}…` : `Uploading ${file.name}…`);
      const form = new FormData();
      form.set("vendorId", vendorId);
      form.set("productId", productId);
      form.set("file", file);
      const response = await fetch("/api/uploads/product-image", { method: "POST", body: form }).catch(() => null);
      if (!response?.ok) {
        const body = (await response?.json().catch(() => null)) as {
          error?: { message?: string; fieldErrors?: { file?: string[] } };
        } | null;
        setUploadError(`${file.name}: ${body?.error?.fieldErrors?.file?.[0] ?? body?.error?.message ?? "upload failed"}`);
        break;
      }
    }
    input.value = "";
    setUploading(null);
    await refresh();
  }

  function onDragStart(event: DragEvent<HTMLElement>, id: string) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", id);
    setDragging(id);
  }
  function onDragOver(event: DragEvent<HTMLElement>, id: string) {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (dropTarget !== id) setDropTarget(id);
  }
  function onDrop(event: DragEvent<HTMLElement>, id: string) {
    event.preventDefault();
    const from = dragging ?? event.dataTransfer.getData("text/plain");
    if (from && byId.has(from)) move(from, orderedIds.indexOf(id));
    setDragging(null);
    setDropTarget(null);
  }

  return (
    <div className="space-y-4" data-testid="image-manager">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {images.length === 0 ? (
        <p className="text-sm text-slate-500">No pictures yet. The first picture is the one shown in the catalog.</p>
      ) : (
        <form onSubmit={save} className="space-y-4" aria-label="Gallery" noValidate>
          <p className="text-sm text-slate-500">
            The first picture is the one shown in the catalog. Drag a picture by its thumbnail, or use the Up and Down buttons, to change
            the order. Alt text describes the picture to people who cannot see it, and to search engines.
          </p>
          <FormAlert tone="success" message={done} />
          <FormAlert
            message={
              arrangeErrors.images
                ? `${arrangeErrors.images[0]} (The gallery below has been refreshed; your order and alt texts are kept.)`
                : (formErrorOf(arrange.error) ?? formErrorOf(remove.error))
            }
          />
          <ol
            id={`gallery-${productId}`}
            tabIndex={-1}
            className="space-y-3 focus:outline-none"
            aria-label="Pictures, first to last"
            data-testid="gallery"
          >
            {ordered.map((image, index) => {
              const alt = draftAlt(image);
              const number = index + 1;
              return (
                <li
                  key={image.id}
                  data-testid="gallery-item"
                  data-image-id={image.id}
                  onDragOver={(event) => onDragOver(event, image.id)}
                  onDragLeave={() => setDropTarget((current) => (current === image.id ? null : current))}
                  onDrop={(event) => onDrop(event, image.id)}
                  className={cn(
                    "grid gap-4 rounded-lg border p-3 sm:grid-cols-[8rem_1fr_auto]",
                    dropTarget === image.id && dragging !== image.id ? "border-indigo-500 bg-indigo-50" : "border-slate-200",
                    dragging === image.id && "opacity-50",
                  )}
                >
                  <div
                    draggable
                    onDragStart={(event) => onDragStart(event, image.id)}
                    onDragEnd={() => {
                      setDragging(null);
                      setDropTarget(null);
                    }}
                    className="cursor-grab space-y-1 text-xs text-slate-500 active:cursor-grabbing"
                    title="Drag to reorder"
                  >
                    <img
                      src={thumbnailUrl(image)}
                      width={128}
                      height={Math.max(1, Math.round((128 * image.height) / image.width))}
                      alt={alt.uz || `Picture ${number}`}
                      draggable={false}
                      className="rounded-lg border border-slate-200"
                    />
                    <p>
                      {number === 1 ? <span className="font-medium text-indigo-700">Main · </span> : null}
                      {image.width}×{image.height}
                      {image.renditions.length ? ` · ${image.renditions.map((r) => r.width).join("/")}px` : " · sizes pending"}
                    </p>
                  </div>
                  <fieldset className="min-w-0 space-y-2">
                    <legend className="text-sm font-medium text-slate-700">
                      Picture {number}
                      {number === 1 ? " (main)" : ""}
                    </legend>
                    <div className="grid gap-2 md:grid-cols-3">
                      {LOCALES.map((locale) => (
                        <TextField
                          key={locale}
                          label={`Alt text (${LOCALE_LABELS[locale]})`}
                          value={alt[locale]}
                          maxLength={200}
                          onChange={(event) => setAlt(image, locale, event.target.value)}
                          error={altErrorFor(image.id, locale)}
                        />
                      ))}
                    </div>
                  </fieldset>
                  <div className="flex flex-row flex-wrap items-start gap-2 sm:flex-col">
                    <button
                      type="button"
                      id={`gallery-move-up-${image.id}`}
                      className={buttonClass("secondary")}
                      aria-label={`Move picture ${number} up`}
                      disabled={index === 0}
                      onClick={() => move(image.id, index - 1, "up")}
                    >
                      ↑ Up
                    </button>
                    <button
                      type="button"
                      id={`gallery-move-down-${image.id}`}
                      className={buttonClass("secondary")}
                      aria-label={`Move picture ${number} down`}
                      disabled={index === ordered.length - 1}
                      onClick={() => move(image.id, index + 1, "down")}
                    >
                      ↓ Down
                    </button>
                    {confirming === image.id ? (
                      <div
                        role="group"
                        aria-label={`Delete picture ${number}?`}
                        className="space-y-2 rounded-lg bg-red-50 p-2 text-xs text-red-800"
                      >
                        <p>Delete this picture? It leaves the product page at once.</p>
                        <div className="flex gap-2">
                          <button
                            type="button"
                            className={dangerButtonClass()}
                            disabled={remove.isPending}
                            aria-busy={remove.isPending || undefined}
                            onClick={() => remove.mutate({ vendorId, imageId: image.id })}
                          >
                            {remove.isPending ? "Deleting…" : "Delete"}
                          </button>
                          <button
                            type="button"
                            className={buttonClass("secondary")}
                            // The question just appeared: start on the safe answer.
                            autoFocus
                            onClick={() => setConfirming(null)}
                          >
                            Cancel
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="px-1 py-2 text-sm text-red-700 hover:underline"
                        aria-label={`Delete picture ${number}`}
                        onClick={() => {
                          remove.reset();
                          setConfirming(image.id);
                        }}
                      >
                        Delete
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={arrange.isPending}>{arrange.isPending ? "Saving…" : "Save gallery"}</SubmitButton>
            {dirty ? (
              <>
                <button type="button" className={buttonClass("secondary")} onClick={discard} disabled={arrange.isPending}>
                  Discard changes
                </button>
                <span className="text-sm text-amber-700">Unsaved changes to the order or the alt texts.</span>
              </>
            ) : null}
          </div>
        </form>
      )}
      <label className="block text-sm font-medium text-slate-700">
        Add pictures (JPEG, PNG or WebP, up to 15 MB)
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={uploading !== null || !hydrated}
          onChange={(event) => void upload(event.currentTarget)}
          className="mt-1 block text-sm"
        />
      </label>
      <p className="text-sm text-slate-500" role="status" aria-live="polite">
        {uploading}
      </p>
      <FormAlert message={uploadError} />
    </div>
  );
}
