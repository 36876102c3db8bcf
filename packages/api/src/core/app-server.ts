import { readFile, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import path from "node:path";

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { stringify } from "csv-stringify";

import { resolveCaller } from "../auth/resolve";
import { createCaller } from "../root";
import type { ServerEnv } from "./config";
import { runtimeConfigFromEnv } from "./config";
import { exportCatalog } from "../catalog/import/export";
import { CATALOG_IMPORT_MAX_BYTES, importErrorReport, startImport } from "../catalog/import/import";
import { IMAGE_MAX_BYTES, uploadProductImage } from "../catalog/media";
import type { OrderDocumentKind } from "../orders/documents";
import { renderInvoice, renderPackingSlip } from "../orders/documents";
import { KYC_MAX_BYTES, readKycDocument, uploadKycDocument } from "../vendors/service";
import type { Context, UserSession, VendorContext } from "./context";
import { createContextInner, permissionsOf } from "./context";
import { accessDenied, DOMAIN_TO_TRPC, DomainError, Forbidden, NotFound, Unauthenticated, ValidationFailed } from "./errors";
import { clientIp, handleTrpcRequest, readLimitedBytes } from "./http";
import { renderMetrics } from "./metrics";
import type { Runtime, RuntimeConfig } from "./runtime";
import { checkReadiness, createRuntime } from "./runtime";

const KEY = Symbol.for("ultramarket.runtime");

/**
 * The process's one Runtime, created on first use. Kept on globalThis because Next.js
 * may load this module once per route bundle (and again on every dev reload), and each
 * copy must share one pool of connections.
 */
export function sharedRuntime(config: () => RuntimeConfig): Promise<Runtime> {
  const holder = globalThis as unknown as { [KEY]?: Promise<Runtime> };
  holder[KEY] ??= createRuntime(config());
  return holder[KEY];
}

/**
 * Everything a Next.js app needs from the API, in one call: the process's runtime, the
 * route handlers, and a server-side caller for server components. The app passes its
 * request headers in (`next/headers`), so this package stays free of Next.js imports.
 */
export function createNextAppServer(options: {
  service: string;
  env: ServerEnv;
  sessionCookieName: string;
  publicUrl: string;
  requestHeaders: () => Promise<Headers>;
}) {
  const exposeInternals = options.env.APP_ENV === "development";
  const getRuntime = () => sharedRuntime(() => runtimeConfigFromEnv(options.env, options.service));
  const routes = createAppRoutes(getRuntime, {
    exposeInternals,
    sessionCookieName: options.sessionCookieName,
    trustedOrigins: [new URL(options.publicUrl).origin],
  });
  /**
   * Server components call procedures directly, as the signed-in visitor (resolved from the
   * same cookie the tRPC endpoint reads). They cannot set cookies: sign-in and other
   * mutations go through the tRPC endpoint from client components.
   */
  async function serverApi() {
    const runtime = await getRuntime();
    const headers = await options.requestHeaders();
    const { session } = await resolveCaller(createContextInner(runtime), headers, options.sessionCookieName);
    const request = { ip: clientIp(headers), userAgent: headers.get("user-agent") };
    return createCaller({ ...createContextInner(runtime, { session, request }), exposeInternals });
  }
  return { getRuntime, routes, serverApi };
}

const CONTENT_TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".pdf": "application/pdf",
};

/**
 * Route handlers every Next.js app mounts: the tRPC endpoint, liveness, readiness,
 * Prometheus metrics and local-disk files.
 */
