"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useId, useState } from "react";

import { FormAlert, SubmitButton, TextField, fieldErrorsOf, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { CopyButton } from "~/components/copy-button";
import type { ApiKeyScope } from "./scopes";
import { API_KEY_SCOPES, isScope, SCOPE_DESCRIPTIONS } from "./scopes";

export function CreateApiKeyForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const scopesId = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (result) => {
        setCreated({ name: result.name, key: result.key });
        setName("");
        setScopes([]);
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    create.mutate({ name, scopes });
  }

  function toggle(scope: string, checked: boolean) {
    if (!isScope(scope)) return;
    setScopes((current) => (checked ? [...current.filter((s) => s !== scope), scope] : current.filter((s) => s !== scope)));
  }

  const fieldErrors = fieldErrorsOf(create.error);
  const scopeError = fieldErrors.scopes ?? Object.entries(fieldErrors).find(([key]) => key.startsWith("scopes."))?.[1];
  return (
    <div className="space-y-4">
      {created ? (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" role="status">
          <p className="text-sm font-medium text-amber-900">Key “{created.name}” created. Copy it now: it will not be shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="flex-1 rounded-lg bg-white px-3 py-2 font-mono text-sm break-all select-all" data-testid="api-key-value">
              {created.key}
            </code>
            <CopyButton text={created.key} label="Copy key" />
          </div>
          <button type="button" className="text-sm text-amber-900 underline" onClick={() => setCreated(null)}>
            I have stored it; hide the key
          </button>
        </div>
      ) : null}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormAlert message={formErrorOf(create.error)} />
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. reporting-service"
          hint="Name the key after the service that uses it."
          maxLength={80}
          error={fieldErrors.name}
          className="max-w-md"
        />
        <fieldset
          aria-describedby={scopeError?.length ? `${scopesId}-error` : undefined}
          aria-invalid={scopeError?.length ? true : undefined}
        >
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 rounded-lg border border-slate-200 p-3 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
                />
                <span>
                  <span className="block font-mono text-xs font-medium text-slate-900">{scope}</span>
                  <span className="block text-xs text-slate-500">{SCOPE_DESCRIPTIONS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          {scopeError?.length ? (
            <p id={`${scopesId}-error`} role="alert" className="mt-1 text-xs text-red-600">
              {scopeError[0]}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton pending={create.isPending}>{create.isPending ? "Creating…" : "Create key"}</SubmitButton>
      </form>
    </div>
  );
}
