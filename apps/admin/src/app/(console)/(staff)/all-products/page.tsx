import Form from "next/form";
import Link from "next/link";
import { z } from "zod";

import { EmptyState } from "@ultramarket/ui";
import { SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { ProductFactCells, StockFilterField, stockFilterOf } from "~/components/product-list-parts";
import { PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import { isProductStatus, PRODUCT_STATUSES, STATUS_LABELS } from "~/lib/catalog";
import type { SearchParams } from "~/lib/format";
import { param, queryString } from "~/lib/format";
import { getApi } from "~/server/viewer";

export const metadata = { title: "All products" };

const PAGE_SIZE = 25;

/** Every vendor's products for staff: filter by vendor, status and stock, search by title or SKU. */
export default async function AllProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const api = await getApi();
  const vendors = await api.adminCatalog.vendors();
  const vendorParam = param(params.vendor);
  const vendorId = vendors.some((v) => v.id === vendorParam) ? vendorParam : undefined;
  const rawStatus = param(params.status);
  const status = isProductStatus(rawStatus) ? rawStatus : undefined;
  const stock = stockFilterOf(param(params.stock));
  const search = param(params.search)?.slice(0, 100);
  const rawCursor = param(params.cursor);
  const cursor = z.uuid().safeParse(rawCursor).success ? rawCursor : undefined;

  const page = await api.adminCatalog.products({ vendorId, status, stock, search, cursor, limit: PAGE_SIZE });
  const filters = { vendor: vendorId, status, stock, search };
  const filtered = Boolean(vendorId || status || stock || search);

  return (
    <div className="space-y-6">
      <PageHeader title="All products" description="Every vendor's catalog. Pending products are decided in the review queue." />
      <Form action="/all-products" role="search" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <SelectField label="Vendor" name="vendor" defaultValue={vendorId ?? ""} className="min-w-48">
          <option value="">All vendors</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({v.products.toLocaleString("en")})
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={status ?? ""}>
          <option value="">Any status</option>
          {PRODUCT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <StockFilterField value={stock} />
        <TextField
          label="Search"
          name="search"
          type="search"
          defaultValue={search}
          placeholder="Title or SKU"
          className="min-w-56 flex-1"
        />
        <SubmitButton>Filter</SubmitButton>
        {filtered ? (
          <Link href="/all-products" className="py-2 text-sm text-indigo-700 hover:underline">
            Clear
          </Link>
        ) : null}
      </Form>

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No products match these filters" : "No products yet"} />
      ) : (
        <TableCard caption="All products" testId="all-products">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Vendor</Th>
              <Th>Status</Th>
              <Th>Price from</Th>
              <Th>Available</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((product) => (
              <tr key={product.id}>
                <Td className="font-medium">{product.title.uz || "(untitled)"}</Td>
                <Td>
                  <Link
                    href={`/all-products${queryString({ ...filters, vendor: product.vendor.id, cursor: undefined })}`}
                    className="text-indigo-700 hover:underline"
                  >
                    {product.vendor.name}
                  </Link>
                </Td>
                <ProductFactCells product={product} />
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/all-products${queryString(filters)}` : null}
        next={page.nextCursor ? `/all-products${queryString({ ...filters, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
