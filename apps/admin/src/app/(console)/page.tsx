import { LiveCounts } from "~/components/live-counts";
import { serverApi } from "~/server/runtime";

export default async function DashboardPage() {
  const api = await serverApi();
  const counts = await api.system.dashboard();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <LiveCounts initial={counts} />
    </div>
  );
}
