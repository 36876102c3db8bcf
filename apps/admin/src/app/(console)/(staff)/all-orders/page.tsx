import Form from "next/form";
import Link from "next/link";

import { buttonClass, EmptyState } from "@ultramarket/ui";
import { SelectField, SubmitButton } from "@ultramarket/ui/forms";
import { OrderFilterFields } from "~/components/order-filter-fields";
import { Badge, PageHeader, Pager, Td, TableCard, Th } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { dayStart, formatAmount, isOrderStatus, STATUS_LABELS, STATUS_TONES } from "~/lib/orders";
import { getApi, requireStaff } from "~/server/viewer";

export const metadata = { title: "All orders" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every vendor order on the marketplace, newest first, by status and the day placed (UTC). */
export default async function AllOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaff();
  const params = await searchParams;
  const status = param(params.status);
  const from = param(params.from);
  const to = param(params.to);
  const cursor = param(params.cursor);
  const api = await getApi();
  const vendors = await api.adminCatalog.vendors();
  const vendorParam = param(params.vendor);
  const vendorId = vendors.some((v) => v.id === vendorParam) ? vendorParam : undefined;
  const page = await api.adminOrders.list({
    status: isOrderStatus(status) ? status : undefined,
    vendorId,
    createdFrom: dayStart(from),
    createdTo: dayStart(to, 1),
    cursor: cursor && UUID.test(cursor) ? cursor : undefined,
    limit: 25,
  });
  const filters = { vendor: vendorId, status, from, to };
  return (
    <div className="space-y-6">
      <PageHeader title="All orders" description="Every vendor's orders. Open one to act on it; staff moves need a reason." />
      <Form action="/all-orders" className="flex flex-wrap items-end gap-3" aria-label="Filter orders">
        <SelectField label="Vendor" name="vendor" defaultValue={vendorId ?? ""} className="w-56">
          <option value="">All vendors</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
        <OrderFilterFields status={status} from={from} to={to} />
        <SubmitButton variant="secondary">Filter</SubmitButton>
        {vendorId || status || from || to ? (
          <Link href="/all-orders" className={buttonClass("secondary")}>
            Clear
          </Link>
        ) : null}
      </Form>
      {page.items.length === 0 ? (
        <EmptyState title="No orders match" />
      ) : (
        <TableCard caption="All orders" testId="all-orders">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th>Vendor</Th>
              <Th>Status</Th>
              <Th>Placed</Th>
              <Th className="text-right">Total</Th>
              <Th className="text-right">Commission</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id}>
                <Td className="font-medium">
                  <Link href={`/all-orders/${order.orderId}`} className="text-indigo-700 hover:underline">
                    {order.number}
                  </Link>
                </Td>
                <Td>{order.vendorName}</Td>
                <Td>
                  <Badge tone={STATUS_TONES[order.status]}>{STATUS_LABELS[order.status]}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(order.createdAt)}</Td>
                <Td className="whitespace-nowrap text-right">{formatAmount(order.totalAmount)}</Td>
                <Td className="whitespace-nowrap text-right">{formatAmount(order.commissionAmount)}</Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <Pager
        first={cursor ? `/all-orders${queryString(filters)}` : null}
        next={page.nextCursor ? `/all-orders${queryString({ ...filters, cursor: page.nextCursor })}` : null}
      />
    </div>
  );
}
