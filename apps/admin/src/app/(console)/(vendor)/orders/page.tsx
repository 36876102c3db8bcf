import Form from "next/form";
import Link from "next/link";

import { buttonClass, EmptyState } from "@ultramarket/ui";
import { SubmitButton } from "@ultramarket/ui/forms";
import { OrderFilterFields } from "~/components/order-filter-fields";
import { Badge, PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import { VendorPicker } from "~/components/vendor-picker";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { dayStart, formatAmount, isOrderStatus, STATUS_LABELS, STATUS_TONES } from "~/lib/orders";
import { currentVendor } from "~/server/vendor";
import { getApi } from "~/server/viewer";
import { BulkShip } from "./bulk-ship";

export const metadata = { title: "Orders" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The vendor's order queue: by status and the day placed (UTC), newest first, 25 a page. */
export default async function VendorOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { vendors, vendor } = await currentVendor(param(params.vendor));
  if (!vendor) {
    return (
      <div className="space-y-6">
        <PageHeader title="Orders" />
        <EmptyState title="No shop yet">Orders belong to a shop; this account does not run one.</EmptyState>
      </div>
    );
  }
  const status = param(params.status);
  const from = param(params.from);
  const to = param(params.to);
  const cursor = param(params.cursor);
  const api = await getApi();
  const regions = new Map((await api.users.regions()).map((r) => [r.code, r.name.en]));
  const page = await api.vendorOrders.list({
    vendorId: vendor.id,
    status: isOrderStatus(status) ? status : undefined,
    createdFrom: dayStart(from),
    createdTo: dayStart(to, 1),
    cursor: cursor && UUID.test(cursor) ? cursor : undefined,
    limit: 25,
  });
  const filters = { vendor: vendors.length > 1 ? vendor.id : undefined, status, from, to };
  const processing = page.items.filter((o) => o.status === "PROCESSING").map((o) => ({ id: o.id, number: o.number }));

  return (
    <div className="space-y-6">
      <PageHeader title="Orders" description={`${vendor.name}'s orders: confirm, pack, ship and deliver them.`} />
      <VendorPicker vendors={vendors} current={vendor.id} action="/orders" />
      <Form action="/orders" className="flex flex-wrap items-end gap-3" aria-label="Filter orders">
        {vendors.length > 1 ? <input type="hidden" name="vendor" value={vendor.id} /> : null}
        <OrderFilterFields status={status} from={from} to={to} />
        <SubmitButton variant="secondary">Filter</SubmitButton>
        {status || from || to ? (
          <Link href="/orders" className={buttonClass("secondary")}>
            Clear
          </Link>
        ) : null}
      </Form>
      {page.items.length === 0 ? (
        <EmptyState title="No orders match">Orders appear here as shoppers place them.</EmptyState>
      ) : (
        <TableCard caption="Orders" testId="vendor-orders">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th>Status</Th>
              <Th>Placed</Th>
              <Th>Region</Th>
              <Th>Delivery</Th>
              <Th className="text-right">Total</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id} data-testid="vendor-order-row">
                <Td className="font-medium">
                  <Link href={`/orders/${order.id}${queryString({ vendor: filters.vendor })}`} className="text-indigo-700 hover:underline">
                    {order.number}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={STATUS_TONES[order.status]}>{STATUS_LABELS[order.status]}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(order.createdAt)}</Td>
                <Td>{regions.get(order.region) ?? order.region}</Td>
                <Td>{order.shippingMethod ?? "—"}</Td>
                <Td className="whitespace-nowrap text-right">{formatAmount(order.totalAmount)}</Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/orders${queryString(filters)}` : null}
        next={page.nextCursor ? `/orders${queryString({ ...filters, cursor: page.nextCursor })}` : null}
      />
      {processing.length > 0 ? <BulkShip vendorId={vendor.id} orders={processing} /> : null}
    </div>
  );
}
