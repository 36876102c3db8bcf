"use client";

import { useId, useState } from "react";

import { FormAlert, formErrorOf, SubmitButton } from "@ultramarket/ui/forms";
import { openCartDrawer, useCart } from "~/components/cart/use-cart";

/** Quantity and "add to cart"; on success the header's cart drawer opens with the new line. */
export function AddToCart({
  variantId,
  max,
  labels,
}: {
  variantId: string;
  max: number;
  labels: { addToCart: string; adding: string; quantity: string };
}) {
  const { add } = useCart();
  const [quantity, setQuantity] = useState(1);
  const quantityId = useId();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ variantId, quantity }, { onSuccess: openCartDrawer });
      }}
    >
      <FormAlert message={formErrorOf(add.error)} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor={quantityId} className="mb-1 block text-sm font-medium">
            {labels.quantity}
          </label>
          <select
            id={quantityId}
            value={quantity}
            onChange={(event) => setQuantity(Number(event.target.value))}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {Array.from({ length: Math.max(1, max) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={add.isPending}>{add.isPending ? labels.adding : labels.addToCart}</SubmitButton>
      </div>
    </form>
  );
}
