import { fill } from "~/components/form-value";
import { PendingLink } from "~/components/pending-navigation";
import type { Messages } from "~/i18n/messages";
import { pageNumbers } from "./query";

const linkClass = "inline-flex min-w-9 items-center justify-center rounded-lg border px-3 py-1.5";

/** Numbered pages of the results; each page is its own URL (`page=N`), so it can be shared and crawled. */
export function Pagination({
  current,
  last,
  hrefFor,
  t,
}: {
  current: number;
  last: number;
  hrefFor: (page: number) => string;
  t: Messages;
}) {
  if (last <= 1) return null;
  return (
    <nav aria-label={t.search.pages} className="mt-8 flex justify-center" data-testid="search-pagination">
      <ul className="flex flex-wrap items-center gap-1.5 text-sm">
        {current > 1 ? (
          <li>
            <PendingLink
              href={hrefFor(current - 1)}
              rel="prev"
              className={`${linkClass} border-slate-300 bg-white text-slate-700 hover:border-indigo-400`}
            >
              <span aria-hidden="true">←&nbsp;</span>
              {t.search.previous}
            </PendingLink>
          </li>
        ) : null}
        {pageNumbers(current, last).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={n}>
              <PendingLink
                href={hrefFor(n)}
                aria-label={fill(t.search.pageN, { n })}
                aria-current={n === current ? "page" : undefined}
                className={`${linkClass} ${n === current ? "border-indigo-600 bg-indigo-600 font-semibold text-white" : "border-slate-300 bg-white text-slate-700 hover:border-indigo-400"}`}
              >
                {n}
              </PendingLink>
            </li>
          ),
        )}
        {current < last ? (
          <li>
            <PendingLink
              href={hrefFor(current + 1)}
              rel="next"
              className={`${linkClass} border-slate-300 bg-white text-slate-700 hover:border-indigo-400`}
            >
              {t.search.next}
              <span aria-hidden="true">&nbsp;→</span>
            </PendingLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
