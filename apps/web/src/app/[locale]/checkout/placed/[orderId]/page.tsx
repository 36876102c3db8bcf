import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClass, formatPrice } from "@ultramarket/ui";
import { resolveLocale } from "~/components/locale";
import { orNotFound } from "~/components/not-found-error";
import { fill } from "~/i18n/shop-messages";
import { requireUser } from "~/server/session";

interface Props {
  params: Promise<{ locale: string; orderId: string }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.shop.confirmationTitle, robots: { index: false } };
}

/** Where checkout lands: the order number and a link to the order. */
export default async function OrderPlacedPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { orderId } = await params;
  if (!UUID.test(orderId)) notFound();
  const { api } = await requireUser(locale, `/checkout/placed/${orderId}`);
  const order = await orNotFound(api.orders.get({ orderId }));
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl border border-emerald-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-bold tracking-tight">{t.shop.confirmationTitle}</h1>
      <p className="text-xl font-semibold text-indigo-700" data-testid="order-number">
        {order.number}
      </p>
      <p className="text-sm text-slate-600">{fill(t.shop.confirmationBody, { number: order.number })}</p>
      <p className="text-lg font-semibold">{formatPrice(order.grandTotalAmount, order.currency, locale)}</p>
      <p className="text-sm text-slate-500">{t.shop.cod}</p>
      <div className="flex justify-center gap-3">
        <Link href={`/${locale}/account/orders/${order.id}`} className={buttonClass("primary")}>
          {t.shop.toOrder}
        </Link>
        <Link href={`/${locale}`} className={buttonClass("secondary")}>
          {t.shop.continueShopping}
        </Link>
      </div>
    </div>
  );
}
