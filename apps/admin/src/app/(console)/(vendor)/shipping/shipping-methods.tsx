"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import type { RouterInputs, RouterOutputs } from "@ultramarket/api";
import { buttonClass, EmptyState, formatPrice } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Card, dangerButtonClass, Td, TableCard, Th } from "~/components/ui";

type Method = RouterOutputs["vendorShipping"]["list"][number];
/** Region codes come from users.regions; the API checks them again. */
type RegionCodes = RouterInputs["vendorShipping"]["create"]["regions"];

/** Whole so'm typed by the vendor → tiyin for the API ("" → undefined). */
function tiyin(value: FormDataEntryValue | null): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const number = Number(value.replace(/\s/g, ""));
  return Number.isFinite(number) ? Math.round(number * 100) : Number.NaN;
}
const som = (amount: number) => formatPrice(amount, "UZS", "uz");

export function ShippingMethods({
  vendorId,
  methods,
  regions,
}: {
  vendorId: string;
  methods: Method[];
  regions: { code: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = () => router.refresh();
  const update = useMutation(trpc.vendorShipping.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.vendorShipping.delete.mutationOptions({ onSuccess: refresh }));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return (
    <div className="space-y-6">
      <FormAlert message={formErrorOf(update.error) ?? formErrorOf(remove.error)} />
      {methods.length === 0 ? (
        <EmptyState title="No delivery methods">Without one, shoppers cannot order from this shop. Add one below.</EmptyState>
      ) : (
        <TableCard caption="Delivery methods" testId="shipping-methods">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Regions</Th>
              <Th>Price</Th>
              <Th>Days</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m.id}>
                <Td className="font-medium">{m.name.en || m.name.uz}</Td>
                <Td>{m.kind === "pickup" ? `Pickup: ${m.pickupAddress ?? ""}` : "Courier"}</Td>
                <Td>{m.regions.length === 0 ? "All regions" : m.regions.map((r) => regionName.get(r) ?? r).join(", ")}</Td>
                <Td className="whitespace-nowrap">
                  {som(m.baseAmount)}
                  {m.rateType === "weight" ? ` + ${som(m.perKgAmount)}/kg` : ""}
                  {m.freeOverAmount !== null ? (
                    <span className="block text-xs text-slate-500">free from {som(m.freeOverAmount)}</span>
                  ) : null}
                </Td>
                <Td>
                  {m.minDays}–{m.maxDays}
                </Td>
                <Td>{m.active ? <Badge tone="green">Active</Badge> : <Badge>Off</Badge>}</Td>
                <Td className="whitespace-nowrap">
                  <button
                    type="button"
                    className={buttonClass("secondary")}
                    disabled={update.isPending}
                    onClick={() => update.mutate({ vendorId, methodId: m.id, active: !m.active })}
                  >
                    {m.active ? "Turn off" : "Turn on"}
                  </button>{" "}
                  <button
                    type="button"
                    className={dangerButtonClass()}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete “${m.name.en || m.name.uz}”?`)) remove.mutate({ vendorId, methodId: m.id });
                    }}
                  >
                    Delete
                  </button>
                </Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <CreateMethodForm vendorId={vendorId} regions={regions} />
    </div>
  );
}

function CreateMethodForm({ vendorId, regions }: { vendorId: string; regions: { code: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<"courier" | "pickup">("courier");
  const [rateType, setRateType] = useState<"flat" | "weight">("flat");
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.vendorShipping.create.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value.trim() : "";
    };
    create.mutate({
      vendorId,
      kind,
      name: { uz: text("nameUz"), ru: text("nameRu") || undefined, en: text("nameEn") || undefined },
      regions: data.getAll("regions").filter((v): v is string => typeof v === "string") as RegionCodes,
      rateType,
      baseAmount: tiyin(data.get("base")) ?? 0,
      perKgAmount: rateType === "weight" ? (tiyin(data.get("perKg")) ?? 0) : 0,
      freeOverAmount: tiyin(data.get("freeOver")) ?? null,
      minDays: Number(text("minDays") || Number.NaN),
      maxDays: Number(text("maxDays") || Number.NaN),
      pickupAddress: kind === "pickup" ? text("pickupAddress") || null : null,
    });
  }

  return (
    <Card title="Add a delivery method">
      <form key={formKey} noValidate onSubmit={onSubmit} className="space-y-4" data-testid="create-shipping-method">
        <FormAlert message={formErrorOf(create.error)} />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as "courier" | "pickup")}>
            <option value="courier">Courier</option>
            <option value="pickup">Pickup point</option>
          </SelectField>
          <TextField label="Name (Oʻzbekcha)" name="nameUz" required error={errors["name.uz"] ?? errors.name} />
          <TextField label="Name (Русский, optional)" name="nameRu" error={errors["name.ru"]} />
          <TextField label="Name (English, optional)" name="nameEn" error={errors["name.en"]} />
          <SelectField label="Price" value={rateType} onChange={(e) => setRateType(e.target.value as "flat" | "weight")}>
            <option value="flat">Flat</option>
            <option value="weight">Base + per started kg</option>
          </SelectField>
          <TextField label="Base price (soʻm)" name="base" inputMode="numeric" error={errors.baseAmount} />
          {rateType === "weight" ? <TextField label="Per kg (soʻm)" name="perKg" inputMode="numeric" error={errors.perKgAmount} /> : null}
          <TextField label="Free from (soʻm, optional)" name="freeOver" inputMode="numeric" error={errors.freeOverAmount} />
          <TextField label="Earliest day" name="minDays" type="number" min={0} required error={errors.minDays} />
          <TextField label="Latest day" name="maxDays" type="number" min={0} required error={errors.maxDays} />
          {kind === "pickup" ? (
            <TextField label="Pickup address" name="pickupAddress" required error={errors.pickupAddress} className="sm:col-span-2" />
          ) : null}
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Regions (none ticked: all of Uzbekistan)</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {regions.map((r) => (
              <label key={r.code} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="regions" value={r.code} className="accent-indigo-600" />
                {r.name}
              </label>
            ))}
          </div>
          {errors.regions ? <p className="mt-1 text-sm text-red-700">{errors.regions.join(" ")}</p> : null}
        </fieldset>
        <SubmitButton pending={create.isPending}>{create.isPending ? "Saving…" : "Add delivery method"}</SubmitButton>
      </form>
    </Card>
  );
}
