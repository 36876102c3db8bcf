import type { Metadata } from "next";
import Link from "next/link";

import { buttonClass } from "@ultramarket/ui";
import { AccountShell } from "~/components/account/account-shell";
import { Badge, Section } from "~/components/account/ui";
import { formatDateTime } from "~/components/format-date";
import { resolveLocale } from "~/components/locale";
import { requireUser } from "~/server/session";
import { VendorApplicationForm } from "./vendor-application-form";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await resolveLocale(params);
  return { title: t.sell.title, robots: { index: false } };
}

const STATUS_TONE = { pending: "amber", changes_requested: "amber", approved: "emerald", rejected: "red" } as const;

/** "Become a vendor": the latest application's status, and the form when one may be (re)submitted. */
export default async function SellPage({ params }: Props) {
  const { locale, t } = await resolveLocale(params);
  const { api, me } = await requireUser(locale, "/account/sell");
  const application = await api.vendors.myApplication();
  const canApply = !application || application.status === "changes_requested";
  const statusBody = {
    pending: t.sell.pendingBody,
    changes_requested: t.sell.changesBody,
    approved: t.sell.approvedBody,
    rejected: t.sell.rejectedBody,
  } as const;

  return (
    <AccountShell locale={locale} t={t} current="sell">
      {application ? (
        <Section
          id="application"
          title={t.sell.statusLabel}
          actions={<Badge tone={STATUS_TONE[application.status]}>{t.sell.statuses[application.status] ?? application.status}</Badge>}
        >
          <div className="space-y-3 text-sm">
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-500">{t.sell.storeName}</dt>
              <dd className="font-medium text-slate-900">{application.storeName}</dd>
              <dt className="text-slate-500">{t.sell.statusLabel}</dt>
              <dd>
                <code data-testid="application-status" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                  {application.status}
                </code>
              </dd>
              <dt className="text-slate-500">{t.sell.submitted}</dt>
              <dd>
                <time dateTime={application.createdAt.toISOString()}>{formatDateTime(application.createdAt, locale)}</time>
              </dd>
            </dl>
            <p className="text-slate-700">{statusBody[application.status]}</p>
            {application.reviewNote && (application.status === "changes_requested" || application.status === "rejected") ? (
              <figure className="rounded-lg border border-amber-200 bg-amber-50 p-4">
                <figcaption className="font-medium text-amber-900">{t.sell.reviewNote}</figcaption>
                <blockquote className="mt-1 whitespace-pre-line text-amber-900" data-testid="review-note">
                  {application.reviewNote}
                </blockquote>
              </figure>
            ) : null}
            {application.status === "approved" ? (
              <Link href={`/${locale}/account`} className={buttonClass("secondary")}>
                {t.sell.backToAccount}
              </Link>
            ) : null}
          </div>
        </Section>
      ) : null}
      {canApply ? (
        <Section id="apply" title={t.sell.title} description={t.sell.intro}>
          <VendorApplicationForm
            initial={
              application
                ? {
                    storeName: application.storeName,
                    legalName: application.legalName,
                    stir: application.stir,
                    bankName: application.bankName,
                    bankAccount: application.bankAccount,
                    bankMfo: application.bankMfo,
                    contactName: application.contactName,
                    contactPhone: application.contactPhone,
                    contactEmail: application.contactEmail,
                  }
                : {
                    storeName: "",
                    legalName: "",
                    stir: "",
                    bankName: "",
                    bankAccount: "",
                    bankMfo: "",
                    contactName: me.name,
                    contactPhone: me.phone ?? "",
                    contactEmail: me.email,
                  }
            }
            labels={{ ...t.sell, common: t.common }}
          />
        </Section>
      ) : null}
    </AccountShell>
  );
}
