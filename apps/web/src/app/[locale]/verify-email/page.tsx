import type { Metadata } from "next";

import { AuthCard } from "~/components/account/ui";
import { resolveLocale } from "~/components/locale";
import { searchParam } from "~/components/safe-next";
import { VerifyEmailForm } from "./verify-email-form";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.verifyEmail.title, robots: { index: false } };
}

/**
 * The link from the verification mail. Nothing happens on load (mail scanners open links):
 * the visitor confirms with a button press.
 */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const token = searchParam((await searchParams).token);
  return (
    <AuthCard title={t.verifyEmail.title} intro={token ? t.verifyEmail.intro : undefined}>
      <VerifyEmailForm
        token={token}
        signInHref={`/${locale}/sign-in`}
        labels={{ ...t.verifyEmail, invalidLink: t.common.invalidLink, pleaseWait: t.common.pleaseWait, signIn: t.header.signIn }}
      />
    </AuthCard>
  );
}
