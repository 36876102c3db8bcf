import { EmptyState } from "@ultramarket/ui";
import { PageHeader } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { param, queryString } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { categoryChoices } from "../categories";
import { ProductEditor } from "../product-editor";

export const metadata = { title: "New product" };

export default async function NewProductPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  const vendorParam = vendor && vendors.length > 1 ? vendor.id : undefined;
  const back = { href: `/products${queryString({ vendor: vendorParam })}`, label: "Products" };
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="New product" back={back} />
        <EmptyState title="No shop yet">Products belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const categories = await categoryChoices();
  return (
    <div className="space-y-6">
      <PageHeader title="New product" description={`Adds a draft to ${vendor.name}. Submit it for review when it is ready.`} back={back} />
      {categories.length === 0 ? (
        <EmptyState title="No categories yet">Staff have not created any categories to sell in.</EmptyState>
      ) : (
        <ProductEditor vendorId={vendor.id} vendorParam={vendorParam} categories={categories} />
      )}
    </div>
  );
}
