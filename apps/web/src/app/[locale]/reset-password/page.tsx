import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard, linkClass } from "~/components/account/ui";
import { resolveLocale } from "~/components/locale";
import { searchParam } from "~/components/safe-next";
import { ResetPasswordForm } from "./reset-password-form";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.resetPassword.title, robots: { index: false } };
}

/** The link from the password-reset mail: a new password (and the second factor when enrolled). */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const token = searchParam((await searchParams).token);
  return (
    <AuthCard
      title={t.resetPassword.title}
      footer={
        <p>
          <Link href={`/${locale}/sign-in`} className={linkClass}>
            {t.forgotPassword.backToSignIn}
          </Link>
        </p>
      }
    >
      <ResetPasswordForm
        token={token}
        signInHref={`/${locale}/sign-in`}
        forgotHref={`/${locale}/forgot-password`}
        labels={{ ...t.common, ...t.resetPassword, signIn: t.header.signIn }}
      />
    </AuthCard>
  );
}
