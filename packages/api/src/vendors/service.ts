import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { z } from "zod";

import type { KycDocument, Locale } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import { endSessionsAfterPrivilegeChange } from "../auth/service";
import { pageByLastId } from "../core/cursor";
import type { Context, UserSession } from "../core/context";
import { withTransaction } from "../core/context";
import { Conflict, InvalidState, NotFound, ValidationFailed } from "../core/errors";
import { slugify } from "../core/slug";
import { inspectUpload } from "../files/storage";
import { sendEmailJob } from "../jobs/definitions/send-email";
import { MAIL } from "../notifications/templates";
import type { applyInput, listApplicationsInput, reviewInput } from "./schema";

const { vendorApplications, vendors, vendorMembers, users } = schema;
type SelfContext = Context & { session: UserSession };

export const KYC_MAX_BYTES = 10 * 1024 * 1024;
export const KYC_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
const UPLOAD_TTL_SECONDS = 24 * 60 * 60;

/**
 * Stores one KYC document privately (checked by content: PDF, JPEG or PNG, ≤ 10 MB) and
 * returns an id the application form refers to. Unclaimed uploads expire after a day.
 */
export async function uploadKycDocument(ctx: SelfContext, input: { fileName: string; bytes: Uint8Array }) {
  const { contentType, extension } = await inspectUpload(input.bytes, { allowed: KYC_TYPES, maxBytes: KYC_MAX_BYTES, field: "file" });
  const stored = await ctx.files.put({ folder: "kyc", bytes: input.bytes, contentType, extension, visibility: "private" });
  const document: KycDocument = {
    storageKey: stored.storageKey,
    fileName: input.fileName.slice(0, 200) || `document.${extension}`,
    contentType,
    size: stored.size,
  };
  const documentId = newId();
  await ctx.kv.set(`kyc-upload:${documentId}`, JSON.stringify({ userId: ctx.session.userId, document }), {
    ttlSeconds: UPLOAD_TTL_SECONDS,
  });
  return { documentId, fileName: document.fileName, contentType, size: document.size };
}

async function claimUploads(ctx: SelfContext, documentIds: string[]): Promise<KycDocument[]> {
  const documents: KycDocument[] = [];
  for (const [index, id] of documentIds.entries()) {
    const raw = await ctx.kv.get(`kyc-upload:${id}`);
    const upload = raw ? (JSON.parse(raw) as { userId: string; document: KycDocument }) : null;
    if (!upload || upload.userId !== ctx.session.userId) {
      throw new ValidationFailed("A document is missing", { [`documentIds.${index}`]: ["This upload has expired; attach the file again"] });
    }
    documents.push(upload.document);
  }
  return documents;
}

/** A customer applies to sell. One open application at a time; one sent back for changes is resubmitted. */
export async function apply(ctx: SelfContext, input: z.infer<typeof applyInput>) {
  const documents = await claimUploads(ctx, input.documentIds);
  const { documentIds: _ids, ...fields } = input;
  const application = await withTransaction(ctx, async (tx) => {
    const [open] = await tx.db
      .select()
      .from(vendorApplications)
      .where(
        and(eq(vendorApplications.applicantId, ctx.session.userId), inArray(vendorApplications.status, ["pending", "changes_requested"])),
      )
      .for("update");
    if (open?.status === "pending") throw new Conflict("Your application is already under review");
    const [row] = open
      ? await tx.db
          .update(vendorApplications)
          .set({ ...fields, documents, status: "pending", reviewNote: null })
          .where(eq(vendorApplications.id, open.id))
          .returning()
      : await tx.db
          .insert(vendorApplications)
          .values({ ...fields, documents, applicantId: ctx.session.userId })
          .returning();
    await recordAudit(tx, { action: "vendor_application.submitted", targetType: "vendor_application", targetId: row!.id });
    await notifyApplicant(tx, row!.applicantId, "received");
    return row!;
  });
  for (const id of input.documentIds) await ctx.kv.del(`kyc-upload:${id}`);
  return application;
}

const STATUS_TEXT: Record<string, Record<Locale, string>> = {
  received: { uz: "qabul qilindi", ru: "получена", en: "received" },
  approved: { uz: "tasdiqlandi", ru: "одобрена", en: "approved" },
  rejected: { uz: "rad etildi", ru: "отклонена", en: "rejected" },
  changes_requested: { uz: "oʻzgartirish kerak", ru: "нужны исправления", en: "changes requested" },
};

async function notifyApplicant(ctx: Context, applicantId: string, status: keyof typeof STATUS_TEXT, note?: string) {
  const [applicant] = await ctx.db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, applicantId));
  if (!applicant) return;
  const locale = (applicant.locale as Locale) ?? "uz";
  const link = status === "approved" ? ctx.config.publicAdminUrl : `${ctx.config.publicWebUrl}/${locale}/account/sell`;
  await ctx.jobs.enqueue(
    ctx.db,
    sendEmailJob,
    MAIL.vendorApplication(applicant.email, locale, { status: STATUS_TEXT[status]![locale], note: note ?? "", link }),
  );
}

export async function myApplication(ctx: SelfContext) {
  const [row] = await ctx.db
    .select()
    .from(vendorApplications)
    .where(eq(vendorApplications.applicantId, ctx.session.userId))
    .orderBy(desc(vendorApplications.id))
    .limit(1);
  return row ?? null;
}

