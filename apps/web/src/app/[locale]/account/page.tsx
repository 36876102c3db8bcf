import type { Metadata } from "next";

import { AccountShell } from "~/components/account/account-shell";
import { resolveLocale } from "~/components/locale";
import { requireUser } from "~/server/session";
import { Addresses } from "./addresses";
import { ProfileForm } from "./profile-form";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.account.title, robots: { index: false } };
}

export default async function AccountPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { api, me } = await requireUser(locale, "/account");
  const [addresses, regions] = await Promise.all([api.users.addresses(), api.users.regions()]);
  return (
    <AccountShell locale={locale} t={t} current="profile">
      <ProfileForm user={{ email: me.email, name: me.name, phone: me.phone, locale: me.locale }} labels={{ ...t.common, ...t.profile }} />
      <Addresses
        locale={locale}
        initialAddresses={addresses}
        regions={regions}
        defaultRecipient={{ name: me.name, phone: me.phone ?? "" }}
        labels={{ ...t.addresses, common: t.common }}
      />
    </AccountShell>
  );
}
