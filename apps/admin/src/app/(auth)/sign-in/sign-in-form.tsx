"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { FormAlert, SubmitButton, TextField, fieldErrorsOf, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC, useTRPCClient } from "@ultramarket/ui/trpc";
import { isStaff } from "~/lib/roles";

type Step = { kind: "credentials" } | { kind: "second-factor"; challenge: string };

export function SignInForm() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "credentials" });
  const [email, setEmail] = useState("");
  const [finishing, setFinishing] = useState(false);

  /** Signed in: staff without a verified second factor enrol first; everyone else goes to the dashboard. */
  async function finish() {
    setFinishing(true);
    queryClient.clear();
    const me = await client.auth.me.query().catch(() => null);
    const destination = me && isStaff(me.role) && !me.twoFactorVerified ? "/security/two-factor" : "/";
    router.push(destination);
    router.refresh();
  }

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === "two_factor_required") setStep({ kind: "second-factor", challenge: result.challenge });
        else await finish();
      },
    }),
  );

  function submitCredentials(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    login.mutate({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
  }

  if (step.kind === "second-factor") {
    return (
      <SecondFactorForm
        challenge={step.challenge}
        email={email}
        finishing={finishing}
        onSignedIn={finish}
        onRestart={() => {
          login.reset();
          setStep({ kind: "credentials" });
        }}
      />
    );
  }

  const fieldErrors = fieldErrorsOf(login.error);
  const pending = login.isPending || finishing;
  return (
    <form onSubmit={submitCredentials} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-bold">Sign in</h1>
        <p className="mt-1 text-sm text-slate-500">For sellers and UltraMarket staff.</p>
      </div>
      <FormAlert message={formErrorOf(login.error)} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldErrors.email}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <SubmitButton pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </SubmitButton>
    </form>
  );
}

function SecondFactorForm({
  challenge,
  email,
  finishing,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  email: string;
  finishing: boolean;
  onSignedIn: () => Promise<void>;
  onRestart: () => void;
}) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<"code" | "recovery">("code");
  const [code, setCode] = useState("");
  const [recoveryCode, setRecoveryCode] = useState("");
  const verify = useMutation(trpc.auth.totp.verifyLogin.mutationOptions({ onSuccess: () => onSignedIn() }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mode === "code") verify.mutate({ challenge, code: code.replace(/\s/g, "") });
    else verify.mutate({ challenge, recoveryCode: recoveryCode.trim().toLowerCase() });
  }

  function switchMode(next: "code" | "recovery") {
    verify.reset();
    setMode(next);
  }

  const fieldErrors = fieldErrorsOf(verify.error);
  // The challenge lives ten minutes; once it is gone only a fresh sign-in helps.
  const expired = verify.error?.data?.code === "UNAUTHORIZED";
  const pending = verify.isPending || finishing;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-bold">Two-factor authentication</h1>
        <p className="mt-1 text-sm text-slate-500">
          {mode === "code"
            ? `Enter the 6-digit code from your authenticator app${email ? ` for ${email}` : ""}.`
            : "Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once."}
        </p>
      </div>
      <FormAlert message={formErrorOf(verify.error)} />
      {mode === "code" ? (
        <TextField
          key="code"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldErrors.code}
          data-testid="totp-code"
        />
      ) : (
        <TextField
          key="recovery"
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="abcd-efgh-jkmn"
          required
          autoFocus
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.target.value)}
          error={fieldErrors.recoveryCode}
        />
      )}
      {expired ? (
        <button
          type="button"
          onClick={onRestart}
          className="w-full rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Start again
        </button>
      ) : (
        <SubmitButton pending={pending} className="w-full">
          {pending ? "Verifying…" : "Verify and sign in"}
        </SubmitButton>
      )}
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button type="button" className="text-indigo-700 hover:underline" onClick={() => switchMode(mode === "code" ? "recovery" : "code")}>
          {mode === "code" ? "Use a recovery code instead" : "Use an authenticator code instead"}
        </button>
        <button type="button" className="text-slate-500 hover:underline" onClick={onRestart}>
          Back
        </button>
      </div>
    </form>
  );
}
