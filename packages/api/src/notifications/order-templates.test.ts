import { describe, expect, it } from "vitest";

import { LOCALES, schema } from "@ultramarket/db";
import { mailLocale, ORDER_MAIL, STATUS_NAMES } from "./order-templates";

describe("order mail", () => {
  it("names every status in every language, each name different within a language", () => {
    for (const locale of LOCALES) {
      const names = schema.vendorOrderStatus.enumValues.map((status) => STATUS_NAMES[locale][status]);
      expect(names.every((name) => name.length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("prints amounts as the shopper's language does", () => {
    expect(ORDER_MAIL.orderPlaced("a@example.uz", "ru", { number: "UM-2026-000001", totalAmount: 1_250_000_00 }).text).toContain(
      "1\u00a0250\u00a0000\u00a0сум",
    );
    expect(ORDER_MAIL.newVendorOrder("v@example.uz", "uz", { number: "UM-2026-000001-1", totalAmount: 99_900 }).text).toContain(
      "999\u00a0soʻm",
    );
  });

  it("gives the carrier and tracking number once shipped, and only then", () => {
    const part = { number: "UM-2026-000001-1", carrier: "BTS", trackingNumber: "BTS123" };
    const shipped = ORDER_MAIL.statusChanged("a@example.uz", "en", { ...part, status: "SHIPPED" });
    expect(shipped.subject).toBe("Order UM-2026-000001-1: Shipped");
    expect(shipped.text).toContain("Carrier: BTS, tracking number: BTS123");
    expect(ORDER_MAIL.statusChanged("a@example.uz", "uz", { ...part, status: "DELIVERED" }).text).not.toContain("BTS123");
  });

  it("writes the low-stock alert with the title in the member's language", () => {
    const mail = ORDER_MAIL.lowStock("v@example.uz", "ru", {
      sku: "SKU-1",
      title: { uz: "Telefon", ru: "Телефон", en: "Phone" },
      available: 2,
      threshold: 5,
    });
    expect(mail.subject).toBe("Заканчивается: SKU-1 (осталось 2)");
    expect(mail.text).toContain("Телефон (SKU-1)");
  });

  it("falls back to Uzbek for a language it does not know", () => {
    expect(mailLocale("de")).toBe("uz");
    expect(mailLocale(null)).toBe("uz");
    expect(mailLocale("ru")).toBe("ru");
  });
});
