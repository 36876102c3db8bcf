"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useId, useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { formValue } from "~/components/form-value";
import type { Locale } from "~/i18n/locales";
import type { Address, AddressLabels, Region } from "./addresses";

const OTHER = "__other__";

/** Where an existing city sits in a region's list (in any language), so the select can show it. */
function initialCity(region: Region | undefined, city: string, locale: Locale): { mode: "list" | "other"; city: string } {
  if (!city) return { mode: region && region.cities.length > 0 ? "list" : "other", city: "" };
  const match = region?.cities.find((c) => [c.uz, c.ru, c.en].includes(city));
  return match ? { mode: "list", city: match[locale] } : { mode: "other", city };
}

export function AddressForm({
  title,
  locale,
  regions,
  address,
  defaults,
  labels,
  onDone,
  onCancel,
}: {
  title: string;
  locale: Locale;
  regions: Region[];
  address?: Address;
  defaults: { name: string; phone: string };
  labels: AddressLabels;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const [regionCode, setRegionCode] = useState(address?.region ?? "");
  const region = regions.find((r) => r.code === regionCode);
  const [city, setCity] = useState(() => initialCity(region, address?.city ?? "", locale));
  const create = useMutation(trpc.users.createAddress.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.users.updateAddress.mutationOptions({ onSuccess: onDone }));
  const mutation = address ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const { common } = labels;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const label = formValue(data, "label").trim();
    const postalCode = formValue(data, "postalCode").trim();
    const fields = {
      recipientName: formValue(data, "recipientName"),
      phone: formValue(data, "phone"),
      region: regionCode,
      city: city.city,
      street: formValue(data, "street"),
      // Postal codes can be changed but not cleared (the API takes 6 digits or nothing).
      postalCode: postalCode || undefined,
    };
    const isDefault = data.get("isDefault") === "on";
    // An empty label clears an existing one; a new address simply has none. The default
    // address stays the default until another one is chosen (there is always one).
    if (address) update.mutate({ id: address.id, ...fields, label, isDefault: isDefault || undefined });
    else create.mutate({ ...fields, label: label || undefined, isDefault });
  }

  function chooseRegion(code: string) {
    setRegionCode(code);
    const next = regions.find((r) => r.code === code);
    setCity({ mode: next && next.cities.length > 0 ? "list" : "other", city: "" });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      <FormAlert message={formErrorOf(mutation.error)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={labels.recipientName}
          name="recipientName"
          autoComplete="shipping name"
          defaultValue={address?.recipientName ?? defaults.name}
          required
          error={errors.recipientName}
        />
        <TextField
          label={common.phone}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="shipping tel"
          defaultValue={address?.phone ?? defaults.phone}
          required
          hint={common.phoneHint}
          error={errors.phone}
        />
        <SelectField
          label={labels.region}
          name="region"
          autoComplete="shipping address-level1"
          value={regionCode}
          onChange={(event) => chooseRegion(event.target.value)}
          required
          error={errors.region}
        >
          <option value="" disabled>
            {labels.chooseRegion}
          </option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name[locale]}
            </option>
          ))}
        </SelectField>
        <div className="space-y-2">
          {region && region.cities.length > 0 ? (
            <SelectField
              label={labels.city}
              name="citySelect"
              value={city.mode === "other" ? OTHER : city.city}
              onChange={(event) =>
                setCity(event.target.value === OTHER ? { mode: "other", city: "" } : { mode: "list", city: event.target.value })
              }
              required
              error={city.mode === "list" ? errors.city : undefined}
            >
              <option value="" disabled>
                {labels.chooseCity}
              </option>
              {region.cities.map((c) => (
                <option key={c.uz} value={c[locale]}>
                  {c[locale]}
                </option>
              ))}
              <option value={OTHER}>{labels.otherCity}</option>
            </SelectField>
          ) : null}
          {city.mode === "other" || !region || region.cities.length === 0 ? (
            <TextField
              label={region && region.cities.length > 0 ? labels.cityManual : labels.city}
              name="city"
              autoComplete="shipping address-level2"
              value={city.city}
              onChange={(event) => setCity({ mode: "other", city: event.target.value })}
              required
              error={errors.city}
            />
          ) : null}
        </div>
        <TextField
          label={labels.street}
          name="street"
          autoComplete="shipping street-address"
          defaultValue={address?.street ?? ""}
          required
          error={errors.street}
          className="sm:col-span-2"
        />
        <TextField
          label={`${labels.postalCode} (${common.optional})`}
          name="postalCode"
          inputMode="numeric"
          autoComplete="shipping postal-code"
          maxLength={6}
          defaultValue={address?.postalCode ?? ""}
          error={errors.postalCode}
        />
        <TextField
          label={`${labels.label} (${common.optional})`}
          name="label"
          autoComplete="off"
          maxLength={50}
          defaultValue={address?.label ?? ""}
          hint={labels.labelHint}
          error={errors.label}
        />
      </div>
      {address?.isDefault ? null : (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="isDefault" className="h-4 w-4 rounded border-slate-300 accent-indigo-600" />
          {labels.isDefault}
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={mutation.isPending}>{mutation.isPending ? common.pleaseWait : labels.save}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={onCancel}>
          {common.cancel}
        </button>
      </div>
    </form>
  );
}
