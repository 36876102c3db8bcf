import Link from "next/link";
import { TRPCError } from "@trpc/server";

import { buttonClass, EmptyState } from "@ultramarket/ui";
import { getApi, requireStaff } from "~/server/viewer";

export const metadata = { title: "Dev mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireStaff();
  const { cursor } = await searchParams;
  const api = await getApi();
  const page = await api.system.devMailbox({ cursor, limit: 25 }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Dev mailbox</h1>
        <p className="text-sm text-slate-500">Mail sent while no SMTP_URL is set lands here, delivered by the worker&apos;s email job.</p>
      </div>
      {page === null ? (
        <EmptyState title="The dev mailbox is off">Mail goes to the SMTP server in SMTP_URL.</EmptyState>
      ) : page.items.length === 0 ? (
        <EmptyState title="No mail yet" />
      ) : (
        <table className="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm" data-testid="mailbox">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                To
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Subject
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Received
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((mail) => (
              <tr key={mail.id} className="border-t border-slate-100">
                <td className="px-4 py-2">{mail.to}</td>
                <td className="px-4 py-2">
                  <Link href={`/mailbox/${mail.id}`} className="text-indigo-700 hover:underline">
                    {mail.subject}
                  </Link>
                </td>
                <td className="px-4 py-2 text-slate-500">{mail.createdAt.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.nextCursor ? (
        <Link href={`/mailbox?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonClass("secondary")}>
          Older mail
        </Link>
      ) : null}
    </div>
  );
}
