import { EmptyState } from "@ultramarket/ui";
import { Badge } from "~/components/ui";
import { LiveCounts } from "~/components/live-counts";
import { isStaff } from "~/lib/roles";
import { getApi, requireConsoleViewer } from "~/server/viewer";

export default async function DashboardPage() {
  const viewer = await requireConsoleViewer();
  const api = await getApi();
  if (isStaff(viewer.role)) {
    const counts = await api.system.dashboard();
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <LiveCounts initial={counts} />
      </div>
    );
  }

  const stores = await api.vendors.mine();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-500">Welcome, {viewer.name}. Product management arrives with the catalog.</p>
      </div>
      <section aria-labelledby="stores-heading" className="space-y-3">
        <h2 id="stores-heading" className="text-lg font-semibold">
          Your stores
        </h2>
        {stores.length === 0 ? (
          <EmptyState title="No stores yet">
            If your application was approved just now, sign out and sign in again to see your store.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="vendor-stores">
            {stores.map((store) => (
              <li key={store.id} className="rounded-xl border border-slate-200 bg-white p-5">
                <div className="flex items-start justify-between gap-2">
                  <p className="font-semibold text-slate-900">{store.name}</p>
                  <Badge tone={store.status === "active" ? "green" : "amber"}>{store.status === "active" ? "Active" : "Suspended"}</Badge>
                </div>
                <p className="mt-1 font-mono text-xs text-slate-500">{store.slug}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
