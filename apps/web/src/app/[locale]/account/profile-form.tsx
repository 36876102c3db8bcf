"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState, useTransition } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Section } from "~/components/account/ui";
import { formValue } from "~/components/form-value";
import { isLocale, LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["common"] & Messages["profile"];

export function ProfileForm({
  user,
  labels,
}: {
  user: { email: string; name: string; phone: string | null; locale: Locale };
  labels: Labels;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  // What the API stored (the phone comes back normalised); a new version re-fills the fields.
  const [saved, setSaved] = useState({ values: user, version: 0 });
  const update = useMutation(
    trpc.users.updateProfile.mutationOptions({
      onSuccess: (result) => {
        setSaved((previous) => ({
          values: {
            ...previous.values,
            name: result.name,
            phone: result.phone,
            locale: isLocale(result.locale) ? result.locale : previous.values.locale,
          },
          version: previous.version + 1,
        }));
        // The header shows the name: re-render the server parts.
        startTransition(() => router.refresh());
      },
    }),
  );
  const values = saved.values;
  const errors = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const phone = formValue(data, "phone").trim();
    const locale = formValue(data, "locale");
    update.mutate({ name: formValue(data, "name"), phone: phone || null, locale: isLocale(locale) ? locale : undefined });
  }

  const busy = update.isPending || refreshing;
  return (
    <Section id="profile" title={labels.title}>
      <form key={saved.version} onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
        <FormAlert message={formErrorOf(update.error)} />
        <TextField
          label={labels.email}
          type="email"
          value={values.email}
          readOnly
          className="[&_input]:bg-slate-50 [&_input]:text-slate-600"
        />
        <TextField label={labels.name} name="name" autoComplete="name" defaultValue={values.name} required error={errors.name} />
        <TextField
          label={`${labels.phone} (${labels.optional})`}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          defaultValue={values.phone ?? ""}
          hint={labels.phoneHint}
          error={errors.phone}
        />
        <div className="space-y-1">
          <SelectField label={labels.language} name="locale" defaultValue={values.locale} error={errors.locale}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </SelectField>
          <p className="text-xs text-slate-500">{labels.languageHint}</p>
        </div>
        {update.isSuccess && !busy ? <FormAlert tone="success" message={labels.saved} /> : null}
        <div>
          <SubmitButton pending={busy}>{busy ? labels.pleaseWait : labels.save}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
