"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@ultramarket/ui/forms";

interface Image {
  id: string;
  url: string;
  width: number;
  height: number;
  sizes: number[];
}

/** The product's pictures; new ones upload at once (checked and re-encoded by the API). */
export function ImageManager({ vendorId, productId, images }: { vendorId: string; productId: string; images: Image[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    for (const file of Array.from(files)) {
      const form = new FormData();
      form.set("vendorId", vendorId);
      form.set("productId", productId);
      form.set("file", file);
      const response = await fetch("/api/uploads/product-image", { method: "POST", body: form });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string; fieldErrors?: { file?: string[] } };
        } | null;
        setError(`${file.name}: ${body?.error?.fieldErrors?.file?.[0] ?? body?.error?.message ?? "upload failed"}`);
        break;
      }
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <div className="space-y-3" data-testid="image-manager">
      {images.length === 0 ? <p className="text-sm text-slate-500">No pictures yet.</p> : null}
      <ul className="flex flex-wrap gap-3">
        {images.map((image) => (
          <li key={image.id} className="w-28 text-xs text-slate-500">
            <img
              src={image.url}
              width={112}
              height={Math.round((112 * image.height) / image.width)}
              alt=""
              className="rounded-lg border border-slate-200"
            />
            {image.width}×{image.height}
            {image.sizes.length ? ` · ${image.sizes.join("/")}px` : " · sizes pending"}
          </li>
        ))}
      </ul>
      <label className="block text-sm font-medium text-slate-700">
        Add pictures (JPEG, PNG or WebP, up to 15 MB)
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={busy}
          onChange={(event) => void upload(event.target.files)}
          className="mt-1 block text-sm"
        />
      </label>
      {busy ? (
        <p className="text-sm text-slate-500" aria-live="polite">
          Uploading…
        </p>
      ) : null}
      <FormAlert message={error} />
    </div>
  );
}
