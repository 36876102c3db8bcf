export default function Loading() {
  return (
    <div className="space-y-4" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" aria-hidden="true" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-200" aria-hidden="true" />
    </div>
  );
}
