import Link from "next/link";

import { EmptyState } from "@ultramarket/ui";
import { Card, PageHeader, Td, TableCard, Th } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import type { SearchParams } from "~/lib/format";
import { param, queryString } from "~/lib/format";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";
import { BLANK_TEMPLATE_HREF, CSV_COLUMNS, exportHref } from "./csv-format";
import { ExportForm } from "./export-form";
import { ImportsPanel } from "./imports-panel";

export const metadata = { title: "Import / export" };

export default async function CatalogImportPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Import / export" />
        <EmptyState title="No shop yet">Products belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const vendorParam = vendors.length > 1 ? vendor.id : undefined;
  const api = await getApi();
  const [warehouses, imports] = await Promise.all([
    api.vendorCatalog.warehouses({ vendorId: vendor.id }),
    api.vendorCatalog.imports({ vendorId: vendor.id, limit: 20 }),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Import / export"
        description={`Add or update many products of ${vendor.name} at once with a CSV file, or download the catalog to edit it in a spreadsheet.`}
      />
      <VendorPicker vendors={vendors} current={vendor.id} action="/catalog-import" />
      <ImportsPanel
        key={vendor.id}
        vendorId={vendor.id}
        initial={imports}
        aside={<ExportForm vendorId={vendor.id} warehouses={warehouses.map((w) => ({ id: w.id, name: w.name }))} />}
      />

      <Card title="CSV format">
        <div className="space-y-4 text-sm text-slate-700" data-testid="csv-help">
          <ul className="list-inside list-disc space-y-1">
            <li>
              <strong>One row per variant.</strong> The product columns repeat on every row of a product, and rows with the same{" "}
              <code>product_ref</code> make one product, so they must agree on them.
            </li>
            <li>
              Required columns: <code>product_ref</code>, <code>category</code>, <code>title_uz</code>, <code>description_uz</code>,{" "}
              <code>sku</code>, <code>price</code>. Other columns may be left out or empty.
            </li>
            <li>
              Prices are in soʻm, e.g. <code>129990</code> or <code>129990.50</code>. Tags are separated by <code>|</code>. Category
              attributes go in <code>attr:&lt;key&gt;</code> columns, e.g. <code>attr:ram</code>.
            </li>
            <li>
              Importing is idempotent by SKU: a known SKU is updated only where the file differs, so importing the same file again changes
              nothing. New products arrive as drafts (submit them for review on the{" "}
              <Link href={`/products${queryString({ vendor: vendorParam, status: "draft" })}`} className="text-indigo-700 hover:underline">
                Products
              </Link>{" "}
              page); a material change (category, title, description, attributes) to a published product sends it back to review.
            </li>
            <li>Rows with errors are skipped and listed by line number (the header is line 1); the other rows are imported.</li>
          </ul>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a href={exportHref(vendor.id, warehouses[0]?.id)} className="font-medium text-indigo-700 hover:underline">
              Download a template (your catalog as CSV)
            </a>
            <a href={BLANK_TEMPLATE_HREF} download="catalog-template.csv" className="text-indigo-700 hover:underline">
              Download an empty template (header only)
            </a>
          </p>
          <TableCard caption="CSV columns">
            <thead>
              <tr>
                <Th>Column</Th>
                <Th>Required</Th>
                <Th>What it holds</Th>
              </tr>
            </thead>
            <tbody>
              {CSV_COLUMNS.map((column) => (
                <tr key={column.name}>
                  <Td className="font-mono text-xs whitespace-nowrap">{column.name}</Td>
                  <Td>{column.required ? "Yes" : "—"}</Td>
                  <Td>{column.help}</Td>
                </tr>
              ))}
              <tr>
                <Td className="font-mono text-xs whitespace-nowrap">attr:&lt;key&gt;</Td>
                <Td>Per category</Td>
                <Td>A category attribute (e.g. attr:origin); the category decides which are required and which values are allowed.</Td>
              </tr>
            </tbody>
          </TableCard>
        </div>
      </Card>
    </div>
  );
}
