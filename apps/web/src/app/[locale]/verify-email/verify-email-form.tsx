"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";

import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Notice } from "~/components/account/ui";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["verifyEmail"] & { invalidLink: string; pleaseWait: string; signIn: string };

export function VerifyEmailForm({ token, signInHref, labels }: { token: string; signInHref: string; labels: Labels }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());

  if (!token) return <FormAlert message={labels.invalidLink} />;

  if (verify.isSuccess) {
    return (
      <div className="space-y-4">
        <Notice testId="email-verified">{labels.done}</Notice>
        <Link href={signInHref} className={`${buttonClass("primary")} w-full`}>
          {labels.signIn}
        </Link>
      </div>
    );
  }

  // A bad or expired token comes back as a field error on `token`.
  const tokenError = fieldErrorsOf(verify.error).token?.[0];
  return (
    <div className="space-y-4">
      <FormAlert message={tokenError ? labels.invalidLink : formErrorOf(verify.error)} />
      <button
        type="button"
        onClick={() => verify.mutate({ token })}
        disabled={verify.isPending}
        aria-busy={verify.isPending || undefined}
        className={`${buttonClass("primary")} w-full`}
      >
        {verify.isPending ? labels.pleaseWait : labels.confirm}
      </button>
    </div>
  );
}
