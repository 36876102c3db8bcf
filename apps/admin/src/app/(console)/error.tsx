"use client";

import { buttonClass } from "@ultramarket/ui";

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="space-y-4 rounded-xl border border-red-200 bg-white p-6" role="alert">
      <h1 className="text-xl font-bold">Something went wrong</h1>
      <p className="text-sm text-slate-600">
        This page could not be loaded. Try again; if it keeps failing, check the server logs{digest ? ` (reference ${digest})` : ""}.
      </p>
      <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
        Try again
      </button>
    </div>
  );
}
