import Link from "next/link";
import { z } from "zod";

import { cn, EmptyState } from "@ultramarket/ui";
import { Badge, PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { getApi, requireStaff } from "~/server/viewer";
import { isStatus, STATUS_LABELS, STATUS_TONES, STATUSES } from "./status";

export const metadata = { title: "Vendor applications" };

const PAGE_SIZE = 25;

export default async function VendorApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const rawStatus = param(params.status);
  // Pending by default; "all" lifts the filter.
  const status = rawStatus === "all" ? undefined : isStatus(rawStatus) ? rawStatus : "pending";
  const tab = status ?? "all";
  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;

  const api = await getApi();
  const page = await api.vendors.listApplications({ status, cursor, limit: PAGE_SIZE });
  const tabs = [...STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })), { value: "all", label: "All" }];
  const statusParam = tab === "pending" ? undefined : tab;

  return (
    <div className="space-y-6">
      <PageHeader title="Vendor applications" description="Review sellers' applications: approve, reject or send back for changes." />
      <nav aria-label="Application status">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((item) => {
            const active = item.value === tab;
            return (
              <li key={item.value}>
                <Link
                  href={`/vendor-applications${queryString({ status: item.value === "pending" ? undefined : item.value })}`}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-block rounded-full px-3 py-1.5 text-sm font-medium",
                    active ? "bg-indigo-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {page.items.length === 0 ? (
        <EmptyState title={status ? `No ${STATUS_LABELS[status].toLowerCase()} applications` : "No applications yet"} />
      ) : (
        <TableCard caption={`Vendor applications: ${status ? STATUS_LABELS[status] : "all"}`} testId="applications">
          <thead>
            <tr>
              <Th>Store</Th>
              <Th>Legal name</Th>
              <Th>STIR</Th>
              <Th>Applicant</Th>
              <Th>Submitted</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((application) => (
              <tr key={application.id}>
                <Td>
                  <Link href={`/vendor-applications/${application.id}`} className="font-medium text-indigo-700 hover:underline">
                    {application.storeName}
                  </Link>
                </Td>
                <Td>{application.legalName}</Td>
                <Td className="font-mono text-xs">{application.stir}</Td>
                <Td>{application.applicantEmail}</Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(application.createdAt)}</Td>
                <Td>
                  <Badge tone={STATUS_TONES[application.status]}>{STATUS_LABELS[application.status]}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/vendor-applications${queryString({ status: statusParam })}` : null}
        next={page.nextCursor ? `/vendor-applications${queryString({ status: statusParam, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
