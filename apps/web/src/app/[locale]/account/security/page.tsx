import type { Metadata } from "next";

import { AccountShell } from "~/components/account/account-shell";
import { resolveLocale } from "~/components/locale";
import { requireUser } from "~/server/session";
import { ChangePasswordForm } from "./change-password-form";
import { DataExport } from "./data-export";
import { DeleteAccount } from "./delete-account";
import { Sessions } from "./sessions";
import { TwoFactor } from "./two-factor";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.security.title, robots: { index: false } };
}

export default async function SecurityPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { api } = await requireUser(locale, "/account/security");
  const [sessions, twoFactor] = await Promise.all([api.users.sessions(), api.auth.totp.status()]);
  const common = t.common;
  return (
    <AccountShell locale={locale} t={t} current="security">
      <Sessions locale={locale} initialSessions={sessions} labels={{ ...t.sessions, common }} />
      <ChangePasswordForm labels={{ ...t.changePassword, common }} />
      <TwoFactor initialStatus={twoFactor} labels={{ ...t.twoFactor, common }} />
      <DataExport labels={{ ...t.dataExport, common }} />
      <DeleteAccount locale={locale} labels={{ ...t.deleteAccount, common }} />
    </AccountShell>
  );
}
