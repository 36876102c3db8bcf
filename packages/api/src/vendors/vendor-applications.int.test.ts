import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createAppRoutes } from "../core/app-server";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";

let h: TestHarness;
let filesDir: string;
let routes: ReturnType<typeof createAppRoutes>;
const SUPER_TOTP = "ULTRAMARKETSUPERADMINDEMOTWOSIXA";

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "um-kyc-"));
  h = await createTestHarness({ filesDir });
  await seedDatabase(h.database.url, { products: 5, filesDir });
  routes = createAppRoutes(async () => h.runtime, { exposeInternals: false, sessionCookieName: "c" });
});
afterAll(async () => {
  await h?.close();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function upload(token: string, name: string, bytes: Uint8Array, type = "application/pdf") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const response = await routes.uploadKycDocument(
    new Request("http://localhost:3000/api/uploads/kyc", {
      method: "POST",
      body: form,
      headers: { cookie: `c=${token}`, origin: "http://localhost:3000" },
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { documentId?: string; error?: { message: string; fieldErrors: Record<string, string[]> } },
  };
}

async function storedKycFiles(): Promise<number> {
  return readdir(path.join(filesDir, "private", "kyc")).then(
    (files) => files.length,
    () => 0,
  );
}

const application = (documentIds: string[]) => ({
  storeName: "Chorsu Savdo",
  legalName: "“Chorsu Savdo” MChJ",
  stir: "209876543",
  bankName: "Kapitalbank",
  bankAccount: "20208000900123456001",
  bankMfo: "01158",
  contactName: "Bobur Qodirov",
  contactPhone: "+998 97 765 43 21",
  contactEmail: "bobur@chorsu.uz",
  documentIds,
});

describe("KYC uploads", () => {
  it("refuses files by content, not name, and stores nothing they send", async () => {
    const { token } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const before = await storedKycFiles();
    const php = await upload(token, "guvohnoma.pdf", new TextEncoder().encode("<?php system($_GET['c']); ?>"));
    expect(php.status).toBe(400);
    expect(php.body.error?.fieldErrors.file?.[0]).toMatch(/PDF, JPEG, PNG/);
    const svg = await upload(
      token,
      "logo.png",
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "image/png",
    );
    expect(svg.status).toBe(400);
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(PDF);
    const tooBig = await upload(token, "big.pdf", huge);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error?.fieldErrors.file?.[0]).toMatch(/10 MB/);
    expect(await storedKycFiles()).toBe(before);
  });

  it("refuses anonymous and cross-origin uploads", async () => {
    const form = new FormData();
    form.set("file", new File([PDF], "a.pdf"));
    const anonymous = await routes.uploadKycDocument(new Request("http://localhost:3000/api/uploads/kyc", { method: "POST", body: form }));
    expect(anonymous.status).toBe(401);
    const { token } = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const crossSite = await routes.uploadKycDocument(
      new Request("http://localhost:3000/api/uploads/kyc", {
        method: "POST",
        body: form,
        headers: { cookie: `c=${token}`, origin: "https://evil.example" },
      }),
    );
    expect(crossSite.status).toBe(403);
  });
});

describe("vendor applications", () => {
  it("goes from application to a new vendor owned by the applicant, with audit and mail at each step", async () => {
    const customer = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    const pdf = await upload(customer.token, "guvohnoma.pdf", PDF);
    const png = await upload(
      customer.token,
      "pasport.png",
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
        .png()
        .toBuffer(),
      "image/png",
    );
    expect(pdf.status).toBe(200);
    expect(png.status).toBe(200);

    await expect(
      customer.caller.vendors.submitApplication({ ...application([pdf.body.documentId!]), stir: "12345" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const submitted = await customer.caller.vendors.submitApplication(application([pdf.body.documentId!, png.body.documentId!]));
    expect(submitted.status).toBe("pending");
    expect(submitted.documents).toHaveLength(2);
    await expect(customer.caller.vendors.submitApplication(application([pdf.body.documentId!]))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const admin = await h.signIn("superadmin@ultramarket.uz", DEMO_PASSWORD, SUPER_TOTP);
    const queue = await admin.caller.vendors.listApplications({ status: "pending", limit: 10 });
    expect(queue.items.map((a) => a.id)).toContain(submitted.id);

    // Reviewers download documents; the applicant (a customer) cannot.
    const download = await routes.kycDocument(
      new Request("http://localhost:3001/api/kyc", { headers: { cookie: `c=${admin.token}` } }),
      submitted.id,
      0,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    const denied = await routes.kycDocument(
      new Request("http://localhost:3001/api/kyc", { headers: { cookie: `c=${customer.token}` } }),
      submitted.id,
      0,
    );
    expect(denied.status).toBe(403);
    // Private files are never served by the public file route.
    const key = submitted.documents[0]!.storageKey;
    expect((await routes.file(key.split("/"))).status).toBe(404);

    await expect(admin.caller.vendors.reviewApplication({ applicationId: submitted.id, decision: "reject" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await admin.caller.vendors.reviewApplication({
      applicationId: submitted.id,
      decision: "request_changes",
      note: "Bank hisob raqamini tekshiring",
    });
    expect((await customer.caller.vendors.myApplication())?.status).toBe("changes_requested");

    const again = await upload(customer.token, "guvohnoma-2.pdf", PDF);
    const resubmitted = await customer.caller.vendors.submitApplication(application([again.body.documentId!]));
    expect(resubmitted.id).toBe(submitted.id);
    expect(resubmitted.status).toBe("pending");

    const result = await admin.caller.vendors.reviewApplication({ applicationId: submitted.id, decision: "approve" });
    expect(result.status).toBe("approved");
    await expect(admin.caller.vendors.reviewApplication({ applicationId: submitted.id, decision: "approve" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    // The applicant's old session ended with the role change; signing in again yields a vendor.
    await expect(customer.caller.auth.logout()).resolves.toBeUndefined();
    const vendor = await h.signIn("customer@ultramarket.uz", DEMO_PASSWORD);
    expect(vendor.session).toMatchObject({ kind: "user", role: "VENDOR", vendorIds: [result.vendorId] });
    expect(await vendor.caller.vendors.mine()).toEqual([
      expect.objectContaining({ id: result.vendorId, name: "Chorsu Savdo", slug: "chorsu-savdo" }),
    ]);

    const audit = await admin.caller.audit.list({ targetId: submitted.id, limit: 20 });
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      [
        "vendor_application.approved",
        "vendor_application.changes_requested",
        "vendor_application.submitted",
        "vendor_application.submitted",
      ].sort(),
    );
    const mails = (await h.runtime
      .sql`select count(*)::int as n from pgboss.job where name = 'email-send' and data->>'to' = 'customer@ultramarket.uz'`) as unknown as [
      { n: number },
    ];
    expect(mails[0].n).toBeGreaterThanOrEqual(4);
  });

  it("keeps the audit log append-only", async () => {
    await expect(h.runtime.sql`update audit_log set action = 'x'`).rejects.toThrow(/append-only/);
    await expect(h.runtime.sql`delete from audit_log`).rejects.toThrow(/append-only/);
  });
});
