"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ChangeEvent, FormEvent, ReactNode } from "react";
import { useId, useState, useTransition } from "react";

import { fieldErrorsOf, FormAlert, formErrorOf, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { textButtonClass } from "~/components/account/ui";
import { fill, formValue } from "~/components/form-value";
import type { Messages } from "~/i18n/messages";

type Labels = Messages["sell"] & { common: Messages["common"] };

export interface ApplicationFields {
  storeName: string;
  legalName: string;
  stir: string;
  bankName: string;
  bankAccount: string;
  bankMfo: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

interface UploadedDocument {
  documentId: string;
  fileName: string;
  contentType: string;
  size: number;
}

const MAX_DOCUMENTS = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

function isUploadedDocument(body: unknown): body is UploadedDocument {
  if (typeof body !== "object" || body === null) return false;
  const candidate = body as Partial<Record<keyof UploadedDocument, unknown>>;
  return typeof candidate.documentId === "string" && typeof candidate.fileName === "string" && typeof candidate.size === "number";
}

/** The message of the upload endpoint's `{ error: { message, fieldErrors } }` answer, if any. */
function uploadErrorOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error?: { message?: unknown; fieldErrors?: Record<string, string[]> | null } | null }).error;
  const field = error?.fieldErrors?.file?.[0];
  if (field) return field;
  return typeof error?.message === "string" ? error.message : null;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const digitsOnly = (value: string) => value.replace(/[\s-]+/g, "");

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="mb-1 text-base font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function VendorApplicationForm({ initial, labels }: { initial: ApplicationFields; labels: Labels }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const fileInputId = useId();
  const [documents, setDocuments] = useState<UploadedDocument[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const submit = useMutation(
    trpc.vendors.submitApplication.mutationOptions({
      // The page re-renders with the application's new status.
      onSuccess: () => startTransition(() => router.refresh()),
    }),
  );
  const errors = fieldErrorsOf(submit.error);
  const documentErrors = Object.entries(errors)
    .filter(([key]) => key === "documentIds" || key.startsWith("documentIds."))
    .flatMap(([, messages]) => messages);

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = "";
    const problems: string[] = [];
    let count = documents.length;
    for (const file of files) {
      if (count >= MAX_DOCUMENTS) {
        problems.push(labels.tooMany);
        break;
      }
      if (file.size > MAX_BYTES) {
        problems.push(`${file.name}: ${labels.tooLarge}`);
        continue;
      }
      setUploading(file.name);
      try {
        const body = new FormData();
        body.append("file", file);
        const response = await fetch("/api/uploads/kyc", { method: "POST", body });
        const answer: unknown = await response.json().catch(() => null);
        if (response.ok && isUploadedDocument(answer)) {
          const uploaded = answer;
          setDocuments((previous) => [...previous, uploaded]);
          count++;
        } else {
          problems.push(`${file.name}: ${uploadErrorOf(answer) ?? labels.uploadFailed}`);
        }
      } catch {
        problems.push(`${file.name}: ${labels.uploadFailed}`);
      }
    }
    setUploading(null);
    setUploadErrors(problems);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    submit.mutate({
      storeName: formValue(data, "storeName"),
      legalName: formValue(data, "legalName"),
      stir: digitsOnly(formValue(data, "stir")),
      bankName: formValue(data, "bankName"),
      bankAccount: digitsOnly(formValue(data, "bankAccount")),
      bankMfo: digitsOnly(formValue(data, "bankMfo")),
      contactName: formValue(data, "contactName"),
      contactPhone: formValue(data, "contactPhone"),
      contactEmail: formValue(data, "contactEmail").trim(),
      documentIds: documents.map((d) => d.documentId),
    });
  }

  const busy = submit.isPending || refreshing || submit.isSuccess;
  const { common } = labels;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <FormAlert message={formErrorOf(submit.error)} />

      <Fieldset legend={labels.store}>
        <TextField
          label={labels.storeName}
          name="storeName"
          autoComplete="off"
          defaultValue={initial.storeName}
          required
          error={errors.storeName}
        />
      </Fieldset>

      <Fieldset legend={labels.legal}>
        <TextField
          label={labels.legalName}
          name="legalName"
          autoComplete="organization"
          defaultValue={initial.legalName}
          required
          hint={labels.legalNameHint}
          error={errors.legalName}
        />
        <TextField
          label={labels.stir}
          name="stir"
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          defaultValue={initial.stir}
          required
          hint={labels.stirHint}
          error={errors.stir}
        />
      </Fieldset>

      <Fieldset legend={labels.bank}>
        <TextField
          label={labels.bankName}
          name="bankName"
          autoComplete="off"
          defaultValue={initial.bankName}
          required
          error={errors.bankName}
        />
        <TextField
          label={labels.bankMfo}
          name="bankMfo"
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          defaultValue={initial.bankMfo}
          required
          hint={labels.bankMfoHint}
          error={errors.bankMfo}
        />
        <TextField
          label={labels.bankAccount}
          name="bankAccount"
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          defaultValue={initial.bankAccount}
          required
          hint={labels.bankAccountHint}
          error={errors.bankAccount}
          className="sm:col-span-2"
        />
      </Fieldset>

      <Fieldset legend={labels.contact}>
        <TextField
          label={labels.contactName}
          name="contactName"
          autoComplete="name"
          defaultValue={initial.contactName}
          required
          error={errors.contactName}
        />
        <TextField
          label={labels.contactPhone}
          name="contactPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          defaultValue={initial.contactPhone}
          required
          hint={common.phoneHint}
          error={errors.contactPhone}
        />
        <TextField
          label={labels.contactEmail}
          name="contactEmail"
          type="email"
          autoComplete="email"
          defaultValue={initial.contactEmail}
          required
          error={errors.contactEmail}
        />
      </Fieldset>

      <fieldset className="space-y-3" aria-describedby={`${fileInputId}-hint`}>
        <legend className="mb-1 text-base font-semibold text-slate-900">{labels.documents}</legend>
        <p id={`${fileInputId}-hint`} className="text-sm text-slate-600">
          {labels.documentsHint}
        </p>
        {documents.length > 0 ? (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="uploaded-documents">
            {documents.map((document) => (
              <li key={document.documentId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 truncate">
                  <span className="font-medium text-slate-900">{document.fileName}</span>{" "}
                  <span className="text-slate-500">({formatSize(document.size)})</span>
                </span>
                <button
                  type="button"
                  className={`${textButtonClass} text-red-700 hover:bg-red-50`}
                  aria-label={`${labels.remove}: ${document.fileName}`}
                  onClick={() => setDocuments((previous) => previous.filter((d) => d.documentId !== document.documentId))}
                >
                  {labels.remove}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm italic text-slate-500">{labels.noDocuments}</p>
        )}
        {documents.length < MAX_DOCUMENTS ? (
          <div>
            <label
              htmlFor={fileInputId}
              className="inline-flex cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 transition hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50"
            >
              {labels.chooseFiles}
              <input
                id={fileInputId}
                type="file"
                accept={ACCEPT}
                multiple
                onChange={(event) => void onFiles(event)}
                disabled={uploading !== null || busy}
                className="sr-only"
              />
            </label>
          </div>
        ) : null}
        {uploading ? (
          <p role="status" className="text-sm text-slate-600">
            {fill(labels.uploading, { name: uploading })}
          </p>
        ) : null}
        {[...uploadErrors, ...documentErrors].map((message, index) => (
          <p key={`${index}-${message}`} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>

      <SubmitButton pending={busy || uploading !== null}>{busy ? common.pleaseWait : labels.submit}</SubmitButton>
    </form>
  );
}
