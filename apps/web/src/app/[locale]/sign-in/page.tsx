import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AuthCard, linkClass } from "~/components/account/ui";
import { resolveLocale } from "~/components/locale";
import { safeNext } from "~/components/safe-next";
import { serverApi } from "~/server/runtime";
import { SignInForm } from "./sign-in-form";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.signIn.title, robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale, t } = await resolveLocale(params);
  const next = safeNext((await searchParams).next) ?? `/${locale}/account`;
  // Already signed in: straight on to where the visitor was going.
  if (await (await serverApi()).auth.me()) redirect(next);
  return (
    <AuthCard
      title={t.signIn.title}
      footer={
        <>
          <p>
            <Link href={`/${locale}/forgot-password`} className={linkClass}>
              {t.signIn.forgot}
            </Link>
          </p>
          <p>
            {t.signIn.noAccount}{" "}
            <Link href={`/${locale}/sign-up`} className={linkClass}>
              {t.header.signUp}
            </Link>
          </p>
        </>
      }
    >
      <SignInForm next={next} labels={{ ...t.common, ...t.signIn }} />
    </AuthCard>
  );
}