export async function listApplications(ctx: Pick<Context, "db">, input: z.infer<typeof listApplicationsInput>) {
  const rows = await ctx.db
    .select({
      id: vendorApplications.id,
      storeName: vendorApplications.storeName,
      legalName: vendorApplications.legalName,
      stir: vendorApplications.stir,
      status: vendorApplications.status,
      createdAt: vendorApplications.createdAt,
      applicantEmail: users.email,
    })
    .from(vendorApplications)
    .innerJoin(users, eq(users.id, vendorApplications.applicantId))
    .where(
      and(
        input.status ? eq(vendorApplications.status, input.status) : undefined,
        input.cursor ? lt(vendorApplications.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(vendorApplications.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

export async function getApplication(ctx: Pick<Context, "db">, input: { applicationId: string }) {
  const [row] = await ctx.db
    .select({ application: vendorApplications, applicantEmail: users.email, applicantName: users.name })
    .from(vendorApplications)
    .innerJoin(users, eq(users.id, vendorApplications.applicantId))
    .where(eq(vendorApplications.id, input.applicationId));
  if (!row) throw new NotFound("Application not found");
  return { ...row.application, applicantEmail: row.applicantEmail, applicantName: row.applicantName };
}

/**
 * pending → approved | rejected | changes_requested, decided by an admin. Approval creates
 * the vendor, makes the applicant its owner and a VENDOR, and ends their sessions so the
 * next sign-in carries the new role.
 */
export async function reviewApplication(ctx: SelfContext, input: z.infer<typeof reviewInput>) {
  const result = await withTransaction(ctx, async (tx) => {
    const [application] = await tx.db.select().from(vendorApplications).where(eq(vendorApplications.id, input.applicationId)).for("update");
    if (!application) throw new NotFound("Application not found");
    if (application.status !== "pending")
      throw new InvalidState(`This application is ${application.status.replace("_", " ")}, not pending`);
    const reviewed = { reviewerId: ctx.session.userId, reviewNote: input.note ?? null, reviewedAt: tx.clock.now() };
    if (input.decision !== "approve") {
      const status = input.decision === "reject" ? "rejected" : "changes_requested";
      await tx.db
        .update(vendorApplications)
        .set({ ...reviewed, status })
        .where(eq(vendorApplications.id, application.id));
      await recordAudit(tx, {
        action: `vendor_application.${status}`,
        targetType: "vendor_application",
        targetId: application.id,
        metadata: { note: input.note },
      });
      await notifyApplicant(tx, application.applicantId, status, input.note);
      return { status, vendorId: null, applicantId: application.applicantId };
    }
    const base = slugify(application.storeName, 50) || "store";
    const taken = await tx.db.select({ slug: vendors.slug }).from(vendors).where(eq(vendors.slug, base));
    const slug = taken.length ? `${base}-${application.id.slice(-6)}` : base;
    const [vendor] = await tx.db
      .insert(vendors)
      .values({
        slug,
        name: application.storeName,
        legalName: application.legalName,
        stir: application.stir,
        description: { uz: application.storeName, ru: application.storeName, en: application.storeName },
      })
      .returning({ id: vendors.id });
    await tx.db.insert(vendorMembers).values({ vendorId: vendor!.id, userId: application.applicantId, role: "owner" });
    const [applicant] = await tx.db.select({ role: users.role }).from(users).where(eq(users.id, application.applicantId));
    if (applicant?.role === "CUSTOMER") await tx.db.update(users).set({ role: "VENDOR" }).where(eq(users.id, application.applicantId));
    await tx.db
      .update(vendorApplications)
      .set({ ...reviewed, status: "approved", vendorId: vendor!.id })
      .where(eq(vendorApplications.id, application.id));
    await recordAudit(tx, {
      action: "vendor_application.approved",
      targetType: "vendor_application",
      targetId: application.id,
      metadata: { vendorId: vendor!.id },
    });
    await recordAudit(tx, {
      action: "vendor.member_added",
      targetType: "vendor",
      targetId: vendor!.id,
      metadata: { userId: application.applicantId, role: "owner" },
    });
    if (applicant?.role === "CUSTOMER") {
      await recordAudit(tx, {
        action: "user.role_changed",
        targetType: "user",
        targetId: application.applicantId,
        metadata: { from: "CUSTOMER", to: "VENDOR" },
      });
    }
    await notifyApplicant(tx, application.applicantId, "approved");
    return { status: "approved" as const, vendorId: vendor!.id, applicantId: application.applicantId };
  });
  if (result.status === "approved") await endSessionsAfterPrivilegeChange(ctx, result.applicantId);
  return { status: result.status, vendorId: result.vendorId };
}

/** The KYC document bytes, for reviewers only (the route checks the permission). */
export async function readKycDocument(ctx: Context, input: { applicationId: string; index: number }) {
  const application = await getApplication(ctx, input);
  const document = application.documents[input.index];
  if (!document) throw new NotFound("Document not found");
  const bytes = await ctx.files.read(document.storageKey);
  if (!bytes) throw new NotFound("Document not found");
  return { ...document, bytes };
}

export async function myVendors(ctx: SelfContext) {
  if (ctx.session.vendorIds.length === 0) return [];
  return ctx.db
    .select({ id: vendors.id, slug: vendors.slug, name: vendors.name, status: vendors.status })
    .from(vendors)
    .where(inArray(vendors.id, ctx.session.vendorIds));
}
