import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard, linkClass } from "~/components/account/ui";
import { resolveLocale } from "~/components/locale";
import { ForgotPasswordForm } from "./forgot-password-form";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.forgotPassword.title, robots: { index: false } };
}

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  return (
    <AuthCard
      title={t.forgotPassword.title}
      intro={t.forgotPassword.intro}
      footer={
        <p>
          <Link href={`/${locale}/sign-in`} className={linkClass}>
            {t.forgotPassword.backToSignIn}
          </Link>
        </p>
      }
    >
      <ForgotPasswordForm locale={locale} labels={{ ...t.common, ...t.forgotPassword }} />
    </AuthCard>
  );
}
