import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard, linkClass } from "~/components/account/ui";
import { resolveLocale } from "~/components/locale";
import { SignUpForm } from "./sign-up-form";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.signUp.title, robots: { index: false } };
}

export default async function SignUpPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  return (
    <AuthCard
      title={t.signUp.title}
      intro={t.signUp.intro}
      footer={
        <p>
          {t.signUp.haveAccount}{" "}
          <Link href={`/${locale}/sign-in`} className={linkClass}>
            {t.header.signIn}
          </Link>
        </p>
      }
    >
      <SignUpForm locale={locale} labels={{ ...t.common, ...t.signUp }} />
    </AuthCard>
  );
}
