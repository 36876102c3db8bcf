import { notFound } from "next/navigation";

import { EmptyState } from "@ultramarket/ui";
import { DocumentLinks } from "~/components/document-links";
import { OrderHistory } from "~/components/order-history";
import { OrderTransition } from "~/components/order-transition";
import { Badge, Card, Details, PageHeader, Td, TableCard, Th } from "~/components/ui";
import type { SearchParams } from "~/lib/format";
import { formatDateTime, param, queryString } from "~/lib/format";
import { formatAmount, STATUS_LABELS, STATUS_TONES } from "~/lib/orders";
import { currentVendor } from "~/server/vendor";
import { failedWith, getApi } from "~/server/viewer";

export const metadata = { title: "Order" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the vendor's orders: lines, delivery, the event log and the moves the API allows. */
export default async function VendorOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { vendors, vendor } = await currentVendor(param((await searchParams).vendor));
  if (!vendor) return <EmptyState title="No shop yet">Orders belong to a shop; this account does not run one.</EmptyState>;
  const api = await getApi();
  const order = await api.vendorOrders.get({ vendorId: vendor.id, vendorOrderId: id }).catch((error: unknown) => {
    if (failedWith(error, "NOT_FOUND")) notFound();
    throw error;
  });
  const [warehouses, regions] = await Promise.all([api.vendorCatalog.warehouses({ vendorId: vendor.id }), api.users.regions()]);
  const address = order.shippingAddress;
  const regionName = regions.find((r) => r.code === address.region)?.name.en ?? address.region;
  const warehouseName = new Map(warehouses.map((w) => [w.id, w.name]));

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Order ${order.number}`}
        back={{ href: `/orders${queryString({ vendor: vendors.length > 1 ? vendor.id : undefined })}`, label: "Orders" }}
        description={
          <span data-testid="order-status">
            <Badge tone={STATUS_TONES[order.status]}>{STATUS_LABELS[order.status]}</Badge>
          </span>
        }
      />
      <Card title="Actions">
        <OrderTransition
          as="vendor"
          vendorId={vendor.id}
          vendorOrderId={order.id}
          status={order.status}
          allowedMoves={order.allowedMoves}
          warehouses={warehouses.map((w) => ({ id: w.id, name: w.name }))}
        />
      </Card>
      <Card title="Documents">
        <DocumentLinks vendorOrderId={order.id} />
      </Card>
      <Card title="Delivery">
        <Details
          items={[
            { label: "Customer order", value: order.orderNumber },
            { label: "Placed", value: formatDateTime(order.createdAt) },
            { label: "Recipient", value: `${address.recipientName ?? ""}, ${address.phone ?? ""}` },
            { label: "Address", value: `${address.street ?? ""}, ${address.city ?? ""}, ${regionName}` },
            {
              label: "Method",
              value: `${order.shippingMethod ?? "—"}${order.deliveryMinDays !== null ? ` (${order.deliveryMinDays}–${order.deliveryMaxDays} days)` : ""}`,
            },
            { label: "Payment", value: order.paymentMethod === "cod" ? "Cash on delivery" : order.paymentMethod },
            { label: "Carrier", value: order.carrier ?? "—" },
            { label: "Tracking number", value: <span data-testid="tracking-number">{order.trackingNumber ?? "—"}</span> },
            ...(order.cancelReason ? [{ label: "Cancel reason", value: order.cancelReason }] : []),
          ]}
        />
      </Card>
      <TableCard caption="Lines">
        <thead>
          <tr>
            <Th>SKU</Th>
            <Th>Item</Th>
            <Th>Warehouse</Th>
            <Th className="text-right">Qty</Th>
            <Th className="text-right">Price</Th>
            <Th className="text-right">VAT</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <Td className="font-mono text-xs">{line.sku}</Td>
              <Td>{line.title.en || line.title.uz}</Td>
              <Td>{line.warehouseId ? (warehouseName.get(line.warehouseId) ?? "—") : "—"}</Td>
              <Td className="text-right">{line.quantity}</Td>
              <Td className="whitespace-nowrap text-right">{formatAmount(line.unitPriceAmount)}</Td>
              <Td className="whitespace-nowrap text-right">{formatAmount(line.vatAmount)}</Td>
              <Td className="whitespace-nowrap text-right">{formatAmount(line.lineTotalAmount)}</Td>
            </tr>
          ))}
          <tr>
            <Td className="font-medium">Delivery</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td className="whitespace-nowrap text-right">{formatAmount(order.shippingAmount)}</Td>
          </tr>
          <tr>
            <Td className="font-semibold">Total</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td>{""}</Td>
            <Td className="whitespace-nowrap text-right font-semibold">{formatAmount(order.totalAmount)}</Td>
          </tr>
        </tbody>
      </TableCard>
      {order.reservations.length > 0 ? (
        <TableCard caption="Stock held for this order" testId="order-reservations">
          <thead>
            <tr>
              <Th>Warehouse</Th>
              <Th className="text-right">Qty</Th>
              <Th>Hold</Th>
              <Th>Expires</Th>
            </tr>
          </thead>
          <tbody>
            {order.reservations.map((r) => (
              <tr key={r.id}>
                <Td>{warehouseName.get(r.warehouseId) ?? "—"}</Td>
                <Td className="text-right">{r.quantity}</Td>
                <Td>{r.status}</Td>
                <Td className="whitespace-nowrap text-slate-500">{r.status === "active" ? formatDateTime(r.expiresAt) : "—"}</Td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      ) : null}
      <OrderHistory caption="History" events={order.events} testId="order-history" />
    </div>
  );
}
