/** VAT in Uzbekistan: 12%, included in UZS shelf prices. */
export const VAT_RATE_BPS = 1200;

/**
 * The VAT contained in a gross (VAT-inclusive) amount, rounded to the nearest minor unit,
 * per line as Uzbek fiscal receipts print it: round(gross × 12 / 112).
 */
export function includedVat(grossAmount: number, rateBps = VAT_RATE_BPS): number {
  return Math.round((grossAmount * rateBps) / (10_000 + rateBps));
}

/** Marketplace commission on a vendor's items total, in basis points, rounded to a minor unit. */
export function commission(itemsTotalAmount: number, rateBps: number): number {
  return Math.round((itemsTotalAmount * rateBps) / 10_000);
}

/** Human-facing order number, e.g. UM-2026-000123. */
export function orderNumber(year: number, sequence: number): string {
  return `UM-${year}-${String(sequence).padStart(6, "0")}`;
}
