import { EmptyState } from "@ultramarket/ui";
import { Badge, Card, PageHeader, Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";
import { getApi, requireStaff } from "~/server/viewer";
import { CreateApiKeyForm } from "./create-form";
import { RevokeButton } from "./revoke-button";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireStaff();
  const api = await getApi();
  const keys = await api.apiKeys.list();
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description="Read-only keys for internal services. A key is shown once, when it is created; only its prefix is kept in view."
      />
      <Card title="Create a key">
        <CreateApiKeyForm />
      </Card>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Keys
        </h2>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above for each service that needs read access.</EmptyState>
        ) : (
          <TableCard caption="API keys" testId="api-keys">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Prefix</Th>
                <Th>Scopes</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "text-slate-400" : undefined}>
                  <Td className="font-medium">{key.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{key.prefix}…</code>
                  </Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Badge key={scope}>{scope}</Badge>
                      ))}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(key.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Td>
                  <Td className="whitespace-nowrap">
                    {key.revokedAt ? <Badge tone="red">Revoked {formatDateTime(key.revokedAt)}</Badge> : <Badge tone="green">Active</Badge>}
                  </Td>
                  <Td className="text-right">{key.revokedAt ? null : <RevokeButton id={key.id} name={key.name} />}</Td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        )}
      </section>
    </div>
  );
}
