import Link from "next/link";
import { notFound } from "next/navigation";

import { EmptyState } from "@ultramarket/ui";
import { Badge, Card, Details, PageHeader, Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";
import { ROLE_LABELS } from "~/lib/roles";
import { failedWith, getApi, requireStaff } from "~/server/viewer";
import { UserActions } from "./user-actions";

export const metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireStaff();
  const { id } = await params;
  const api = await getApi();
  const user = await api.users.get({ userId: id }).catch((error: unknown) => {
    if (failedWith(error, "NOT_FOUND", "BAD_REQUEST")) notFound();
    throw error;
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title={user.name}
        description={user.email}
        back={{ href: "/users", label: "Users" }}
        actions={
          <span className="flex flex-wrap gap-2">
            <Badge tone="indigo">{ROLE_LABELS[user.role]}</Badge>
            {user.deletedAt ? (
              <Badge tone="red">Deleted</Badge>
            ) : user.disabledAt ? (
              <Badge tone="red">Disabled</Badge>
            ) : (
              <Badge tone="green">Active</Badge>
            )}
          </span>
        }
      />

      <div className="grid items-start gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card title="Profile">
            <Details
              items={[
                { label: "Name", value: user.name },
                { label: "Email", value: user.email },
                { label: "Email verified", value: user.emailVerifiedAt ? formatDateTime(user.emailVerifiedAt) : "Not verified" },
                { label: "Phone", value: user.phone ?? "—" },
                { label: "Role", value: ROLE_LABELS[user.role] },
                { label: "Language", value: user.locale },
                { label: "Currency", value: user.currency },
                { label: "Joined", value: formatDateTime(user.createdAt) },
                { label: "Disabled", value: user.disabledAt ? formatDateTime(user.disabledAt) : "No" },
                ...(user.deletedAt ? [{ label: "Deleted", value: formatDateTime(user.deletedAt) }] : []),
                { label: "User id", value: <code className="font-mono text-xs">{user.id}</code> },
              ]}
            />
            <p className="mt-4 text-sm">
              <Link href={`/audit?targetId=${user.id}`} className="text-indigo-700 hover:underline">
                Audit events about this user
              </Link>
              {" · "}
              <Link href={`/audit?actorId=${user.id}`} className="text-indigo-700 hover:underline">
                Audit events by this user
              </Link>
            </p>
          </Card>

          <section aria-labelledby="memberships-heading" className="space-y-3">
            <h2 id="memberships-heading" className="text-lg font-semibold">
              Store memberships
            </h2>
            {user.memberships.length === 0 ? (
              <EmptyState title="Not a member of any store" />
            ) : (
              <TableCard caption="Store memberships">
                <thead>
                  <tr>
                    <Th>Store</Th>
                    <Th>Role</Th>
                    <Th>Store id</Th>
                  </tr>
                </thead>
                <tbody>
                  {user.memberships.map((membership) => (
                    <tr key={membership.vendorId}>
                      <Td className="font-medium">{membership.vendorName}</Td>
                      <Td>{membership.role === "owner" ? "Owner" : "Staff"}</Td>
                      <Td>
                        <code className="font-mono text-xs text-slate-500">{membership.vendorId}</code>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </TableCard>
            )}
          </section>

          <section aria-labelledby="sessions-heading" className="space-y-3">
            <h2 id="sessions-heading" className="text-lg font-semibold">
              Sessions
            </h2>
            {user.sessions.length === 0 ? (
              <EmptyState title="No active sessions" />
            ) : (
              <TableCard caption="Active sessions">
                <thead>
                  <tr>
                    <Th>Signed in</Th>
                    <Th>Last seen</Th>
                    <Th>IP</Th>
                    <Th>Device</Th>
                  </tr>
                </thead>
                <tbody>
                  {user.sessions.map((session) => (
                    <tr key={session.id}>
                      <Td className="whitespace-nowrap">{formatDateTime(session.createdAt)}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(session.lastSeenAt)}</Td>
                      <Td className="font-mono text-xs">{session.ip ?? "—"}</Td>
                      <Td className="max-w-md text-xs break-words text-slate-500">{session.userAgent ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </TableCard>
            )}
          </section>
        </div>

        <UserActions
          user={{ id: user.id, name: user.name, role: user.role, disabled: user.disabledAt !== null, deleted: user.deletedAt !== null }}
          sessionCount={user.sessions.length}
          viewer={{ id: viewer.id, role: viewer.role }}
        />
      </div>
    </div>
  );
}
