import type { Metadata } from "next";

import { resolveLocale } from "~/components/locale";
import { requireUser } from "~/server/session";
import { CheckoutForm } from "./checkout-form";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.shop.checkoutTitle, robots: { index: false } };
}

/** Checkout needs an account: guests sign in and come back here, their cart merged into the account's. */
export default async function CheckoutPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { api, me } = await requireUser(locale, "/checkout");
  const [addresses, regions] = await Promise.all([api.users.addresses(), api.users.regions()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t.shop.checkoutTitle}</h1>
      <CheckoutForm
        locale={locale}
        initialAddresses={addresses}
        regions={regions}
        defaultRecipient={{ name: me.name, phone: me.phone ?? "" }}
        t={t.shop}
        addressLabels={{ ...t.addresses, common: t.common }}
      />
    </div>
  );
}
