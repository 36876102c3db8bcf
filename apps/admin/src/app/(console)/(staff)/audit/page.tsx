import Form from "next/form";
import Link from "next/link";
import { z } from "zod";

import { EmptyState } from "@ultramarket/ui";
import { FormAlert, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { getApi, requireStaff } from "~/server/viewer";

export const metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd day as a UTC instant: its first millisecond, or (for "to") its last. */
function parseDay(value: string | undefined, end: boolean): Date | null | undefined {
  if (!value) return undefined;
  if (!DAY.test(value)) return null;
  const date = new Date(`${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const api = await getApi();
  const actions = await api.audit.actions();

  const raw = {
    action: param(params.action),
    actorId: param(params.actorId),
    targetId: param(params.targetId),
    from: param(params.from),
    to: param(params.to),
  };
  const errors: Partial<Record<keyof typeof raw, string[]>> = {};
  const action = raw.action && (actions as readonly string[]).includes(raw.action) ? actions.find((a) => a === raw.action) : undefined;
  if (raw.action && !action) errors.action = ["Unknown action"];
  if (raw.actorId && !z.uuid().safeParse(raw.actorId).success) errors.actorId = ["An actor id is a user id (a UUID)"];
  if (raw.targetId && raw.targetId.length > 100) errors.targetId = ["At most 100 characters"];
  const from = parseDay(raw.from, false);
  const to = parseDay(raw.to, true);
  if (from === null) errors.from = ["Enter a date"];
  if (to === null) errors.to = ["Enter a date"];
  if (from && to && from > to) errors.to = ["The end date is before the start date"];
  const invalid = Object.keys(errors).length > 0;

  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;
  const page = invalid
    ? null
    : await api.audit.list({
        action,
        actorId: raw.actorId,
        targetId: raw.targetId,
        from: from ?? undefined,
        to: to ?? undefined,
        cursor,
        limit: PAGE_SIZE,
      });
  const filtered = Object.values(raw).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Security events: sign-ins, role changes, reviews and keys. Times are in UTC." />
      <Form
        key={queryString(raw)}
        action="/audit"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
        role="search"
        aria-label="Filter the audit log"
      >
        <SelectField label="Action" name="action" defaultValue={raw.action ?? ""} error={errors.action} className="lg:col-span-2">
          <option value="">All actions</option>
          {actions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Actor id"
          name="actorId"
          defaultValue={raw.actorId}
          error={errors.actorId}
          placeholder="User UUID"
          className="lg:col-span-2"
        />
        <TextField label="Target id" name="targetId" defaultValue={raw.targetId} error={errors.targetId} className="lg:col-span-2" />
        <TextField label="From (UTC)" name="from" type="date" defaultValue={raw.from} error={errors.from} className="lg:col-span-2" />
        <TextField label="To (UTC)" name="to" type="date" defaultValue={raw.to} error={errors.to} className="lg:col-span-2" />
        <div className="flex items-end gap-3 lg:col-span-2">
          <SubmitButton>Apply filters</SubmitButton>
          {filtered ? (
            <Link href="/audit" className="py-2 text-sm text-indigo-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>

      {page === null ? (
        <FormAlert message="Some filters are not valid: correct them and apply again." />
      ) : page.items.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No events yet"} />
      ) : (
        <TableCard caption="Audit events, newest first" testId="audit-log">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Action</Th>
              <Th>Actor</Th>
              <Th>Target</Th>
              <Th>IP</Th>
              <Th>Details</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((event) => {
              const metadata = event.metadata && Object.keys(event.metadata).length > 0 ? JSON.stringify(event.metadata, null, 2) : null;
              return (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(event.createdAt)}</Td>
                  <Td>
                    <code className="font-mono text-xs">{event.action}</code>
                  </Td>
                  <Td>
                    {event.actorId ? (
                      <Link href={`/users/${event.actorId}`} className="text-indigo-700 hover:underline">
                        {event.actorEmail ?? event.actorId}
                      </Link>
                    ) : (
                      (event.actorEmail ?? <span className="text-slate-400">—</span>)
                    )}
                  </Td>
                  <Td>
                    {event.targetId ? (
                      <span className="text-xs">
                        <span className="text-slate-500">{event.targetType ?? "target"}</span>{" "}
                        {event.targetType === "user" ? (
                          <Link href={`/users/${event.targetId}`} className="font-mono text-indigo-700 hover:underline">
                            {event.targetId}
                          </Link>
                        ) : event.targetType === "vendor_application" ? (
                          <Link href={`/vendor-applications/${event.targetId}`} className="font-mono text-indigo-700 hover:underline">
                            {event.targetId}
                          </Link>
                        ) : (
                          <span className="font-mono">{event.targetId}</span>
                        )}
                      </span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{event.ip ?? "—"}</Td>
                  <Td className="text-xs">
                    {metadata || event.userAgent ? (
                      <details>
                        <summary className="cursor-pointer text-indigo-700">Show</summary>
                        {event.userAgent ? <p className="mt-1 max-w-xs break-words text-slate-500">{event.userAgent}</p> : null}
                        {metadata ? <pre className="mt-1 max-w-xs overflow-x-auto rounded bg-slate-50 p-2">{metadata}</pre> : null}
                      </details>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </TableCard>
      )}
      {page ? (
        <Pager
          first={cursor ? `/audit${queryString(raw)}` : null}
          next={page.nextCursor ? `/audit${queryString({ ...raw, cursor: page.nextCursor })}` : null}
        />
      ) : null}
    </div>
  );
}
