import { EmptyState } from "@ultramarket/ui";
import { PageHeader, Td, TableCard, Th } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";
import { CreateWarehouseForm } from "./create-warehouse-form";

export const metadata = { title: "Warehouses" };

export default async function WarehousesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Warehouses" />
        <EmptyState title="No shop yet">Warehouses belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const api = await getApi();
  const [warehouses, regions] = await Promise.all([api.vendorCatalog.warehouses({ vendorId: vendor.id }), api.users.regions()]);
  const regionName = new Map(regions.map((r) => [r.code, r.name.en]));

  return (
    <div className="space-y-6">
      <PageHeader title="Warehouses" description={`Where ${vendor.name} keeps stock and ships orders from.`} />
      <VendorPicker vendors={vendors} current={vendor.id} action="/warehouses" />
      {warehouses.length === 0 ? (
        <EmptyState title="No warehouses yet">Add the first one below.</EmptyState>
      ) : (
        <TableCard caption="Warehouses" testId="warehouses">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Region</Th>
              <Th>Address</Th>
              <Th>Added</Th>
            </tr>
          </thead>
          <tbody>
            {warehouses.map((w) => (
              <tr key={w.id}>
                <Td className="font-medium">{w.name}</Td>
                <Td>{regionName.get(w.region) ?? w.region}</Td>
                <Td>{w.address}</Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(w.createdAt)}</Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <CreateWarehouseForm vendorId={vendor.id} regions={regions.map((r) => ({ code: r.code, name: r.name.en }))} />
    </div>
  );
}
