import { buttonClass } from "@ultramarket/ui";

/** Previous / Next for lists paged on the client (a report's ranks, the synonym groups); hidden when all fits one page. */
export function PageButtons({
  label,
  onPrevious,
  onNext,
  busy,
}: {
  label: string;
  /** Null when there is no such page. */
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  busy: boolean;
}) {
  if (!onPrevious && !onNext) return null;
  return (
    <nav aria-label={label} className="flex gap-2">
      <button type="button" className={buttonClass("secondary")} disabled={!onPrevious} onClick={() => onPrevious?.()}>
        Previous
      </button>
      <button type="button" className={buttonClass("secondary")} disabled={!onNext || busy} onClick={() => onNext?.()}>
        Next
      </button>
    </nav>
  );
}
