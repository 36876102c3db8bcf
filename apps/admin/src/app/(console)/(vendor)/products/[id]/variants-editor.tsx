"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import type { RouterInputs } from "@ultramarket/api";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Card } from "~/components/ui";
import { parseSom, somText } from "~/lib/catalog";
import type { EditableProduct } from "../product-editor";

type Variant = EditableProduct["variants"][number];

export function VariantsEditor({
  vendorId,
  options,
  variants,
}: {
  vendorId: string;
  options: EditableProduct["options"];
  variants: Variant[];
}) {
  return (
    <Card title={`Variants (${variants.length})`}>
      <p className="mb-3 text-sm text-slate-500">Change a variant&apos;s price, old price or barcode and save that row.</p>
      <ul className="space-y-3">
        {variants.map((variant) => (
          <li key={variant.id}>
            <VariantRow vendorId={vendorId} variant={variant} label={options.map((o) => variant.options[o.key]).join(" / ") || "Default"} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function VariantRow({ vendorId, variant, label }: { vendorId: string; variant: Variant; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [price, setPrice] = useState(somText(variant.priceAmount));
  const [oldPrice, setOldPrice] = useState(somText(variant.compareAtAmount));
  const [barcode, setBarcode] = useState(variant.barcode ?? "");
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(
    trpc.vendorCatalog.updateVariant.mutationOptions({
      onSuccess: () => {
        setDone("Saved.");
        router.refresh();
      },
    }),
  );
  const errors = { ...fieldErrorsOf(save.error), ...local };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const errs: Record<string, string[]> = {};
    const priceAmount = parseSom(price);
    const compareAt = parseSom(oldPrice);
    if (priceAmount === null || Number.isNaN(priceAmount)) errs.priceAmount = ["Enter the price in soʻm, e.g. 125000"];
    if (compareAt !== null && Number.isNaN(compareAt)) errs.compareAtAmount = ["Enter the old price in soʻm"];
    setLocal(errs);
    if (Object.keys(errs).length || priceAmount === null) return;
    const input: RouterInputs["vendorCatalog"]["updateVariant"] = {
      vendorId,
      variantId: variant.id,
      priceAmount,
      compareAtAmount: compareAt,
    };
    if (barcode.trim()) input.barcode = barcode.trim();
    save.mutate(input);
  }

  return (
    <form onSubmit={submit} aria-label={`Variant ${label}`} className="space-y-2 rounded-lg border border-slate-200 p-3" noValidate>
      <p className="text-sm">
        <span className="font-medium">{label}</span> <span className="text-slate-500">· SKU {variant.sku}</span>
      </p>
      <FormAlert tone="success" message={done} />
      <FormAlert message={formErrorOf(save.error)} />
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="Price (soʻm)"
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={errors.priceAmount}
          className="w-40"
        />
        <TextField
          label="Old price (soʻm)"
          inputMode="decimal"
          value={oldPrice}
          onChange={(e) => setOldPrice(e.target.value)}
          error={errors.compareAtAmount}
          className="w-40"
        />
        <TextField
          label="Barcode"
          inputMode="numeric"
          value={barcode}
          onChange={(e) => setBarcode(e.target.value)}
          error={errors.barcode}
          className="w-48"
        />
        <SubmitButton pending={save.isPending} variant="secondary" className="mt-6">
          {save.isPending ? "Saving…" : "Save variant"}
        </SubmitButton>
      </div>
    </form>
  );
}
