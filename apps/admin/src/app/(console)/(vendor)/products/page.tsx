import Form from "next/form";
import Link from "next/link";
import { z } from "zod";

import { buttonClass, cn, EmptyState } from "@ultramarket/ui";
import { SubmitButton, TextField } from "@ultramarket/ui/forms";
import { ProductFactCells, StockFilterField, stockFilterOf } from "~/components/product-list-parts";
import { PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import { isProductStatus, PRODUCT_STATUSES, STATUS_LABELS } from "~/lib/catalog";
import type { SearchParams } from "~/lib/format";
import { param, queryString } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";

export const metadata = { title: "Products" };

const PAGE_SIZE = 25;

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Products" />
        <EmptyState title="No shop yet">Products belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const search = param(params.search)?.slice(0, 100);
  const rawStatus = param(params.status);
  const status = isProductStatus(rawStatus) ? rawStatus : undefined;
  const stock = stockFilterOf(param(params.stock));
  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;
  const vendorParam = vendors.length > 1 ? vendor.id : undefined;

  const page = await (await getApi()).vendorCatalog.listProducts({ vendorId: vendor.id, status, stock, search, cursor, limit: PAGE_SIZE });
  const filters = { vendor: vendorParam, status, stock, search };
  const tabs: { label: string; value: string | undefined }[] = [
    { label: "All", value: undefined },
    ...PRODUCT_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: s })),
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Products"
        description={`The catalog of ${vendor.name}. New products start as drafts; submit them for review to publish.`}
        actions={
          <Link href={`/products/new${queryString({ vendor: vendorParam })}`} className={buttonClass("primary")}>
            New product
          </Link>
        }
      />
      <VendorPicker vendors={vendors} current={vendor.id} action="/products" />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const active = tab.value === status;
          return (
            <Link
              key={tab.label}
              href={`/products${queryString({ ...filters, status: tab.value })}`}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm",
                active ? "bg-indigo-600 text-white" : "border border-slate-200 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <Form
        key={search ?? ""}
        action="/products"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        {vendorParam ? <input type="hidden" name="vendor" value={vendorParam} /> : null}
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <StockFilterField value={stock} />
        <TextField
          label="Search"
          name="search"
          type="search"
          defaultValue={search}
          placeholder="Title or SKU"
          className="min-w-56 flex-1"
        />
        <SubmitButton>Search</SubmitButton>
        {search || stock ? (
          <Link href={`/products${queryString({ vendor: vendorParam, status })}`} className="py-2 text-sm text-indigo-700 hover:underline">
            Clear
          </Link>
        ) : null}
      </Form>

      {page.items.length === 0 ? (
        <EmptyState title={search || status || stock ? "No products match these filters" : "No products yet"}>
          {search || status || stock ? null : (
            <Link href={`/products/new${queryString({ vendor: vendorParam })}`} className="text-indigo-700 hover:underline">
              Add your first product
            </Link>
          )}
        </EmptyState>
      ) : (
        <TableCard caption="Products" testId="vendor-products">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Status</Th>
              <Th>Price from</Th>
              <Th>Available</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((product) => (
              <tr key={product.id}>
                <Td>
                  <Link
                    href={`/products/${product.id}${queryString({ vendor: vendorParam })}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {product.title.uz || "(untitled)"}
                  </Link>
                </Td>
                <ProductFactCells product={product} />
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/products${queryString(filters)}` : null}
        next={page.nextCursor ? `/products${queryString({ ...filters, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
