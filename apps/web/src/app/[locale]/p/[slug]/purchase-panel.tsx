"use client";

import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { cn, Price, StockBadge } from "@ultramarket/ui";
import type { Locale } from "~/i18n/locales";
import { AddToCart } from "./add-to-cart";
import { Gallery } from "./gallery";

type Product = RouterOutputs["catalog"]["productBySlug"];

interface Labels {
  inStock: string;
  outOfStock: string;
  fewLeft: string;
  sku: string;
  vat: string;
  options: Record<string, string>;
  values: Record<string, string>;
  gallery: string;
  addToCart: string;
  adding: string;
  quantity: string;
  available: string;
}

/**
 * Gallery and variant picker: choosing a variant updates price, stock and SKU in place, and
 * shows the variant's own picture when it has one.
 */
export function PurchasePanel({ product, locale, labels }: { product: Product; locale: Locale; labels: Labels }) {
  // A variant's own picture (images[].variantId), or -1.
  const pictureOf = (id: string | undefined) => (id ? product.images.findIndex((i) => i.variantId === id) : -1);
  const [variantId, setVariantId] = useState(product.variants.find((v) => v.available > 0)?.id ?? product.variants[0]?.id);
  const [imageIndex, setImageIndex] = useState(() => Math.max(0, pictureOf(variantId)));
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  const selectVariant = (id: string) => {
    setVariantId(id);
    const picture = pictureOf(id);
    const shownFor = product.images[imageIndex]?.variantId;
    if (picture >= 0) setImageIndex(picture);
    // Another variant's picture would show the wrong thing: back to the product's own first one.
    else if (shownFor && shownFor !== id)
      setImageIndex(
        Math.max(
          0,
          product.images.findIndex((i) => !i.variantId),
        ),
      );
  };
  // Each option (colour, memory…) is its own group; picking a value keeps the other choices.
  const optionKeys = Object.keys(product.variants[0]?.options ?? {});
  const valuesOf = (key: string) => [...new Set(product.variants.map((v) => v.options[key]).filter((x): x is string => Boolean(x)))];
  const matching = (key: string, value: string) =>
    product.variants.filter((v) => v.options[key] === value && optionKeys.every((k) => k === key || v.options[k] === variant?.options[k]));
  const choose = (key: string, value: string) => {
    const exact = matching(key, value)[0] ?? product.variants.find((v) => v.options[key] === value);
    if (exact) selectVariant(exact.id);
  };
  const available = variant?.available ?? 0;
  const stockText =
    available === 0 ? labels.outOfStock : available <= 5 ? labels.fewLeft.replace("{n}", String(available)) : labels.inStock;

  return (
    <div className="grid gap-8 md:grid-cols-2">
      <Gallery images={product.images} index={imageIndex} onSelect={setImageIndex} label={labels.gallery} />

      <div className="space-y-5">
        {product.brand ? <p className="text-sm uppercase tracking-wide text-slate-500">{product.brand}</p> : null}
        <h1 className="text-2xl font-bold" data-testid="product-heading">
          {product.title}
        </h1>
        {variant ? (
          <div>
            <Price
              amount={variant.priceAmount}
              currency={variant.currency}
              compareAt={variant.compareAtAmount}
              locale={locale}
              className="text-2xl"
            />
            <p className="mt-1 text-xs text-slate-500">{labels.vat}</p>
          </div>
        ) : null}

        {product.variants.length > 1
          ? optionKeys.map((key) => (
              <fieldset key={key}>
                <legend className="mb-2 text-sm font-medium">{labels.options[key] ?? key}</legend>
                <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={labels.options[key] ?? key}>
                  {valuesOf(key).map((value) => {
                    const selected = variant?.options[key] === value;
                    const soldOut = matching(key, value).every((v) => v.available === 0);
                    return (
                      <button
                        key={value}
                        type="button"
                        role="radio"
                        aria-checked={selected}
                        onClick={() => choose(key, value)}
                        className={cn(
                          "rounded-lg border px-3 py-2 text-sm",
                          selected ? "border-indigo-600 bg-indigo-50 text-indigo-700" : "border-slate-300 bg-white hover:border-slate-400",
                          soldOut && "text-slate-400 line-through",
                        )}
                      >
                        {labels.values[value] ?? value}
                      </button>
                    );
                  })}
                </div>
              </fieldset>
            ))
          : null}

        <div className="flex items-center gap-3">
          <StockBadge inStock={available > 0} label={stockText} />
          {variant ? (
            <span className="text-xs text-slate-500" data-testid="sku">
              {labels.sku}: {variant.sku}
            </span>
          ) : null}
        </div>
        {variant ? (
          <p className="text-sm text-slate-600" data-testid="available" data-count={available}>
            {labels.available.replace("{n}", String(available))}
          </p>
        ) : null}
        {variant && available > 0 ? (
          <AddToCart key={variant.id} variantId={variant.id} max={Math.min(available, 20)} labels={labels} />
        ) : null}
      </div>
    </div>
  );
}
