import type { ReactNode } from "react";

import { cn } from "@ultramarket/ui";

/** The narrow card the sign-in, sign-up and password pages sit in. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-4 space-y-1 text-center text-sm text-slate-600">{footer}</div> : null}
    </div>
  );
}

/** One titled block of an account page. */
export function Section({
  title,
  description,
  actions,
  children,
  tone = "default",
  id,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  tone?: "default" | "danger";
  id?: string;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      className={cn("rounded-xl border bg-white p-5 sm:p-6", tone === "danger" ? "border-red-200" : "border-slate-200")}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className={cn("text-lg font-semibold", tone === "danger" && "text-red-700")}>
            {title}
          </h2>
          {description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** A success or neutral confirmation panel that replaces a form once it has done its job. */
export function Notice({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800">
      {title ? <p className="mb-1 font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

export function Badge({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "indigo" | "emerald" | "amber" | "red" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    indigo: "bg-indigo-50 text-indigo-700",
    emerald: "bg-emerald-50 text-emerald-700",
    amber: "bg-amber-50 text-amber-800",
    red: "bg-red-50 text-red-700",
  } as const;
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", tones[tone])}>{children}</span>;
}

export const linkClass = "font-medium text-indigo-700 hover:text-indigo-800 hover:underline";

/** Buttons that delete or end something. */
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white transition hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50";

/** Small text buttons inside lists. */
export const textButtonClass =
  "rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50";
