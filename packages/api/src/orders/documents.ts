import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { asc, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";

import type { Locale } from "@ultramarket/db";
import { LOCALES, schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { permissionsOf } from "../core/context";
import { accessDenied, NotFound, Unauthenticated } from "../core/errors";
import { localize } from "../core/locale";
import { formatPrice } from "../core/money";
import { REGIONS } from "../geo/regions";
import type { DocumentLabels } from "./document-labels";
import { DOCUMENT_LABELS } from "./document-labels";

const { orderLines, orders, users, vendorOrders, vendors } = schema;

export type OrderDocumentKind = "invoice" | "packing-slip";

export interface OrderDocument {
  fileName: string;
  contentType: "application/pdf";
  bytes: Uint8Array;
}

// ── who may read which document ─────────────────────────────────────────────────────

async function loadVendorOrder(ctx: Context, vendorOrderId: string) {
  const [row] = await ctx.db
    .select({
      vendorOrder: vendorOrders,
      order: orders,
      vendor: { name: vendors.name, legalName: vendors.legalName, stir: vendors.stir },
      customer: { name: users.name, email: users.email },
    })
    .from(vendorOrders)
    .innerJoin(orders, eq(orders.id, vendorOrders.orderId))
    .innerJoin(vendors, eq(vendors.id, vendorOrders.vendorId))
    .leftJoin(users, eq(users.id, orders.customerId))
    .where(eq(vendorOrders.id, vendorOrderId));
  return row ?? null;
}

type VendorOrderRow = NonNullable<Awaited<ReturnType<typeof loadVendorOrder>>>;

/**
 * The vendor order's own vendor and staff (after their second factor) may read both
 * documents; the customer who placed the order may read its invoice. To anyone else the
 * vendor order does not exist, so its id reveals nothing.
 */
function assertMayRead(ctx: Context, row: VendorOrderRow | null, kind: OrderDocumentKind): asserts row is VendorOrderRow {
  const session = ctx.session;
  if (!session) throw new Unauthenticated("Sign in to continue");
  const permissions = permissionsOf(session);
  const isStaff = permissions.has("orders:manage") && (session.kind !== "user" || session.twoFactorVerified);
  const isVendor =
    session.kind === "user" && permissions.has("vendor:manage") && !!row && session.vendorIds.includes(row.vendorOrder.vendorId);
  const isBuyer = session.kind === "user" && kind === "invoice" && !!row && row.order.customerId === session.userId;
  if (!row || !(isStaff || isVendor || isBuyer)) throw accessDenied(new NotFound("Order not found"));
}

/** The vendor order's invoice (prices, VAT, STIR, IKPU codes) as PDF, in the order's language. */
export async function renderInvoice(ctx: Context, input: { vendorOrderId: string }): Promise<OrderDocument> {
  return renderDocument(ctx, input.vendorOrderId, "invoice");
}

/** The vendor order's packing slip (no prices) as PDF, in the order's language. */
export async function renderPackingSlip(ctx: Context, input: { vendorOrderId: string }): Promise<OrderDocument> {
  return renderDocument(ctx, input.vendorOrderId, "packing-slip");
}

async function renderDocument(ctx: Context, vendorOrderId: string, kind: OrderDocumentKind): Promise<OrderDocument> {
  const row = await loadVendorOrder(ctx, vendorOrderId);
  assertMayRead(ctx, row, kind);
  const lines = await ctx.db.select().from(orderLines).where(eq(orderLines.vendorOrderId, vendorOrderId)).orderBy(asc(orderLines.id));
  const locale = (LOCALES as readonly string[]).includes(row.order.locale) ? (row.order.locale as Locale) : "uz";
  const bytes = await toPdf((doc) => (kind === "invoice" ? drawInvoice : drawPackingSlip)(doc, { ...row, lines, locale }));
  return { fileName: `${kind}-${row.vendorOrder.number}.pdf`, contentType: "application/pdf", bytes };
}

// ── drawing ─────────────────────────────────────────────────────────────────────────

interface DocumentData extends VendorOrderRow {
  lines: (typeof orderLines.$inferSelect)[];
  locale: Locale;
}

type Pdf = PDFKit.PDFDocument;

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;
let fonts: Record<keyof typeof FONT_FILES, Buffer> | null = null;

/**
 * DejaVu Sans: it has Latin with the Uzbek oʻ/gʻ letter (U+02BB) and Cyrillic, which the PDF
 * standard fonts lack. Resolved from this package, or from the app's working directory when
 * a bundler has moved this module away from its node_modules.
 */
function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  if (fonts) return fonts;
  const bases = [import.meta.url, path.join(process.cwd(), "package.json")];
  const read = (file: string) => {
    for (const base of bases) {
      try {
        return readFileSync(createRequire(base).resolve(`dejavu-fonts-ttf/ttf/${file}`));
      } catch {
        // try the next base
      }
    }
    throw new Error(`font ${file} not found: is dejavu-fonts-ttf installed?`);
  };
  fonts = { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) };
  return fonts;
}

