import Form from "next/form";
import Link from "next/link";
import { z } from "zod";

import { EmptyState } from "@ultramarket/ui";
import { SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { Badge, PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { isRole, ROLE_LABELS, ROLES } from "~/lib/roles";
import { getApi, requireStaff } from "~/server/viewer";

export const metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const query = param(params.query)?.slice(0, 200);
  const rawRole = param(params.role);
  const role = isRole(rawRole) ? rawRole : undefined;
  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;

  const api = await getApi();
  const page = await api.users.list({ query, role, cursor, limit: PAGE_SIZE });
  const filters = { query, role };

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Find accounts, change roles, disable accounts and end sessions." />
      <Form
        key={`${query ?? ""}|${role ?? ""}`}
        action="/users"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        role="search"
      >
        <TextField label="Search" name="query" type="search" defaultValue={query} placeholder="Name or email" className="min-w-56 flex-1" />
        <SelectField label="Role" name="role" defaultValue={role ?? ""} className="w-44">
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <SubmitButton>Search</SubmitButton>
        {query || role ? (
          <Link href="/users" className="py-2 text-sm text-indigo-700 hover:underline">
            Clear
          </Link>
        ) : null}
      </Form>

      {page.items.length === 0 ? (
        <EmptyState title={query || role ? "No users match these filters" : "No users yet"} />
      ) : (
        <TableCard caption="Users" testId="users">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Joined</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((user) => (
              <tr key={user.id}>
                <Td>
                  <Link href={`/users/${user.id}`} className="font-medium text-indigo-700 hover:underline">
                    {user.name}
                  </Link>
                </Td>
                <Td>{user.email}</Td>
                <Td>
                  <Badge tone={user.role === "CUSTOMER" ? "slate" : user.role === "VENDOR" ? "green" : "indigo"}>
                    {ROLE_LABELS[user.role]}
                  </Badge>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
                    {user.emailVerified ? null : <Badge tone="amber">Email not verified</Badge>}
                  </span>
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(user.createdAt)}</Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/users${queryString(filters)}` : null}
        next={page.nextCursor ? `/users${queryString({ ...filters, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
