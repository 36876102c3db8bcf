import type { Metadata } from "next";

import { CartView } from "~/components/cart/cart-view";
import { resolveLocale } from "~/components/locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.shop.cartTitle, robots: { index: false } };
}

/** The cart: a client view over cart.get (guests' carts live behind a signed cookie, so nothing here is cached). */
export default async function CartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await resolveLocale(params);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t.shop.cartTitle}</h1>
      <CartView locale={locale} t={t.shop} />
    </div>
  );
}
