"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Section } from "~/components/account/ui";
import { formValue } from "~/components/form-value";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["changePassword"] & { common: Messages["common"] };

export function ChangePasswordForm({ labels }: { labels: Labels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      // Other devices were signed out.
      onSuccess: () => queryClient.invalidateQueries(trpc.users.sessions.queryFilter()),
    }),
  );
  const errors = fieldErrorsOf(change.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { currentPassword: formValue(data, "currentPassword"), newPassword: formValue(data, "newPassword") },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Section id="change-password" title={labels.title}>
      <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
        <FormAlert message={formErrorOf(change.error)} />
        <TextField
          label={labels.current}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label={labels.new}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={labels.common.newPasswordHint}
          error={errors.newPassword}
        />
        {change.isSuccess ? <FormAlert tone="success" message={labels.done} /> : null}
        <div>
          <SubmitButton pending={change.isPending}>{change.isPending ? labels.common.pleaseWait : labels.submit}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