async function toPdf(draw: (doc: Pdf) => void): Promise<Uint8Array> {
  const { regular, bold } = loadFonts();
  // No default font (`font: ""`): pdfkit would otherwise load Helvetica, which cannot print
  // oʻ or Cyrillic and is never used here.
  const doc = new PDFDocument({ size: "A4", margin: 40, font: "" });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  doc.font("regular");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** dd.mm.yyyy in Tashkent (UTC+5, no daylight saving), as Uzbek documents date themselves. */
function documentDate(date: Date): string {
  const local = new Date(date.getTime() + 5 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(local.getUTCDate())}.${pad(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}`;
}

function addressLines(address: Record<string, string>, locale: Locale): string[] {
  const region = REGIONS.find((r) => r.code === address.region);
  return [
    address.recipientName ?? "",
    [address.street, address.city, region ? localize(region.name, locale) : address.region, address.postalCode].filter(Boolean).join(", "),
    address.phone ?? "",
  ].filter(Boolean);
}

function header(doc: Pdf, data: DocumentData, t: DocumentLabels, title: string) {
  const left = doc.page.margins.left;
  doc.font("bold").fontSize(18).text(title, left, 40);
  doc.font("regular").fontSize(9);
  doc.text(`${t.order}: ${data.order.number}    ${t.vendorOrder}: ${data.vendorOrder.number}`);
  doc.text(`${t.date}: ${documentDate(data.order.createdAt)}`);
  doc.moveDown();

  const top = doc.y;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2 - 10;
  doc.font("bold").text(t.seller, left, top, { width: half });
  doc.font("regular").text(data.vendor.name, { width: half });
  if (data.vendor.legalName && data.vendor.legalName !== data.vendor.name) doc.text(data.vendor.legalName, { width: half });
  doc.text(`${t.stir}: ${data.vendor.stir}`, { width: half });
  const leftBottom = doc.y;

  const right = left + half + 20;
  doc.font("bold").text(t.buyer, right, top, { width: half });
  doc.font("regular").text(data.customer?.name ?? data.order.shippingAddress.recipientName ?? "", { width: half });
  if (data.customer?.email) doc.text(data.customer.email, { width: half });
  doc.font("bold").text(t.shipTo, { width: half });
  doc.font("regular");
  for (const line of addressLines(data.order.shippingAddress, data.locale)) doc.text(line, { width: half });
  doc.y = Math.max(leftBottom, doc.y);
  doc.x = left;
  doc.moveDown();
}

interface Column {
  label: string;
  width: number;
  align?: "left" | "right";
}

/** A table that wraps long cells and starts a new page (repeating its header) when full. */
function table(doc: Pdf, columns: Column[], rows: string[][]) {
  const left = doc.page.margins.left;
  const gap = 4;
  const drawRow = (cells: string[], font: "regular" | "bold") => {
    doc.font(font).fontSize(7);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width })));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font === "regular")
        drawRow(
          columns.map((c) => c.label),
          "bold",
        );
      doc.font(font).fontSize(7);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x, top, { width: columns[i]!.width, align: columns[i]!.align ?? "left" });
      x += columns[i]!.width + gap;
    });
    doc.y = top + height + gap;
    doc
      .moveTo(left, doc.y - gap / 2)
      .lineTo(x - gap, doc.y - gap / 2)
      .lineWidth(0.3)
      .strokeColor("#999999")
      .stroke();
  };
  drawRow(
    columns.map((c) => c.label),
    "bold",
  );
  for (const row of rows) drawRow(row, "regular");
  doc.x = left;
}

function drawInvoice(doc: Pdf, data: DocumentData) {
  const t = DOCUMENT_LABELS[data.locale];
  const money = (amount: number) => formatPrice(amount, data.order.currency, data.locale);
  header(doc, data, t, t.invoice);
  const vatRates = [...new Set(data.lines.map((line) => line.vatRateBps))];
  table(
    doc,
    [
      { label: t.number, width: 12 },
      { label: t.item, width: 96 },
      { label: t.sku, width: 52 },
      { label: t.ikpu, width: 80 },
      { label: t.quantity, width: 26, align: "right" },
      { label: t.unitPrice, width: 70, align: "right" },
      { label: t.vat(vatRates.length === 1 ? vatRates[0]! : 1200), width: 75, align: "right" },
      { label: t.lineTotal, width: 76, align: "right" },
    ],
    data.lines.map((line, index) => [
      String(index + 1),
      localize(line.title, data.locale),
      line.sku,
      line.ikpuCode ?? "—",
      String(line.quantity),
      money(line.unitPriceAmount),
      money(line.vatAmount),
      money(line.lineTotalAmount),
    ]),
  );
  doc.moveDown();
  const vo = data.vendorOrder;
  const totals: [string, string, "regular" | "bold"][] = [
    [t.itemsTotal, money(vo.itemsTotalAmount), "regular"],
    [`${t.shipping}${vo.shippingMethod ? ` (${vo.shippingMethod})` : ""}`, money(vo.shippingAmount), "regular"],
    [t.total, money(vo.totalAmount), "bold"],
    [t.vatIncluded, money(vo.vatAmount), "regular"],
  ];
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const [label, value, font] of totals) {
    const top = doc.y;
    doc.font(font).fontSize(10);
    doc.text(label, doc.page.margins.left, top, { width: width - 130 });
    doc.text(value, doc.page.margins.left + width - 120, top, { width: 120, align: "right" });
  }
  doc.moveDown();
  doc
    .font("regular")
    .fontSize(9)
    .text(`${t.payment}: ${t.paymentMethods[data.order.paymentMethod] ?? data.order.paymentMethod}`, doc.page.margins.left);
}

function drawPackingSlip(doc: Pdf, data: DocumentData) {
  const t = DOCUMENT_LABELS[data.locale];
  header(doc, data, t, t.packingSlip);
  const vo = data.vendorOrder;
  doc.fontSize(9);
  if (vo.shippingMethod) doc.text(`${t.shippingMethod}: ${vo.shippingMethod}`);
  if (vo.carrier) doc.text(`${t.carrier}: ${vo.carrier}`);
  if (vo.trackingNumber) doc.text(`${t.trackingNumber}: ${vo.trackingNumber}`);
  doc.moveDown();
  table(
    doc,
    [
      { label: t.number, width: 20 },
      { label: t.sku, width: 110 },
      { label: t.item, width: 280 },
      { label: t.quantity, width: 80, align: "right" },
    ],
    data.lines.map((line, index) => [String(index + 1), line.sku, localize(line.title, data.locale), String(line.quantity)]),
  );
  doc.moveDown(2);
  doc.font("regular").fontSize(9).text(`${t.packedBy}: ______________________`);
}
