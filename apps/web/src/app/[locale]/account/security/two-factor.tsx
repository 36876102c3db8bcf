"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Section } from "~/components/account/ui";
import { fill, formValue } from "~/components/form-value";
import type { Messages } from "~/i18n/messages";

type Status = RouterOutputs["auth"]["totp"]["status"];
type Labels = Messages["twoFactor"] & { common: Messages["common"] };

const codeOf = (event: FormEvent<HTMLFormElement>) => formValue(new FormData(event.currentTarget), "code").replace(/\s+/g, "");

/** A 6-digit authenticator code field with its own submit button. */
function CodeForm({
  title,
  hint,
  submit,
  pending,
  error,
  onCode,
  labels,
  danger,
  children,
}: {
  title: string;
  hint?: string;
  submit: string;
  pending: boolean;
  error: unknown;
  onCode: (code: string) => void;
  labels: Labels;
  danger?: boolean;
  children?: ReactNode;
}) {
  const errors = fieldErrorsOf(error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onCode(codeOf(event));
      }}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 p-4"
    >
      <div>
        <h3 className={danger ? "font-semibold text-red-700" : "font-semibold"}>{title}</h3>
        {hint ? <p className="mt-1 text-sm text-slate-600">{hint}</p> : null}
      </div>
      {children}
      <FormAlert message={formErrorOf(error)} />
      <TextField
        label={labels.common.code}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        hint={labels.common.codeHint}
        error={errors.code}
        className="max-w-xs"
      />
      <SubmitButton pending={pending} variant={danger ? "secondary" : "primary"}>
        {pending ? labels.common.pleaseWait : submit}
      </SubmitButton>
    </form>
  );
}

/** Two-step verification: enrolment (QR → code → recovery codes), new recovery codes, turning it off. */
export function TwoFactor({ initialStatus, labels }: { initialStatus: Status; labels: Labels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: status } = useQuery(trpc.auth.totp.status.queryOptions(undefined, { initialData: initialStatus }));
  // Recovery codes exist only in this state: shown once, gone when dismissed or the page is left.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refreshStatus = () => queryClient.invalidateQueries(trpc.auth.totp.status.queryFilter());

  const enroll = useMutation(trpc.auth.totp.enroll.mutationOptions({ onMutate: () => setNotice(null) }));
  const confirm = useMutation(
    trpc.auth.totp.confirm.mutationOptions({
      onSuccess: async (result) => {
        setRecoveryCodes(result.recoveryCodes);
        setNotice(labels.enabled);
        enroll.reset();
        // Confirming replaces this device's session with one that passed the second factor.
        await Promise.all([refreshStatus(), queryClient.invalidateQueries(trpc.users.sessions.queryFilter())]);
      },
    }),
  );
  const regenerate = useMutation(
    trpc.auth.totp.regenerateRecoveryCodes.mutationOptions({
      onSuccess: async (result) => {
        setRecoveryCodes(result.recoveryCodes);
        await refreshStatus();
      },
    }),
  );
  const disable = useMutation(
    trpc.auth.totp.disable.mutationOptions({
      onSuccess: async () => {
        setRecoveryCodes(null);
        setNotice(labels.disabled);
        await refreshStatus();
      },
    }),
  );

  let body: ReactNode;
  if (recoveryCodes) {
    body = (
      <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
        <h3 className="font-semibold text-amber-900">{labels.recoveryTitle}</h3>
        <p className="text-sm text-amber-900">{labels.recoveryNote}</p>
        <ul
          data-testid="recovery-codes"
          className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg bg-white p-4 font-mono text-sm tabular-nums text-slate-900 sm:grid-cols-5"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <button type="button" className={buttonClass("primary")} onClick={() => setRecoveryCodes(null)}>
          {labels.savedThem}
        </button>
      </div>
    );
  } else if (!status.enabled && enroll.data) {
    const enrolment = enroll.data;
    body = (
      <CodeForm
        title={labels.enable}
        submit={labels.confirm}
        pending={confirm.isPending}
        error={confirm.error}
        onCode={(code) => confirm.mutate({ code })}
        labels={labels}
      >
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div
            role="img"
            aria-label={labels.qrLabel}
            className="h-48 w-48 shrink-0 overflow-hidden rounded-lg border border-slate-200 bg-white p-2 [&_svg]:block [&_svg]:h-full [&_svg]:w-full"
            // The SVG is generated by the API's `qrcode` library from our own otpauth URI.
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <div className="min-w-0 space-y-2 text-sm text-slate-700">
            <p>{labels.scan}</p>
            <p>{labels.manual}</p>
            <code
              data-testid="totp-secret"
              className="block select-all break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider text-slate-900"
            >
              {enrolment.secret}
            </code>
          </div>
        </div>
      </CodeForm>
    );
  } else if (!status.enabled) {
    body = (
      <div className="space-y-3">
        <FormAlert message={formErrorOf(enroll.error)} />
        <button
          type="button"
          className={buttonClass("primary")}
          onClick={() => enroll.mutate()}
          disabled={enroll.isPending}
          aria-busy={enroll.isPending || undefined}
        >
          {enroll.isPending ? labels.common.pleaseWait : labels.enable}
        </button>
      </div>
    );
  } else {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="recovery-codes-left">
          {fill(labels.codesLeft, { n: status.recoveryCodesLeft })}
        </p>
        <div className="grid gap-4 lg:grid-cols-2">
          <CodeForm
            title={labels.regenerateTitle}
            hint={labels.regenerateHint}
            submit={labels.regenerate}
            pending={regenerate.isPending}
            error={regenerate.error}
            onCode={(code) => regenerate.mutate({ code })}
            labels={labels}
          />
          {status.required ? null : (
            <CodeForm
              title={labels.disableTitle}
              submit={labels.disable}
              pending={disable.isPending}
              error={disable.error}
              onCode={(code) => disable.mutate({ code })}
              labels={labels}
              danger
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <Section
      id="two-factor"
      title={labels.title}
      description={status.required ? `${labels.intro} ${labels.required}` : labels.intro}
      actions={status.enabled ? <Badge tone="emerald">{labels.on}</Badge> : <Badge>{labels.off}</Badge>}
    >
      <div className="space-y-3">
        <FormAlert tone="success" message={notice} />
        {body}
      </div>
    </Section>
  );
}
