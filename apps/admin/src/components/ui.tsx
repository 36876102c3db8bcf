import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClass, cn } from "@ultramarket/ui";

export function PageHeader({
  title,
  description,
  back,
  actions,
}: {
  title: string;
  description?: ReactNode;
  back?: { href: string; label: string };
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-2">
      {back ? (
        <Link href={back.href} className="text-sm text-indigo-700 hover:underline">
          ← {back.label}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
        </div>
        {actions}
      </div>
    </div>
  );
}

export function Card({
  title,
  children,
  className,
  headingLevel = 2,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={cn("rounded-xl border border-slate-200 bg-white p-5", className)}>
      {title ? <Heading className="mb-4 text-base font-semibold text-slate-900">{title}</Heading> : null}
      {children}
    </section>
  );
}

type Tone = "slate" | "indigo" | "green" | "amber" | "red";
const TONES: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-700",
  indigo: "bg-indigo-50 text-indigo-700",
  green: "bg-emerald-50 text-emerald-700",
  amber: "bg-amber-50 text-amber-800",
  red: "bg-red-50 text-red-700",
};

export function Badge({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", TONES[tone])}>{children}</span>;
}

export const tableClass = "w-full text-left text-sm";

/** A table in a rounded card that scrolls sideways on narrow screens. */
export function TableCard({ children, caption, testId }: { children: ReactNode; caption: string; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className={tableClass} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={cn("whitespace-nowrap bg-slate-50 px-4 py-2 font-medium text-slate-500", className)}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={cn("border-t border-slate-100 px-4 py-2 align-top", className)}>{children}</td>;
}

/** Label/value pairs. */
export function Details({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-sm text-slate-500">{item.label}</dt>
          <dd className="text-sm break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Pager({ next, first }: { next: string | null; first: string | null }) {
  if (!next && !first) return null;
  return (
    <nav aria-label="Pagination" className="flex gap-3">
      {first ? (
        <Link href={first} className={buttonClass("secondary")}>
          First page
        </Link>
      ) : null}
      {next ? (
        <Link href={next} className={buttonClass("secondary")}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export function dangerButtonClass(): string {
  return "inline-flex items-center justify-center rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white transition hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50";
}
