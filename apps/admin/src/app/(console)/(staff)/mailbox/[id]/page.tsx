import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

import { getApi, requireStaff } from "~/server/viewer";

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const api = await getApi();
  const mail = await api.system.devMailboxMessage({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return (
    <article className="space-y-4">
      <Link href="/mailbox" className="text-sm text-indigo-700 hover:underline">
        ← Dev mailbox
      </Link>
      <h1 className="text-2xl font-bold">{mail.subject}</h1>
      <p className="text-sm text-slate-500">
        To {mail.to} · {mail.createdAt.toLocaleString("en-GB")}
      </p>
      {/* Plain text only: mail HTML is never injected into the console. */}
      <pre className="whitespace-pre-wrap rounded-xl border border-slate-200 bg-white p-5 font-sans text-sm">{mail.text}</pre>
    </article>
  );
}
