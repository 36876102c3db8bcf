"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Notice } from "~/components/account/ui";
import { fill, formValue } from "~/components/form-value";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["common"] & Messages["signUp"];

export function SignUpForm({ locale, labels }: { locale: Locale; labels: Labels }) {
  const trpc = useTRPC();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const errors = fieldErrorsOf(register.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const phone = formValue(data, "phone").trim();
    register.mutate({
      name: formValue(data, "name"),
      email: formValue(data, "email").trim(),
      phone: phone || undefined,
      password: formValue(data, "password"),
      locale,
    });
  }

  if (register.isSuccess) {
    // The same answer whether or not the address already had an account (no enumeration).
    return (
      <Notice title={labels.doneTitle} testId="signup-done">
        {fill(labels.doneBody, { email: register.variables.email })}
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={formErrorOf(register.error)} />
      <TextField label={labels.name} name="name" autoComplete="name" required error={errors.name} />
      <TextField label={labels.email} name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label={`${labels.phone} (${labels.optional})`}
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint={labels.phoneHint}
        error={errors.phone}
      />
      <TextField
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={labels.newPasswordHint}
        error={errors.password}
      />
      <SubmitButton pending={register.isPending} className="w-full">
        {register.isPending ? labels.pleaseWait : labels.submit}
      </SubmitButton>
    </form>
  );
}