export function createAppRoutes(
  getRuntime: () => Promise<Runtime>,
  options: { exposeInternals: boolean; sessionCookieName: string; trustedOrigins?: string[] },
) {
  /** The request's context, with its caller resolved as for a tRPC call. */
  async function contextFor(request: Request) {
    const runtime = await getRuntime();
    const caller = await resolveCaller(createContextInner(runtime), request.headers, options.sessionCookieName);
    return createContextInner(runtime, {
      session: caller.session,
      request: { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") },
    });
  }

  /**
   * Shared by the upload routes: same-origin check, a signed-in person, the body read up to
   * `maxBytes` plus the multipart envelope (larger bodies are refused unread), one `file`.
   */
  async function handleUpload(
    request: Request,
    maxBytes: number,
    handle: (ctx: Context & { session: UserSession }, form: FormData, file: { name: string; bytes: Uint8Array }) => Promise<unknown>,
  ): Promise<Response> {
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin && !(options.trustedOrigins ?? []).includes(origin)) {
      return errorResponse(new Forbidden("Cross-origin request refused"));
    }
    const ctx = await contextFor(request);
    if (ctx.session?.kind !== "user") return errorResponse(new Unauthenticated("Sign in to continue"));
    const tooLarge = new ValidationFailed("File too large", { file: [`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`] });
    const limit = maxBytes + 64 * 1024;
    if (Number(request.headers.get("content-length") ?? "0") > limit) return errorResponse(tooLarge);
    try {
      const body = await readLimitedBytes(request, limit);
      if (!body) return errorResponse(tooLarge);
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      }).formData();
      const file = form.get("file");
      if (!(file instanceof File)) return errorResponse(new ValidationFailed("No file", { file: ["Choose a file to upload"] }));
      const result = await handle({ ...ctx, session: ctx.session }, form, {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(error);
      if (error instanceof TypeError)
        return errorResponse(new ValidationFailed("Malformed upload", { file: ["The upload could not be read"] }));
      ctx.log.error({ err: error }, "upload failed");
      return Response.json({ error: { message: "Internal server error" } }, { status: 500 });
    }
  }

  /** Vendor-scoped downloads (GET with `vendorId`): the same checks as vendorProcedure. */
  async function vendorDownload(
    request: Request,
    handle: (ctx: VendorContext, params: URLSearchParams) => Promise<Response>,
  ): Promise<Response> {
    const ctx = await contextFor(request);
    if (ctx.session?.kind !== "user") return errorResponse(new Unauthenticated("Sign in to continue"));
    const params = new URL(request.url).searchParams;
    try {
      return await handle(vendorScope({ ...ctx, session: ctx.session }, params.get("vendorId") ?? ""), params);
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(error);
      throw error;
    }
  }

  return {
    async trpc(request: Request): Promise<Response> {
      return handleTrpcRequest(await getRuntime(), request, {
        endpoint: "/api/trpc",
        exposeInternals: options.exposeInternals,
        sessionCookieName: options.sessionCookieName,
        trustedOrigins: options.trustedOrigins,
      });
    },
    /** POST multipart/form-data with one `file`: a KYC document for a vendor application. */
    uploadKycDocument(request: Request): Promise<Response> {
      return handleUpload(request, KYC_MAX_BYTES, (ctx, _form, file) => uploadKycDocument(ctx, { fileName: file.name, bytes: file.bytes }));
    },
    /** POST multipart/form-data with `vendorId`, `productId`, optional `variantId`, and `file`: a product picture. */
    uploadProductImage(request: Request): Promise<Response> {
      return handleUpload(request, IMAGE_MAX_BYTES, (ctx, form, file) => {
        const vendorId = String(form.get("vendorId") ?? "");
        const productId = String(form.get("productId") ?? "");
        const variantId = form.get("variantId") ? String(form.get("variantId")) : undefined;
        if (!UUID.test(vendorId) || !UUID.test(productId) || (variantId && !UUID.test(variantId))) {
          throw new ValidationFailed("Missing ids", { productId: ["Choose the product the picture belongs to"] });
        }
        return uploadProductImage(vendorScope(ctx, vendorId), { productId, variantId, bytes: file.bytes });
      });
    },
    /** POST multipart/form-data with `vendorId` and `file`: a catalog CSV, applied by the catalog-import job. */
    uploadCatalogImport(request: Request): Promise<Response> {
      return handleUpload(request, CATALOG_IMPORT_MAX_BYTES, (ctx, form, file) =>
        startImport(vendorScope(ctx, String(form.get("vendorId") ?? "")), { fileName: file.name, bytes: file.bytes }),
      );
    },
    /** GET ?vendorId=…[&warehouseId=…]: the vendor's catalog as CSV in the import format. */
    catalogExport(request: Request): Promise<Response> {
      return vendorDownload(request, (ctx, params) =>
        csvResponse(exportCatalog(ctx, { warehouseId: params.get("warehouseId") || undefined }), "catalog.csv"),
      );
    },
    /** GET ?vendorId=…&importId=…: an import's refused rows with line numbers, as CSV. */
    importErrorReport(request: Request): Promise<Response> {
      return vendorDownload(request, (ctx, params) => {
        const importId = params.get("importId") ?? "";
        if (!UUID.test(importId)) throw new NotFound("Import not found");
        return csvResponse(importErrorReport(ctx, { importId }), `import-${importId}-errors.csv`);
      });
    },
    /** A KYC document, for reviewers only, never cached, always downloaded (never rendered inline). */
    async kycDocument(request: Request, applicationId: string, index: number): Promise<Response> {
      const ctx = await contextFor(request);
      const session = ctx.session;
      if (!session) return errorResponse(new Unauthenticated("Sign in to continue"));
      if (!permissionsOf(session).has("vendor-applications:review") || (session.kind === "user" && !session.twoFactorVerified)) {
        return errorResponse(new Forbidden("You do not have access to this"));
      }
      try {
        const document = await readKycDocument(ctx, { applicationId, index });
        return downloadResponse(document);
      } catch (error) {
        if (error instanceof DomainError) return errorResponse(error);
        throw error;
      }
    },
    /**
     * GET: a vendor order's invoice or packing slip as PDF. The documents service decides who
     * may read it (the vendor, staff, and for the invoice the customer); anyone else gets 404.
     */
    async orderDocument(request: Request, vendorOrderId: string, kind: OrderDocumentKind): Promise<Response> {
      if (!UUID.test(vendorOrderId)) return errorResponse(new NotFound("Order not found"));
      const ctx = await contextFor(request);
      try {
        const render = kind === "invoice" ? renderInvoice : renderPackingSlip;
        const document = await render(ctx, { vendorOrderId });
        return downloadResponse(document);
      } catch (error) {
        if (error instanceof DomainError) return errorResponse(error);
        throw error;
      }
    },
    /** Liveness: the process answers. Never touches a store, so a slow database cannot get it killed. */
    health(): Response {
      return Response.json({ status: "ok" });
    },
    async ready(): Promise<Response> {
      const readiness = await checkReadiness(await getRuntime());
      return Response.json(readiness, { status: readiness.ok ? 200 : 503 });
    },
    metrics: renderMetrics,
    async file(segments: string[]): Promise<Response> {
      const runtime = await getRuntime();
      const root = path.resolve(/* turbopackIgnore: true */ runtime.config.filesDir);
      const target = path.resolve(/* turbopackIgnore: true */ root, ...segments);
      const type = CONTENT_TYPES[path.extname(target).toLowerCase()];
      // Private files (KYC documents) are never served here.
      const isPrivate = segments[0] === "private";
      if (isPrivate || !target.startsWith(root + path.sep) || !type) return new Response("Not found", { status: 404 });
      try {
        const info = await stat(target);
        if (!info.isFile()) return new Response("Not found", { status: 404 });
        return new Response(new Uint8Array(await readFile(target)), {
          headers: {
            "content-type": type,
            "content-length": String(info.size),
            // Stored files never change under a key (a new upload gets a new key).
            "cache-control": "public, max-age=31536000, immutable",
            "x-content-type-options": "nosniff",
          },
        });
      } catch {
        return new Response("Not found", { status: 404 });
      }
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The vendor scope of vendorProcedure for plain routes: members of the vendor (and staff
 * with a second factor) act for it; to anyone else the vendor does not exist.
 */
function vendorScope(ctx: Context & { session: UserSession }, vendorId: string): VendorContext {
  const permissions = permissionsOf(ctx.session);
  const isStaff = permissions.has("users:manage") && ctx.session.twoFactorVerified;
  const isMember = permissions.has("vendor:manage") && ctx.session.vendorIds.includes(vendorId);
  if (!UUID.test(vendorId) || !(isStaff || isMember)) throw accessDenied(new NotFound("Vendor not found"));
  return { ...ctx, vendorId };
}

/**
 * Streams CSV rows as a download. The first row is read before answering, so an access or
 * lookup error is still an error response, not a broken file.
 */
async function csvResponse(rows: AsyncGenerator<string[]>, fileName: string): Promise<Response> {
  const first = await rows.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* rows;
  }
  // A byte-order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic, oʻ). Cells that a spreadsheet
  // would run as a formula (=, +, -, @ …) get a leading apostrophe; the import takes it off again.
  const body = Readable.from(all()).pipe(stringify({ bom: true, escape_formulas: true }));
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A private file as a download: never cached, never sniffed into another type. */
function downloadResponse(file: { bytes: Uint8Array; contentType: string; fileName: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function errorResponse(error: DomainError): Response {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: DOMAIN_TO_TRPC[error.code] }));
  return Response.json(
    { error: { message: error.message, domainCode: error.code, fieldErrors: error.fieldErrors ?? null } },
    { status, headers: { "cache-control": "no-store" } },
  );
}
