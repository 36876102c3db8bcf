"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, EmptyState } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, dangerButtonClass, Section, textButtonClass } from "~/components/account/ui";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";
import { AddressForm } from "./address-form";

export type Address = RouterOutputs["users"]["addresses"][number];
export type Region = RouterOutputs["users"]["regions"][number];
export type AddressLabels = Messages["addresses"] & { common: Messages["common"] };

/** The visitor's delivery addresses: list, add, edit, delete, choose the default. */
export function Addresses({
  locale,
  initialAddresses,
  regions,
  defaultRecipient,
  labels,
}: {
  locale: Locale;
  initialAddresses: Address[];
  regions: Region[];
  defaultRecipient: { name: string; phone: string };
  labels: AddressLabels;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: addresses } = useQuery(trpc.users.addresses.queryOptions(undefined, { initialData: initialAddresses }));
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.users.addresses.queryFilter());
  const makeDefault = useMutation(trpc.users.updateAddress.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.users.deleteAddress.mutationOptions({
      onSuccess: async () => {
        setConfirmingDelete(null);
        await invalidate();
      },
    }),
  );
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name[locale] ?? code;

  const closeForm = () => setEditing(null);
  const listError = formErrorOf(makeDefault.error) ?? formErrorOf(remove.error);

  return (
    <Section
      id="addresses"
      title={labels.title}
      actions={
        editing === null ? (
          <button type="button" className={buttonClass("secondary")} onClick={() => setEditing("new")}>
            {labels.add}
          </button>
        ) : null
      }
    >
      <div className="space-y-4">
        <FormAlert message={listError} />
        {editing === "new" ? (
          <AddressForm
            key="new"
            title={labels.newTitle}
            locale={locale}
            regions={regions}
            defaults={defaultRecipient}
            labels={labels}
            onDone={async () => {
              await invalidate();
              closeForm();
            }}
            onCancel={closeForm}
          />
        ) : null}
        {addresses.length === 0 && editing !== "new" ? <EmptyState title={labels.empty} /> : null}
        {addresses.length > 0 ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {addresses.map((address) =>
              editing === address.id ? (
                <li key={address.id} className="md:col-span-2">
                  <AddressForm
                    title={labels.editTitle}
                    locale={locale}
                    regions={regions}
                    address={address}
                    defaults={defaultRecipient}
                    labels={labels}
                    onDone={async () => {
                      await invalidate();
                      closeForm();
                    }}
                    onCancel={closeForm}
                  />
                </li>
              ) : (
                <li key={address.id} className="flex flex-col rounded-lg border border-slate-200 p-4" data-testid="address">
                  <div className="flex items-start justify-between gap-2">
                    <p className="font-medium text-slate-900">{address.label || address.recipientName}</p>
                    {address.isDefault ? <Badge tone="indigo">{labels.default}</Badge> : null}
                  </div>
                  <address className="mt-1 text-sm not-italic leading-relaxed text-slate-600">
                    {address.label ? (
                      <>
                        {address.recipientName}
                        <br />
                      </>
                    ) : null}
                    {address.phone}
                    <br />
                    {address.street}
                    <br />
                    {address.city}, {regionName(address.region)}
                    {address.postalCode ? `, ${address.postalCode}` : ""}
                  </address>
                  <div className="mt-auto flex flex-wrap items-center gap-1 pt-3">
                    {confirmingDelete === address.id ? (
                      <div role="group" aria-label={labels.confirmDelete} className="flex flex-wrap items-center gap-2">
                        <span className="text-sm text-slate-700">{labels.confirmDelete}</span>
                        <button
                          type="button"
                          className={`${dangerButtonClass} px-3 py-1`}
                          disabled={remove.isPending}
                          aria-busy={remove.isPending || undefined}
                          onClick={() => remove.mutate({ id: address.id })}
                        >
                          {remove.isPending ? labels.common.pleaseWait : labels.yesDelete}
                        </button>
                        <button type="button" className={textButtonClass} onClick={() => setConfirmingDelete(null)}>
                          {labels.common.cancel}
                        </button>
                      </div>
                    ) : (
                      <>
                        <button
                          type="button"
                          className={textButtonClass}
                          onClick={() => {
                            setConfirmingDelete(null);
                            setEditing(address.id);
                          }}
                        >
                          {labels.edit}
                        </button>
                        {!address.isDefault ? (
                          <button
                            type="button"
                            className={textButtonClass}
                            disabled={makeDefault.isPending}
                            aria-busy={(makeDefault.isPending && makeDefault.variables.id === address.id) || undefined}
                            onClick={() => makeDefault.mutate({ id: address.id, isDefault: true })}
                          >
                            {makeDefault.isPending && makeDefault.variables.id === address.id
                              ? labels.common.pleaseWait
                              : labels.makeDefault}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className={`${textButtonClass} text-red-700 hover:bg-red-50`}
                          onClick={() => {
                            remove.reset();
                            setConfirmingDelete(address.id);
                          }}
                        >
                          {labels.delete}
                        </button>
                      </>
                    )}
                  </div>
                </li>
              ),
            )}
          </ul>
        ) : null}
      </div>
    </Section>
  );
}
