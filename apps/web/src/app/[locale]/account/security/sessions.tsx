"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, EmptyState } from "@ultramarket/ui";
import { FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Section, textButtonClass } from "~/components/account/ui";
import { describeUserAgent } from "~/components/account/user-agent";
import { formatDateTime } from "~/components/format-date";
import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages";

type Session = RouterOutputs["users"]["sessions"][number];
type Labels = Messages["sessions"] & { common: Messages["common"] };

/** Where the visitor is signed in: this device first, then the others, most recently active first. */
export function Sessions({ locale, initialSessions, labels }: { locale: Locale; initialSessions: Session[]; labels: Labels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const { data } = useQuery(trpc.users.sessions.queryOptions(undefined, { initialData: initialSessions }));
  const revoke = useMutation(
    trpc.users.revokeSession.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.users.sessions.queryFilter()) }),
  );
  const everywhere = useMutation(
    trpc.auth.logoutEverywhere.mutationOptions({
      // This device is signed out too: the page re-renders and sends the visitor to sign in.
      onSuccess: () => {
        queryClient.clear();
        startTransition(() => router.refresh());
      },
    }),
  );
  const sessions = [...data].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  const others = sessions.filter((s) => !s.current);
  const endingAll = everywhere.isPending || refreshing || everywhere.isSuccess;

  return (
    <Section
      id="sessions"
      title={labels.title}
      description={labels.intro}
      actions={
        <div className="text-right">
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => everywhere.mutate()}
            disabled={endingAll}
            aria-busy={endingAll || undefined}
            aria-describedby="sign-out-everywhere-hint"
          >
            {endingAll ? labels.common.pleaseWait : labels.signOutEverywhere}
          </button>
          <p id="sign-out-everywhere-hint" className="mt-1 text-xs text-slate-500">
            {labels.signOutEverywhereHint}
          </p>
        </div>
      }
    >
      <div className="space-y-3">
        <FormAlert message={formErrorOf(revoke.error) ?? formErrorOf(everywhere.error)} />
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="sessions">
          {sessions.map((session) => {
            const revoking = revoke.isPending && revoke.variables.sessionId === session.id;
            return (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <span title={session.userAgent ?? undefined}>{describeUserAgent(session.userAgent) ?? labels.unknownDevice}</span>
                    {session.current ? <Badge tone="emerald">{labels.thisDevice}</Badge> : null}
                  </p>
                  <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
                    <div className="flex gap-1">
                      <dt>{labels.ip}:</dt>
                      <dd className="tabular-nums">{session.ip ?? "—"}</dd>
                    </div>
                    <div className="flex gap-1">
                      <dt>{labels.lastSeen}:</dt>
                      <dd>
                        <time dateTime={session.lastSeenAt.toISOString()}>{formatDateTime(session.lastSeenAt, locale)}</time>
                      </dd>
                    </div>
                    <div className="flex gap-1">
                      <dt>{labels.signedIn}:</dt>
                      <dd>
                        <time dateTime={session.createdAt.toISOString()}>{formatDateTime(session.createdAt, locale)}</time>
                      </dd>
                    </div>
                  </dl>
                </div>
                {session.current ? null : (
                  <button
                    type="button"
                    className={`${textButtonClass} text-red-700 hover:bg-red-50`}
                    onClick={() => revoke.mutate({ sessionId: session.id })}
                    disabled={revoking}
                    aria-busy={revoking || undefined}
                  >
                    {revoking ? labels.common.pleaseWait : labels.revoke}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {others.length === 0 ? <EmptyState title={labels.noOthers} /> : null}
      </div>
    </Section>
  );
}
