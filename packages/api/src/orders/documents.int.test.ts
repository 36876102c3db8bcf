import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createSession } from "../auth/sessions";
import type { Buyer } from "../checkout/test-fixtures";
import { createBuyers, one, pickVariant, setStock } from "../checkout/test-fixtures";
import { createAppRoutes } from "../core/app-server";
import type { Session } from "../core/context";
import { createContextInner } from "../core/context";
import { formatPrice } from "../core/money";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { DOCUMENT_LABELS } from "./document-labels";
import { renderInvoice, renderPackingSlip } from "./documents";

let h: TestHarness;
let routes: ReturnType<typeof createAppRoutes>;
let a: Awaited<ReturnType<typeof pickVariant>>;
let a2: Awaited<ReturnType<typeof pickVariant>>;
let vendorSession: Session;
let vendorToken: string;
let otherVendorSession: Session;
let adminSession: Session;
let stir: string;

const IKPU_A = "08517001001000000";
const IKPU_A2 = "08471001003000000";

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 30, filesDir: "/tmp/ultramarket-test-files" });
  routes = createAppRoutes(async () => h.runtime, { exposeInternals: false, sessionCookieName: "c" });
  a = await pickVariant(h, "toshkent-elektron", 0);
  // The second line is another product's variant, so it has its own IKPU code.
  for (let skip = 1; !a2 || a2.productId === a.productId; skip++) a2 = await pickVariant(h, "toshkent-elektron", skip);
  await h.runtime.sql`update products set ikpu_code = ${IKPU_A} where id = ${a.productId}`;
  await h.runtime.sql`update products set ikpu_code = ${IKPU_A2} where id = ${a2.productId}`;
  stir = (await one<{ stir: string }>(h.runtime.sql`select stir from vendors where slug = 'toshkent-elektron'`)).stir;
  ({ session: vendorSession, token: vendorToken } = await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD));
  ({ session: otherVendorSession } = await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD));
  ({ session: adminSession } = await h.signIn("admin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETADMINDEMOKEYTWOSIXAAA"));
});
afterAll(async () => {
  await h?.close();
});

/** Places a two-line order of the first vendor for a new buyer whose language is `locale`. */
async function placeOrder(locale: "uz" | "ru" | "en") {
  await setStock(h, a.variantId, { [a.warehouses[0]!.id]: 10 });
  await setStock(h, a2.variantId, { [a2.warehouses[0]!.id]: 10 });
  const [buyer] = await createBuyers(h, 1);
  await h.runtime.sql`update users set locale = ${locale} where id = ${buyer!.session.userId}`;
  const api = h.caller(buyer!.session);
  await api.cart.addItem({ variantId: a.variantId, quantity: 2 });
  await api.cart.addItem({ variantId: a2.variantId, quantity: 1 });
  const placed = await api.checkout.placeOrder({ addressId: buyer!.addressId, idempotencyKey: `docs-${locale}-${Date.now()}` });
  const order = await api.orders.get({ orderId: placed.orderId });
  return { buyer: buyer!, order, vendorOrder: order.vendorOrders[0]! };
}

