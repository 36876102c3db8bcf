"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { FormAlert, SubmitButton, TextField, fieldErrorsOf, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { CopyButton } from "~/components/copy-button";
import { SignOutButton } from "~/components/sign-out-button";

type Enrolment = { secret: string; uri: string; qrSvg: string };

export function TwoFactorSetup({
  state,
  required,
  email,
}: {
  state: "off" | "enabled" | "enabled-unverified";
  required: boolean;
  email: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [leaving, setLeaving] = useState(false);

  const enroll = useMutation(trpc.auth.totp.enroll.mutationOptions({ onSuccess: (result) => setEnrolment(result) }));
  const confirm = useMutation(trpc.auth.totp.confirm.mutationOptions({ onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) }));

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: code.replace(/\s/g, "") });
  }

  function continueToDashboard() {
    setLeaving(true);
    router.push("/");
    router.refresh();
  }

  // Step 4: done. The recovery codes exist only in this component's state: shown once.
  if (recoveryCodes) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-bold">Save your recovery codes</h1>
        <FormAlert tone="success" message="Two-factor authentication is on." />
        <p className="text-sm text-slate-600">
          If you lose your phone, each of these codes signs you in once. Store them somewhere safe (a password manager):{" "}
          <strong>they will not be shown again.</strong>
        </p>
        <ol className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm" data-testid="recovery-codes">
          {recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode}>{recoveryCode}</li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-3">
          <CopyButton text={recoveryCodes.join("\n")} label="Copy codes" />
          <button
            type="button"
            onClick={continueToDashboard}
            disabled={leaving}
            aria-busy={leaving || undefined}
            className={buttonClass("primary")}
          >
            {leaving ? "Opening…" : "Continue to dashboard"}
          </button>
        </div>
      </div>
    );
  }

  if (state === "enabled") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-bold">Two-factor authentication</h1>
        <FormAlert tone="success" message="Two-factor authentication is on for this account." />
        <Link href="/" className={buttonClass("primary")}>
          Go to the dashboard
        </Link>
      </div>
    );
  }

  if (state === "enabled-unverified") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-bold">Two-factor authentication</h1>
        <p className="text-sm text-slate-600">
          Two-factor authentication is already on for {email}, but this session did not pass it. Sign out and sign in again with a code from
          your authenticator app.
        </p>
        <SignOutButton />
      </div>
    );
  }

  // Step 1: explain and start.
  if (!enrolment) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-bold">Set up two-factor authentication</h1>
        <p className="text-sm text-slate-600">
          {required
            ? "Staff accounts must use an authenticator app (such as Google Authenticator, 1Password or Aegis) before they can open the console."
            : "Protect your account with a code from an authenticator app (such as Google Authenticator, 1Password or Aegis)."}
        </p>
        <FormAlert message={formErrorOf(enroll.error)} />
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => enroll.mutate()}
            disabled={enroll.isPending}
            aria-busy={enroll.isPending || undefined}
            className={buttonClass("primary")}
          >
            {enroll.isPending ? "Preparing…" : "Set up authenticator app"}
          </button>
          {required ? (
            <SignOutButton />
          ) : (
            <Link href="/" className={buttonClass("secondary")}>
              Not now
            </Link>
          )}
        </div>
      </div>
    );
  }

  // Steps 2–3: scan (or type the secret), then confirm with a first code.
  const fieldErrors = fieldErrorsOf(confirm.error);
  return (
    <form onSubmit={submitCode} className="space-y-4" noValidate>
      <h1 className="text-xl font-bold">Scan the QR code</h1>
      <p className="text-sm text-slate-600">Scan this code with your authenticator app, then enter the 6-digit code it shows.</p>
      <div
        role="img"
        aria-label="QR code for your authenticator app"
        className="mx-auto h-48 w-48 overflow-hidden rounded-lg border border-slate-200 bg-white p-2 [&>svg]:h-full [&>svg]:w-full"
        // The SVG is generated by the API (qrcode library) from our own secret; it carries no user input.
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">Can&apos;t scan? Enter this key instead</p>
        <div className="flex items-center gap-2">
          <code className="flex-1 rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm break-all select-all" data-testid="totp-secret">
            {enrolment.secret}
          </code>
          <CopyButton text={enrolment.secret} label="Copy key" />
        </div>
      </div>
      <FormAlert message={formErrorOf(confirm.error)} />
      <TextField
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldErrors.code}
        data-testid="totp-code"
      />
      <SubmitButton pending={confirm.isPending} className="w-full">
        {confirm.isPending ? "Checking…" : "Turn on two-factor authentication"}
      </SubmitButton>
    </form>
  );
}
