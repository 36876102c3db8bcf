import type { Metadata } from "next";
import Link from "next/link";

import { buttonClass, EmptyState, formatPrice } from "@ultramarket/ui";
import { AccountShell } from "~/components/account/account-shell";
import { Badge } from "~/components/account/ui";
import { formatDateTime } from "~/components/format-date";
import { resolveLocale } from "~/components/locale";
import { fill } from "~/i18n/shop-messages";
import { requireUser } from "~/server/session";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.shop.orders, robots: { index: false } };
}

/** The shopper's orders, newest first, 10 a page (`?after=<last order id>`). */
export default async function OrdersPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { api } = await requireUser(locale, "/account/orders");
  const after = (await searchParams).after;
  const cursor = typeof after === "string" && UUID.test(after) ? after : undefined;
  const page = await api.orders.list({ cursor, limit: 10 });
  return (
    <AccountShell locale={locale} t={t} current="orders">
      {page.items.length === 0 ? (
        <EmptyState title={t.shop.ordersEmpty}>
          <Link href={`/${locale}`} className={buttonClass("secondary")}>
            {t.shop.continueShopping}
          </Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="orders">
          {page.items.map((order) => (
            <li key={order.id}>
              <Link
                href={`/${locale}/account/orders/${order.id}`}
                className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 hover:border-indigo-300"
              >
                <span>
                  <span className="block font-semibold">{fill(t.shop.orderNumber, { number: order.number })}</span>
                  <span className="block text-sm text-slate-500">
                    {fill(t.shop.placedAt, { date: formatDateTime(order.createdAt, locale) })}
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <Badge tone={order.status === "CANCELLED" ? "slate" : "indigo"}>{t.shop.status[order.status] ?? order.status}</Badge>
                  <span className="font-semibold">{formatPrice(order.grandTotalAmount, order.currency, locale)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t.search.pages} className="flex gap-3">
        {cursor ? (
          <Link href={`/${locale}/account/orders`} className={buttonClass("secondary")}>
            {t.shop.firstPage}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/${locale}/account/orders?after=${page.nextCursor}`} className={buttonClass("secondary")}>
            {t.shop.moreOrders}
          </Link>
        ) : null}
      </nav>
    </AccountShell>
  );
}
