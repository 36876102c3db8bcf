import { notFound } from "next/navigation";

import { DocumentLinks } from "~/components/document-links";
import { OrderHistory } from "~/components/order-history";
import { OrderTransition } from "~/components/order-transition";
import { Badge, Card, Details, PageHeader, Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";
import { formatAmount, STATUS_LABELS, STATUS_TONES } from "~/lib/orders";
import { failedWith, getApi, requireStaff } from "~/server/viewer";

export const metadata = { title: "Order" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer order with every vendor's part; staff may make any move the API allows them, with a reason. */
export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const api = await getApi();
  const order = await api.adminOrders.get({ orderId: id }).catch((error: unknown) => {
    if (failedWith(error, "NOT_FOUND")) notFound();
    throw error;
  });
  const warehousesByVendor = new Map(
    await Promise.all(
      order.vendorOrders.map(async (vo) => [vo.id, await api.vendorCatalog.warehouses({ vendorId: vo.vendorId })] as const),
    ),
  );
  const address = order.shippingAddress;
  const regions = await api.users.regions();
  const regionName = regions.find((r) => r.code === address.region)?.name.en ?? address.region;

  return (
    <div className="space-y-6">
      <PageHeader title={`Order ${order.number}`} back={{ href: "/all-orders", label: "All orders" }} />
      <Card title="Order">
        <Details
          items={[
            { label: "Placed", value: formatDateTime(order.createdAt) },
            { label: "Status", value: order.status },
            { label: "Recipient", value: `${address.recipientName ?? ""}, ${address.phone ?? ""}` },
            { label: "Address", value: `${address.street ?? ""}, ${address.city ?? ""}, ${regionName ?? ""}` },
            { label: "Total", value: formatAmount(order.grandTotalAmount) },
          ]}
        />
      </Card>
      {order.vendorOrders.map((vo) => (
        <Card key={vo.id} title={`${vo.number} · ${vo.vendorName}`}>
          <div className="space-y-4">
            <Badge tone={STATUS_TONES[vo.status]}>{STATUS_LABELS[vo.status]}</Badge>
            {vo.trackingNumber ? (
              <p className="text-sm">
                {vo.carrier} · {vo.trackingNumber}
              </p>
            ) : null}
            <DocumentLinks vendorOrderId={vo.id} />
            <OrderTransition
              as="admin"
              vendorId={vo.vendorId}
              vendorOrderId={vo.id}
              status={vo.status}
              allowedMoves={vo.allowedMoves}
              warehouses={(warehousesByVendor.get(vo.id) ?? []).map((w) => ({ id: w.id, name: w.name }))}
            />
            <TableCard caption={`Lines of ${vo.number}`}>
              <thead>
                <tr>
                  <Th>SKU</Th>
                  <Th>Item</Th>
                  <Th className="text-right">Qty</Th>
                  <Th className="text-right">Total</Th>
                </tr>
              </thead>
              <tbody>
                {vo.lines.map((line) => (
                  <tr key={line.id}>
                    <Td className="font-mono text-xs">{line.sku}</Td>
                    <Td>{line.title.en || line.title.uz}</Td>
                    <Td className="text-right">{line.quantity}</Td>
                    <Td className="whitespace-nowrap text-right">{formatAmount(line.lineTotalAmount)}</Td>
                  </tr>
                ))}
              </tbody>
            </TableCard>
            <OrderHistory caption={`History of ${vo.number}`} events={vo.events} />
          </div>
        </Card>
      ))}
    </div>
  );
}
