import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { allocate } from "../inventory/reservations";
import { quoteShipping } from "../shipping/quote";
import { commission, includedVat, orderNumber } from "./pricing";

describe("VAT included in UZS prices", () => {
  it("is round(gross × 12 / 112) per line", () => {
    expect(includedVat(112_00)).toBe(12_00);
    expect(includedVat(1_000_000)).toBe(107_143); // 107142.857…
    expect(includedVat(1)).toBe(0);
    expect(includedVat(0)).toBe(0);
  });

  it("is never more than the gross and is an integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (gross) => {
        const vat = includedVat(gross);
        expect(Number.isInteger(vat)).toBe(true);
        expect(vat).toBeLessThanOrEqual(gross);
        expect(Math.abs(vat * 112 - gross * 12)).toBeLessThanOrEqual(56);
      }),
    );
  });
});

describe("commission and numbering", () => {
  it("takes basis points of the items total", () => {
    expect(commission(1_000_000, 1000)).toBe(100_000);
    expect(commission(333, 1500)).toBe(50);
  });
  it("pads order numbers", () => {
    expect(orderNumber(2026, 123)).toBe("UM-2026-000123");
  });
});

describe("shipping quotes", () => {
  const courier = {
    kind: "courier" as const,
    regions: [],
    rateType: "weight" as const,
    baseAmount: 2000,
    perKgAmount: 300,
    freeOverAmount: 50_000,
    active: true,
  };
  it("charges base plus each started kilogram", () => {
    expect(quoteShipping(courier, { region: "andijan", itemsTotalAmount: 100, weightGrams: 1200 })).toBe(2600);
    expect(quoteShipping(courier, { region: "andijan", itemsTotalAmount: 100, weightGrams: 0 })).toBe(2000);
  });
  it("is free from the threshold and absent outside its regions or when inactive", () => {
    expect(quoteShipping(courier, { region: "andijan", itemsTotalAmount: 50_000, weightGrams: 5000 })).toBe(0);
    expect(quoteShipping({ ...courier, regions: ["bukhara"] }, { region: "andijan", itemsTotalAmount: 1, weightGrams: 1 })).toBeNull();
    expect(quoteShipping({ ...courier, active: false }, { region: "andijan", itemsTotalAmount: 1, weightGrams: 1 })).toBeNull();
  });
});

describe("warehouse allocation", () => {
  const w = (warehouseId: string, region: string, onHand: number, reserved = 0) => ({ warehouseId, region, onHand, reserved });
  it("prefers the nearest warehouse that can ship everything alone", () => {
    const levels = [w("a", "tashkent_city", 10), w("b", "samarkand", 10), w("c", "bukhara", 2)];
    expect(allocate(levels, 5, "bukhara")).toEqual([{ warehouseId: "b", quantity: 5 }]);
    expect(allocate(levels, 2, "bukhara")).toEqual([{ warehouseId: "c", quantity: 2 }]);
  });
  it("splits nearest-first when no warehouse has enough, and refuses when all together have too little", () => {
    const levels = [w("a", "tashkent_city", 3), w("b", "samarkand", 4, 1)];
    expect(allocate(levels, 6, "samarkand")).toEqual([
      { warehouseId: "b", quantity: 3 },
      { warehouseId: "a", quantity: 3 },
    ]);
    expect(allocate(levels, 7, "samarkand")).toBeNull();
  });
  it("always covers exactly the quantity from available stock", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ onHand: fc.integer({ min: 0, max: 20 }), reserved: fc.integer({ min: 0, max: 20 }) }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 60 }),
        (rows, quantity) => {
          const levels = rows.map((r, i) => w(`w${i}`, i % 2 ? "andijan" : "navoiy", Math.max(r.onHand, r.reserved), r.reserved));
          const total = levels.reduce((s, l) => s + l.onHand - l.reserved, 0);
          const parts = allocate(levels, quantity, "andijan");
          if (total < quantity) {
            expect(parts).toBeNull();
            return;
          }
          expect(parts!.reduce((s, p) => s + p.quantity, 0)).toBe(quantity);
          for (const part of parts!) {
            const level = levels.find((l) => l.warehouseId === part.warehouseId)!;
            expect(part.quantity).toBeLessThanOrEqual(level.onHand - level.reserved);
          }
        },
      ),
    );
  });
});
