import { PageHeader } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { param } from "~/lib/format";
import { getApi, requireStaff } from "~/server/viewer";
import { IndexStatus } from "./index-status";
import { periodFromParams } from "./period";
import { SearchWorkbench } from "./search-workbench";

export const metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const stats = await (await getApi()).adminSearch.stats();
  const period = periodFromParams({ days: param(params.days), from: param(params.from), to: param(params.to) });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Search"
        description="The storefront's search index, what shoppers search for, and the synonyms that connect their words to the catalog. Days are in UTC."
      />
      <IndexStatus initial={stats} />
      <SearchWorkbench initialPeriod={period} />
    </div>
  );
}
