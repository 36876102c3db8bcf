import { EmptyState } from "@ultramarket/ui";
import { PageHeader } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import type { SearchParams } from "~/lib/format";
import { param } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";
import { ShippingMethods } from "./shipping-methods";

export const metadata = { title: "Delivery methods" };

/** The vendor's delivery methods: couriers by region (flat or by weight), pickup points, free from an amount. */
export default async function ShippingPage({ searchParams }: { searchParams: SearchParams }) {
  const { vendors, vendor } = await currentVendor(param((await searchParams).vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Delivery methods" />
        <EmptyState title="No shop yet">Delivery methods belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const api = await getApi();
  const [methods, regions] = await Promise.all([api.vendorShipping.list({ vendorId: vendor.id }), api.users.regions()]);
  return (
    <div className="space-y-6">
      <PageHeader title="Delivery methods" description={`How ${vendor.name} delivers; shoppers choose one per shop at checkout.`} />
      <VendorPicker vendors={vendors} current={vendor.id} action="/shipping" />
      <ShippingMethods vendorId={vendor.id} methods={methods} regions={regions.map((r) => ({ code: r.code, name: r.name.en }))} />
    </div>
  );
}
