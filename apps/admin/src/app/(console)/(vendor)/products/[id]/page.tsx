import { notFound } from "next/navigation";

import { EmptyState, formatPrice } from "@ultramarket/ui";
import { FormAlert } from "@ultramarket/ui/forms";
import { Badge, Card, PageHeader } from "~/components/ui";
import { STATUS_LABELS, STATUS_TONES } from "~/lib/catalog";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { failedWith, getApi } from "~/server/viewer";
import { categoryChoices } from "../categories";
import { ProductEditor } from "../product-editor";
import { ImageManager } from "./image-manager";
import { StatusActions } from "./status-actions";
import { StockEditor } from "./stock-editor";
import { VariantsEditor } from "./variants-editor";

export const metadata = { title: "Edit product" };

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const { vendors, vendor } = await currentVendor(param(query.vendor));
  const vendorParam = vendor && vendors.length > 1 ? vendor.id : undefined;
  const back = { href: `/products${queryString({ vendor: vendorParam })}`, label: "Products" };
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Product" back={back} />
        <EmptyState title="No shop yet">Products belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const api = await getApi();
  const product = await api.vendorCatalog.getProduct({ vendorId: vendor.id, productId: id }).catch((error: unknown) => {
    if (failedWith(error, "NOT_FOUND", "BAD_REQUEST")) notFound();
    throw error;
  });
  const [categories, images, warehouses, levels] = await Promise.all([
    categoryChoices(product.categoryId),
    api.vendorCatalog.images({ vendorId: vendor.id, productId: product.id }),
    api.vendorCatalog.warehouses({ vendorId: vendor.id }),
    api.inventory.levels({ vendorId: vendor.id, productId: product.id }),
  ]);
  const showNote = (product.status === "rejected" || product.status === "draft") && product.moderationNote;

  return (
    <div className="space-y-6">
      <PageHeader
        title={product.title.uz || "Product"}
        back={back}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONES[product.status]}>{STATUS_LABELS[product.status]}</Badge>
            <span>From {formatPrice(product.minPriceAmount, product.currency, "uz")}</span>
            <span>· Updated {formatDateTime(product.updatedAt)}</span>
          </span>
        }
      />
      {param(query.created) ? <FormAlert tone="success" message="Product created as a draft." /> : null}
      {showNote ? (
        <div role="note" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">{product.status === "rejected" ? "Rejected by moderation" : "Unpublished by moderation"}</p>
          <p className="mt-1 whitespace-pre-line">{product.moderationNote}</p>
        </div>
      ) : null}
      <Card title="Status">
        <StatusActions vendorId={vendor.id} productId={product.id} status={product.status} />
      </Card>
      <ProductEditor vendorId={vendor.id} vendorParam={vendorParam} categories={categories} product={product} />
      <VariantsEditor vendorId={vendor.id} options={product.options} variants={product.variants} />
      <Card title="Pictures">
        <ImageManager vendorId={vendor.id} productId={product.id} initialImages={images} />
      </Card>
      <Card title="Stock">
        {warehouses.length === 0 ? (
          <EmptyState title="No warehouse yet">Add a warehouse to keep stock.</EmptyState>
        ) : (
          <StockEditor vendorId={vendor.id} variants={product.variants} warehouses={warehouses} levels={levels} />
        )}
      </Card>
    </div>
  );
}
