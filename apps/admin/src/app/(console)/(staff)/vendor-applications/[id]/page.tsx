import Link from "next/link";
import { notFound } from "next/navigation";

import { EmptyState } from "@ultramarket/ui";
import { Badge, Card, Details, PageHeader } from "~/components/ui";
import { formatBytes, formatDateTime } from "~/lib/format";
import { failedWith, getApi, requireStaff } from "~/server/viewer";
import { STATUS_LABELS, STATUS_TONES } from "../status";
import { ReviewPanel } from "./review-panel";

export const metadata = { title: "Vendor application" };

export default async function VendorApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const api = await getApi();
  const application = await api.vendors.getApplication({ applicationId: id }).catch((error: unknown) => {
    if (failedWith(error, "NOT_FOUND", "BAD_REQUEST")) notFound();
    throw error;
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title={application.storeName}
        description={`Application from ${application.applicantEmail}, submitted ${formatDateTime(application.createdAt)}`}
        back={{ href: "/vendor-applications", label: "Vendor applications" }}
        actions={<Badge tone={STATUS_TONES[application.status]}>{STATUS_LABELS[application.status]}</Badge>}
      />

      <div className="grid items-start gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <Card title="Business">
            <Details
              items={[
                { label: "Store name", value: application.storeName },
                { label: "Legal name", value: application.legalName },
                { label: "STIR (INN)", value: <span className="font-mono">{application.stir}</span> },
              ]}
            />
          </Card>
          <Card title="Bank details">
            <Details
              items={[
                { label: "Bank", value: application.bankName },
                { label: "Settlement account", value: <span className="font-mono">{application.bankAccount}</span> },
                { label: "MFO", value: <span className="font-mono">{application.bankMfo}</span> },
              ]}
            />
          </Card>
          <Card title="Contact">
            <Details
              items={[
                { label: "Contact name", value: application.contactName },
                { label: "Contact phone", value: application.contactPhone },
                { label: "Contact email", value: application.contactEmail },
                {
                  label: "Applicant",
                  value: (
                    <Link href={`/users/${application.applicantId}`} className="text-indigo-700 hover:underline">
                      {application.applicantName} ({application.applicantEmail})
                    </Link>
                  ),
                },
              ]}
            />
          </Card>
          <Card title="Documents">
            {application.documents.length === 0 ? (
              <EmptyState title="No documents attached" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {application.documents.map((document, index) => (
                  <li key={`${index}-${document.fileName}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <a
                      href={`/api/kyc/${application.id}/${index}`}
                      className="font-medium text-indigo-700 hover:underline"
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {document.fileName}
                    </a>
                    <span className="text-xs text-slate-500">
                      {document.contentType} · {formatBytes(document.size)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Review">
            <Details
              items={[
                { label: "Status", value: STATUS_LABELS[application.status] },
                { label: "Reviewed", value: formatDateTime(application.reviewedAt) },
                { label: "Note to the applicant", value: application.reviewNote ?? "—" },
                ...(application.vendorId
                  ? [{ label: "Vendor id", value: <code className="font-mono text-xs">{application.vendorId}</code> }]
                  : []),
                { label: "Application id", value: <code className="font-mono text-xs">{application.id}</code> },
              ]}
            />
          </Card>
        </div>

        <ReviewPanel applicationId={application.id} status={application.status} />
      </div>
    </div>
  );
}