/** The PDF's text, one string, with every run of whitespace (no-break spaces too) as one space. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await pdf.destroy();
  return squash(parts.join(" "));
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();
const as = (session: Session) => createContextInner(h.runtime, { session });

describe("invoices", () => {
  it.each(["uz", "ru", "en"] as const)(
    "prints the seller's STIR, each line's SKU, IKPU code, VAT and totals with the %s labels",
    async (locale) => {
      const { buyer, vendorOrder } = await placeOrder(locale);
      const document = await renderInvoice(as(buyer.session), { vendorOrderId: vendorOrder.id });
      expect(document.fileName).toBe(`invoice-${vendorOrder.number}.pdf`);
      expect(Buffer.from(document.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      const text = await pdfText(document.bytes);
      const t = DOCUMENT_LABELS[locale];
      const money = (amount: number) => squash(formatPrice(amount, "UZS", locale));

      for (const label of [t.invoice, t.seller, t.stir, t.buyer, t.shipTo, t.ikpu, t.vat(1200), t.itemsTotal, t.vatIncluded, t.total])
        expect(text).toContain(squash(label));
      expect(text).toContain(stir);
      expect(text).toContain(vendorOrder.number);
      expect(text).toContain(`Amir Temur 1, Toshkent, ${{ uz: "Toshkent shahri", ru: "г. Ташкент", en: "Tashkent city" }[locale]}`);
      expect(vendorOrder.lines).toHaveLength(2);
      for (const line of vendorOrder.lines) {
        expect(text).toContain(line.sku);
        expect(text).toContain(line.ikpuCode!);
        expect(text).toContain(money(line.unitPriceAmount));
        expect(text).toContain(money(line.vatAmount));
        expect(text).toContain(money(line.lineTotalAmount));
      }
      expect(vendorOrder.lines.map((l) => l.ikpuCode).sort()).toEqual([IKPU_A, IKPU_A2].sort());
      // VAT as checkout computed and stored it: 12/112 of each gross line, summed per vendor order.
      expect(vendorOrder.vatAmount).toBe(vendorOrder.lines.reduce((sum, l) => sum + Math.round((l.lineTotalAmount * 12) / 112), 0));
      for (const amount of [vendorOrder.itemsTotalAmount, vendorOrder.shippingAmount, vendorOrder.totalAmount, vendorOrder.vatAmount])
        expect(text).toContain(money(amount));
      expect(vendorOrder.totalAmount).toBe(vendorOrder.itemsTotalAmount + vendorOrder.shippingAmount);
    },
  );

  it("is refused to another customer and another vendor, as if the order did not exist", async () => {
    const { vendorOrder } = await placeOrder("uz");
    const [stranger] = await createBuyers(h, 1);
    await expect(renderInvoice(as(stranger!.session), { vendorOrderId: vendorOrder.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderInvoice(as(otherVendorSession), { vendorOrderId: vendorOrder.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderInvoice(as(null as unknown as Session), { vendorOrderId: vendorOrder.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    // The vendor and staff may read it.
    await expect(renderInvoice(as(vendorSession), { vendorOrderId: vendorOrder.id })).resolves.toMatchObject({
      contentType: "application/pdf",
    });
    await expect(renderInvoice(as(adminSession), { vendorOrderId: vendorOrder.id })).resolves.toMatchObject({
      contentType: "application/pdf",
    });
  });
});

describe("packing slips", () => {
  it("list SKUs and quantities with the shipping address and tracking, and no prices", async () => {
    const { buyer, vendorOrder } = await placeOrder("ru");
    const api = h.caller(vendorSession);
    await api.vendorOrders.transition({ vendorId: a.vendorId, vendorOrderId: vendorOrder.id, to: "CONFIRMED" });
    await api.vendorOrders.transition({ vendorId: a.vendorId, vendorOrderId: vendorOrder.id, to: "PROCESSING" });
    await api.vendorOrders.transition({
      vendorId: a.vendorId,
      vendorOrderId: vendorOrder.id,
      to: "SHIPPED",
      carrier: "Fargo",
      trackingNumber: "FRG-778899",
    });
    const text = await pdfText((await renderPackingSlip(as(vendorSession), { vendorOrderId: vendorOrder.id })).bytes);
    const t = DOCUMENT_LABELS.ru;
    for (const label of [t.packingSlip, t.shipTo, t.sku, t.quantity, t.carrier, t.trackingNumber]) expect(text).toContain(label);
    expect(text).toContain("Fargo");
    expect(text).toContain("FRG-778899");
    expect(text).toContain("Amir Temur 1");
    for (const line of vendorOrder.lines) expect(text).toContain(line.sku);
    expect(text).not.toContain("сум");
    expect(text).not.toContain(t.unitPrice);

    // Only the vendor and staff pack orders: the customer and other vendors get nothing.
    await expect(renderPackingSlip(as(buyer.session), { vendorOrderId: vendorOrder.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderPackingSlip(as(otherVendorSession), { vendorOrderId: vendorOrder.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(renderPackingSlip(as(adminSession), { vendorOrderId: vendorOrder.id })).resolves.toMatchObject({
      contentType: "application/pdf",
    });
  });
});

describe("the download routes", () => {
  async function cookieFor(buyer: Buyer) {
    const { token } = await createSession(createContextInner(h.runtime), {
      userId: buyer.session.userId,
      role: "CUSTOMER",
      vendorIds: [],
      twoFactorVerified: false,
      ip: null,
      userAgent: "vitest",
    });
    return `c=${token}`;
  }
  const get = (vendorOrderId: string, cookie: string | null, kind: "invoice" | "packing-slip" = "invoice") =>
    routes.orderDocument(
      new Request(`http://localhost:3001/api/orders/${vendorOrderId}/${kind}.pdf`, { headers: cookie ? { cookie } : {} }),
      vendorOrderId,
      kind,
    );

  it("answer application/pdf as an attachment to the vendor and the buyer, and 404 or 401 to anyone else", async () => {
    const { buyer, vendorOrder } = await placeOrder("en");
    const vendorSlip = await get(vendorOrder.id, `c=${vendorToken}`, "packing-slip");
    expect(vendorSlip.status).toBe(200);
    expect(vendorSlip.headers.get("content-type")).toBe("application/pdf");
    expect(vendorSlip.headers.get("content-disposition")).toBe(`attachment; filename="packing-slip-${vendorOrder.number}.pdf"`);
    expect(vendorSlip.headers.get("cache-control")).toBe("private, no-store");

    const mine = await get(vendorOrder.id, await cookieFor(buyer));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-disposition")).toBe(`attachment; filename="invoice-${vendorOrder.number}.pdf"`);
    expect(await pdfText(new Uint8Array(await mine.arrayBuffer()))).toContain(stir);

    const [stranger] = await createBuyers(h, 1);
    expect((await get(vendorOrder.id, await cookieFor(stranger!))).status).toBe(404);
    expect((await get(vendorOrder.id, await cookieFor(buyer), "packing-slip")).status).toBe(404);
    expect((await get(vendorOrder.id, null)).status).toBe(401);
    expect((await get("not-a-uuid", `c=${vendorToken}`)).status).toBe(404);
  });
});

describe("the font", () => {
  it("has a glyph for every character the labels print (Uzbek oʻ/gʻ and Cyrillic included)", async () => {
    // fontkit is pdfkit's font engine; a missing glyph would print as an empty box.
    const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
    const fontkit = requireFromPdfkit("fontkit") as { create: (buffer: Buffer) => { hasGlyphForCodePoint: (cp: number) => boolean } };
    const font = fontkit.create(readFileSync(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")));
    const vat = Object.values(DOCUMENT_LABELS).map((t) => t.vat(1200));
    const text =
      JSON.stringify(DOCUMENT_LABELS) + vat.join("") + formatPrice(1_299_950, "UZS", "uz") + formatPrice(1, "UZS", "ru") + "Fargʻona №—";
    const missing = [...new Set(text)].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(text).toContain("\u02bb");
  });
});
