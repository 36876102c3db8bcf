import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { formatPrice } from "@ultramarket/ui";
import { AccountShell } from "~/components/account/account-shell";
import { Badge, Section } from "~/components/account/ui";
import { formatDateTime } from "~/components/format-date";
import { resolveLocale } from "~/components/locale";
import { orNotFound } from "~/components/not-found-error";
import { fill, inLocale } from "~/i18n/shop-messages";
import { requireUser } from "~/server/session";
import { OrderActions } from "./order-actions";

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.shop.orders, robots: { index: false } };
}

/** One order: a part per vendor with its lines, status timeline, tracking, and the moves the shopper may make. */
export default async function OrderPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { api } = await requireUser(locale, `/account/orders/${id}`);
  const [order, regions] = await Promise.all([orNotFound(api.orders.get({ orderId: id })), api.users.regions()]);
  const price = (amount: number) => formatPrice(amount, order.currency, locale);
  const address = order.shippingAddress;
  const regionName = regions.find((r) => r.code === address.region)?.name[locale] ?? address.region;
  const cancellable = order.vendorOrders.filter((vo) => vo.allowedMoves.includes("CANCELLED"));
  return (
    <AccountShell locale={locale} t={t} current="orders">
      <Link href={`/${locale}/account/orders`} className="text-sm text-indigo-700 hover:underline">
        ← {t.shop.orders}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold" data-testid="order-heading">
          {fill(t.shop.orderNumber, { number: order.number })}
        </h2>
        <Badge tone="indigo">{t.shop.status[order.status] ?? order.status}</Badge>
      </div>
      <p className="text-sm text-slate-500">{fill(t.shop.placedAt, { date: formatDateTime(order.createdAt, locale) })}</p>
      {cancellable.length === order.vendorOrders.length && order.vendorOrders.length > 1 ? (
        <OrderActions orderId={order.id} mode="cancel-all" t={t.shop} />
      ) : null}

      {order.vendorOrders.map((vo) => (
        <Section key={vo.id} title={`${vo.number} · ${vo.vendorName}`} id={`part-${vo.id}`}>
          <div className="space-y-4" data-testid="vendor-order" data-number={vo.number}>
            <p>
              <Badge tone={vo.status === "CANCELLED" ? "slate" : "indigo"}>
                <span data-testid="vendor-order-status">{t.shop.status[vo.status] ?? vo.status}</span>
              </Badge>
            </p>
            {vo.trackingNumber ? (
              <p className="text-sm" data-testid="tracking">
                {fill(t.shop.tracking, { carrier: vo.carrier ?? "", number: vo.trackingNumber })}
              </p>
            ) : null}
            <p className="text-sm">
              <a className="text-indigo-700 underline" href={`/api/orders/${vo.id}/invoice.pdf`} data-testid="invoice-link" download>
                {t.shop.invoicePdf}
              </a>
            </p>
            <ul className="divide-y divide-slate-100 text-sm">
              {vo.lines.map((line) => (
                <li key={line.id} className="flex justify-between gap-3 py-2">
                  <span>
                    {inLocale(line.title, locale)} × {line.quantity}
                    <span className="block text-xs text-slate-500">
                      {fill(t.shop.vatLine, { rate: line.vatRateBps / 100, amount: price(line.vatAmount) })}
                    </span>
                  </span>
                  <span className="font-medium">{price(line.lineTotalAmount)}</span>
                </li>
              ))}
            </ul>
            <p className="flex justify-between text-sm text-slate-600">
              <span>
                {t.shop.shipping}
                {/* The order keeps the method's name only as an Uzbek snapshot for staff; shoppers get the estimate. */}
                {vo.deliveryMinDays !== null &&
                vo.deliveryMaxDays !== null &&
                !["DELIVERED", "RETURN_REQUESTED", "RETURNED", "REFUNDED", "CANCELLED"].includes(vo.status)
                  ? ` (${fill(t.shop.expected, {
                      days:
                        vo.deliveryMinDays === vo.deliveryMaxDays
                          ? fill(t.shop.sameDays, { n: vo.deliveryMinDays })
                          : fill(t.shop.days, { min: vo.deliveryMinDays, max: vo.deliveryMaxDays }),
                    })})`
                  : ""}
              </span>
              <span>{price(vo.shippingAmount)}</span>
            </p>
            <p className="flex justify-between font-semibold">
              <span>{t.shop.total}</span>
              <span>{price(vo.totalAmount)}</span>
            </p>
            <div>
              <h3 className="mb-2 text-sm font-medium">{t.shop.timeline}</h3>
              <ol className="space-y-2 border-l-2 border-indigo-100 pl-4 text-sm" data-testid="timeline">
                {vo.events.map((event) => (
                  <li key={event.id}>
                    <span className="font-medium">{t.shop.status[event.toStatus] ?? event.toStatus}</span>{" "}
                    <span className="text-slate-500">{formatDateTime(event.createdAt, locale)}</span>
                    {/* The placing event's note is the system's own ("order placed"), not a reason anyone gave. */}
                    {event.reason && event.fromStatus ? <span className="block text-slate-600">{event.reason}</span> : null}
                  </li>
                ))}
              </ol>
            </div>
            <OrderActions orderId={order.id} vendorOrderId={vo.id} mode="part" allowedMoves={vo.allowedMoves} t={t.shop} />
          </div>
        </Section>
      ))}

      <Section title={t.shop.deliveryTo} id="delivery">
        <address className="text-sm not-italic text-slate-700">
          {address.recipientName}, {address.phone}
          <br />
          {address.street}, {address.city}, {regionName}
        </address>
        <p className="mt-3 text-sm">
          {t.shop.payment}: {t.shop.cod}
        </p>
        <dl className="mt-3 space-y-1 text-sm">
          <div className="flex justify-between">
            <dt>{t.shop.itemsTotal}</dt>
            <dd>{price(order.itemsTotalAmount)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{t.shop.shipping}</dt>
            <dd>{price(order.shippingTotalAmount)}</dd>
          </div>
          <div className="flex justify-between text-slate-500">
            <dt>{t.shop.vatIncluded}</dt>
            <dd>{price(order.vatTotalAmount)}</dd>
          </div>
          <div className="flex justify-between font-semibold">
            <dt>{t.shop.total}</dt>
            <dd>{price(order.grandTotalAmount)}</dd>
          </div>
        </dl>
      </Section>
    </AccountShell>
  );
}
