"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Card } from "~/components/ui";

export function CreateWarehouseForm({ vendorId, regions }: { vendorId: string; regions: { code: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [region, setRegion] = useState("");
  const [address, setAddress] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.vendorCatalog.createWarehouse.mutationOptions({
      onSuccess: (warehouse) => {
        setDone(`Warehouse “${warehouse.name}” added.`);
        setName("");
        setRegion("");
        setAddress("");
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    create.mutate({ vendorId, name, region, address });
  }

  return (
    <Card title="Add a warehouse">
      <form onSubmit={submit} className="space-y-4" aria-label="Add a warehouse" noValidate>
        <FormAlert tone="success" message={done} />
        <FormAlert message={formErrorOf(create.error)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            name="name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            required
          />
          <SelectField
            label="Region"
            name="region"
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            error={errors.region}
            required
          >
            <option value="">Choose a region…</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Address"
            name="address"
            value={address}
            maxLength={300}
            onChange={(e) => setAddress(e.target.value)}
            error={errors.address}
            className="sm:col-span-2"
            required
          />
        </div>
        <SubmitButton pending={create.isPending}>{create.isPending ? "Adding…" : "Add warehouse"}</SubmitButton>
      </form>
    </Card>
  );
}
