import type { RouterOutputs } from "@ultramarket/api";
import { cn } from "@ultramarket/ui";

export type GalleryImage = RouterOutputs["catalog"]["productBySlug"]["images"][number];

/**
 * A `srcset` of the picture's smaller WebP renditions and the original, or undefined when
 * the worker has not made renditions yet (then `src` alone is used).
 */
export function srcSetOf(image: GalleryImage): string | undefined {
  const byWidth = new Map<number, string>();
  for (const rendition of image.srcSet)
    if (rendition.width > 0 && rendition.width < image.width && !byWidth.has(rendition.width)) byWidth.set(rendition.width, rendition.url);
  if (byWidth.size === 0) return undefined;
  return [...[...byWidth].sort(([a], [b]) => a - b), [image.width, image.url] as const]
    .map(([width, url]) => `${url} ${width}w`)
    .join(", ");
}

// The main picture fills one of two columns of the 80rem container from `md` up, the width otherwise.
const MAIN_SIZES = "(min-width: 80rem) 38rem, (min-width: 48rem) 50vw, 100vw";

/** The product's pictures: the one shown, and thumbnails to pick another. */
export function Gallery({
  images,
  index,
  onSelect,
  label,
}: {
  images: GalleryImage[];
  index: number;
  onSelect: (index: number) => void;
  label: string;
}) {
  const image = images[index] ?? images[0];
  const srcSet = image ? srcSetOf(image) : undefined;
  return (
    <div>
      <div className="aspect-square overflow-hidden rounded-2xl border border-slate-200 bg-white">
        {image ? (
          // width/height reserve the space before the picture arrives.
          <img
            src={image.url}
            srcSet={srcSet}
            sizes={srcSet ? MAIN_SIZES : undefined}
            width={image.width}
            height={image.height}
            alt={image.alt}
            fetchPriority="high"
            className="h-full w-full object-cover"
            data-testid="gallery-main"
          />
        ) : null}
      </div>
      {images.length > 1 ? (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label={label}>
          {images.map((img, i) => {
            const thumbSrcSet = srcSetOf(img);
            return (
              <li key={img.url + i}>
                <button
                  type="button"
                  onClick={() => onSelect(i)}
                  aria-pressed={i === index}
                  className={cn(
                    "h-16 w-16 overflow-hidden rounded-lg border-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                    i === index ? "border-indigo-600" : "border-transparent",
                  )}
                >
                  <img
                    src={img.url}
                    srcSet={thumbSrcSet}
                    sizes={thumbSrcSet ? "4rem" : undefined}
                    width={64}
                    height={64}
                    alt={img.alt}
                    loading="lazy"
                    className="h-full w-full object-cover"
                  />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
