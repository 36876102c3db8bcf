import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId } from "react";

import { buttonClass } from "./components";
import { cn } from "./cn";

type FieldErrors = Record<string, string[]>;

/** Field messages from a tRPC error (the API's `data.fieldErrors`), keyed by field path. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const data = (error as { data?: { fieldErrors?: FieldErrors | null } } | null)?.data;
  return data?.fieldErrors ?? {};
}

/** The message to show above a form: the API's message unless field messages say it better. */
export function formErrorOf(error: unknown): string | null {
  if (!error) return null;
  const fields = fieldErrorsOf(error);
  const generic = fields._input?.[0];
  if (Object.keys(fields).some((k) => k !== "_input")) return generic ?? null;
  return generic ?? (error as { message?: string }).message ?? "Something went wrong";
}

const controlClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500";

interface FieldProps {
  label: string;
  error?: string[];
  hint?: ReactNode;
  className?: string;
}

/** Label, control, hint and the API's first message for the field, wired for screen readers. */
function Field({
  label,
  error,
  hint,
  className,
  children,
}: FieldProps & { children: (control: { id: string; invalid?: true; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, invalid: error?.length ? true : undefined, describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error?.length ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error[0]}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, className, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <input id={id} aria-invalid={invalid} aria-describedby={describedBy} className={controlClass} {...input} />
      )}
    </Field>
  );
}

export function SelectField({ label, error, hint, className, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <select id={id} aria-invalid={invalid} aria-describedby={describedBy} className={controlClass} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, className, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, invalid, describedBy }) => (
        <textarea id={id} aria-invalid={invalid} aria-describedby={describedBy} className={controlClass} {...textarea} />
      )}
    </Field>
  );
}

export function FormAlert({ message, tone = "error" }: { message: string | null | undefined; tone?: "error" | "success" }) {
  if (!message) return null;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-lg px-3 py-2 text-sm", tone === "error" ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-700")}
    >
      {message}
    </div>
  );
}

export function SubmitButton({
  pending,
  children,
  variant = "primary",
  className,
}: {
  pending?: boolean;
  children: ReactNode;
  variant?: "primary" | "secondary";
  className?: string;
}) {
  return (
    <button type="submit" disabled={pending} aria-busy={pending || undefined} className={cn(buttonClass(variant), className)}>
      {children}
    </button>
  );
}
