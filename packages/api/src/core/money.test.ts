import { describe, expect, it } from "vitest";

import { formatPrice } from "./money";

const nbsp = "\u00a0";

describe("formatPrice", () => {
  it("groups so'm by spaces with the currency after, per language", () => {
    expect(formatPrice(1_299_900_000, "UZS", "uz")).toBe(`12${nbsp}999${nbsp}000${nbsp}soʻm`);
    expect(formatPrice(1_299_900_000, "UZS", "ru")).toBe(`12${nbsp}999${nbsp}000${nbsp}сум`);
    expect(formatPrice(1_299_900_000, "UZS", "en")).toBe(`12${nbsp}999${nbsp}000${nbsp}UZS`);
  });

  it("shows tiyin only when there are some", () => {
    expect(formatPrice(150, "UZS", "uz")).toBe(`1,50${nbsp}soʻm`);
    expect(formatPrice(105, "UZS", "en")).toBe(`1.05${nbsp}UZS`);
    expect(formatPrice(0, "UZS", "ru")).toBe(`0${nbsp}сум`);
  });

  it("handles small, large and negative amounts", () => {
    expect(formatPrice(99_900, "UZS", "uz")).toBe(`999${nbsp}soʻm`);
    expect(formatPrice(900_000_000_000, "UZS", "uz")).toBe(`9${nbsp}000${nbsp}000${nbsp}000${nbsp}soʻm`);
    expect(formatPrice(-500_000, "UZS", "uz")).toBe(`−5${nbsp}000${nbsp}soʻm`);
  });
});
