import Link from "next/link";

import { EmptyState } from "@ultramarket/ui";
import { PageHeader } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import type { SearchParams } from "~/lib/format";
import { param, queryString } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";
import { BulkEditor } from "./bulk-editor";

export const metadata = { title: "Bulk edit" };

export default async function BulkEditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Bulk edit" />
        <EmptyState title="No shop yet">Products belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const vendorParam = vendors.length > 1 ? vendor.id : undefined;
  const warehouses = await (await getApi()).vendorCatalog.warehouses({ vendorId: vendor.id });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Bulk edit"
        description={
          <>
            Prices and stock of many variants of {vendor.name} at once. Changing a value selects its row; only the changed values of
            selected rows are saved. For other fields, use{" "}
            <Link href={`/catalog-import${queryString({ vendor: vendorParam })}`} className="text-indigo-700 hover:underline">
              Import / export
            </Link>
            .
          </>
        }
      />
      <VendorPicker vendors={vendors} current={vendor.id} action="/bulk-edit" />
      <BulkEditor
        key={vendor.id}
        vendorId={vendor.id}
        vendorParam={vendorParam}
        warehouses={warehouses.map((w) => ({ id: w.id, name: w.name }))}
        initialSearch={param(params.search)?.slice(0, 100)}
      />
    </div>
  );
}
