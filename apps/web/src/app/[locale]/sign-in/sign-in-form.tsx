"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState, useTransition } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { textButtonClass } from "~/components/account/ui";
import { formValue } from "~/components/form-value";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["common"] & Messages["signIn"];

/** Email and password, then (when the account has two-step verification) a code or a recovery code. */
export function SignInForm({ next, labels }: { next: string; labels: Labels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);

  function signedIn() {
    // Nothing cached for the previous visitor may leak into the new session.
    queryClient.clear();
    startTransition(() => {
      router.replace(next);
      router.refresh();
    });
  }

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result) => {
        if (result.status === "two_factor_required") setChallenge(result.challenge);
        else signedIn();
      },
    }),
  );
  const secondFactor = useMutation(trpc.auth.totp.verifyLogin.mutationOptions({ onSuccess: signedIn }));

  function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    login.mutate({ email: formValue(data, "email").trim(), password: formValue(data, "password") });
  }

  function onSecondFactor(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!challenge) return;
    const data = new FormData(event.currentTarget);
    secondFactor.mutate(
      useRecovery
        ? { challenge, recoveryCode: formValue(data, "recoveryCode").trim().toLowerCase() }
        : { challenge, code: formValue(data, "code").replace(/\s+/g, "") },
    );
  }

  function startOver() {
    setChallenge(null);
    setUseRecovery(false);
    login.reset();
    secondFactor.reset();
  }

  if (challenge) {
    const errors = fieldErrorsOf(secondFactor.error);
    const busy = secondFactor.isPending || navigating || secondFactor.isSuccess;
    return (
      <form onSubmit={onSecondFactor} noValidate className="space-y-4" aria-labelledby="second-factor-heading">
        <div>
          <h2 id="second-factor-heading" className="text-lg font-semibold">
            {labels.twoFactorTitle}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{useRecovery ? labels.recoveryIntro : labels.codeIntro}</p>
        </div>
        <FormAlert message={formErrorOf(secondFactor.error)} />
        {useRecovery ? (
          <TextField
            key="recovery"
            label={labels.recoveryCode}
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            hint={labels.recoveryHint}
            error={errors.recoveryCode}
            autoFocus
          />
        ) : (
          <TextField
            key="code"
            label={labels.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            error={errors.code}
            autoFocus
          />
        )}
        <SubmitButton pending={busy} className="w-full">
          {busy ? labels.pleaseWait : labels.verify}
        </SubmitButton>
        <div className="flex flex-wrap justify-between gap-2">
          <button
            type="button"
            className={textButtonClass}
            onClick={() => {
              setUseRecovery((value) => !value);
              secondFactor.reset();
            }}
          >
            {useRecovery ? labels.useCode : labels.useRecovery}
          </button>
          <button type="button" className={textButtonClass} onClick={startOver}>
            {labels.startOver}
          </button>
        </div>
      </form>
    );
  }

  const errors = fieldErrorsOf(login.error);
  const busy = login.isPending || navigating || login.data?.status === "signed_in";
  return (
    <form onSubmit={onPassword} noValidate className="space-y-4">
      <FormAlert message={formErrorOf(login.error)} />
      <TextField label={labels.email} name="email" type="email" autoComplete="username" required error={errors.email} />
      <TextField label={labels.password} name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pending={busy} className="w-full">
        {busy ? labels.pleaseWait : labels.submit}
      </SubmitButton>
    </form>
  );
}
