"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { linkClass, Notice } from "~/components/account/ui";
import { formValue } from "~/components/form-value";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["common"] & Messages["resetPassword"] & { signIn: string };

export function ResetPasswordForm({
  token,
  signInHref,
  forgotHref,
  labels,
}: {
  token: string;
  signInHref: string;
  forgotHref: string;
  labels: Labels;
}) {
  const trpc = useTRPC();
  // The code field appears once the API says the account has two-step verification.
  const [askCode, setAskCode] = useState(false);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onError: (error) => {
        if (fieldErrorsOf(error).code) setAskCode(true);
      },
    }),
  );
  const errors = fieldErrorsOf(reset.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const code = formValue(data, "code").replace(/\s+/g, "");
    reset.mutate({ token, newPassword: formValue(data, "newPassword"), code: askCode && code ? code : undefined });
  }

  const invalidLink = (
    <div className="space-y-4">
      <FormAlert message={labels.invalidLink} />
      <Link href={forgotHref} className={`${buttonClass("secondary")} w-full`}>
        {labels.requestNew}
      </Link>
    </div>
  );
  if (!token) return invalidLink;

  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <Notice>{labels.done}</Notice>
        <Link href={signInHref} className={`${buttonClass("primary")} w-full`}>
          {labels.signIn}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={formErrorOf(reset.error)} />
      {errors.token ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {labels.invalidLink}{" "}
          <Link href={forgotHref} className={linkClass}>
            {labels.requestNew}
          </Link>
        </p>
      ) : null}
      <TextField
        label={labels.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={labels.newPasswordHint}
        error={errors.newPassword}
      />
      {askCode ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{labels.codeIntro}</p>
          <TextField
            label={labels.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            error={errors.code}
            autoFocus
          />
        </div>
      ) : null}
      <SubmitButton pending={reset.isPending} className="w-full">
        {reset.isPending ? labels.pleaseWait : labels.submit}
      </SubmitButton>
    </form>
  );
}
