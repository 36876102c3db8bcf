"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Notice } from "~/components/account/ui";
import { fill, formValue } from "~/components/form-value";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["common"] & Messages["forgotPassword"];

export function ForgotPasswordForm({ locale, labels }: { locale: Locale; labels: Labels }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = fieldErrorsOf(request.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    request.mutate({ email: formValue(data, "email").trim(), locale });
  }

  // The same answer whether or not the address has an account.
  if (request.isSuccess) return <Notice>{fill(labels.done, { email: request.variables.email })}</Notice>;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={formErrorOf(request.error)} />
      <TextField label={labels.email} name="email" type="email" autoComplete="email" required error={errors.email} />
      <SubmitButton pending={request.isPending} className="w-full">
        {request.isPending ? labels.pleaseWait : labels.submit}
      </SubmitButton>
    </form>
  );
}
