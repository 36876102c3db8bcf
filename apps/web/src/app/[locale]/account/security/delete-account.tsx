"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState, useTransition } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { dangerButtonClass, Section } from "~/components/account/ui";
import { formValue } from "~/components/form-value";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["deleteAccount"] & { common: Messages["common"] };

export function DeleteAccount({ locale, labels }: { locale: Locale; labels: Labels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [leaving, startTransition] = useTransition();
  const remove = useMutation(
    trpc.users.deleteAccount.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        startTransition(() => {
          router.replace(`/${locale}`);
          router.refresh();
        });
      },
    }),
  );
  const [mistyped, setMistyped] = useState(false);
  const errors = fieldErrorsOf(remove.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const confirm = formValue(data, "confirm").trim();
    setMistyped(confirm !== "DELETE");
    if (confirm === "DELETE") remove.mutate({ password: formValue(data, "password"), confirm });
    else remove.reset();
  }

  const busy = remove.isPending || leaving || remove.isSuccess;
  return (
    <Section id="delete-account" title={labels.title} description={labels.intro} tone="danger">
      <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
        <FormAlert message={formErrorOf(remove.error)} />
        <TextField
          label={labels.common.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <TextField
          label={labels.confirm}
          name="confirm"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={mistyped ? [labels.confirm] : errors.confirm}
        />
        <div>
          <button type="submit" className={dangerButtonClass} disabled={busy} aria-busy={busy || undefined}>
            {busy ? labels.common.pleaseWait : labels.submit}
          </button>
        </div>
      </form>
    </Section>
  );
}
