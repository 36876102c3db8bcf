import type { ShippingMethodKind, ShippingRateType } from "@ultramarket/db";

export interface ShippingMethodRates {
  kind: ShippingMethodKind;
  regions: string[];
  rateType: ShippingRateType;
  baseAmount: number;
  perKgAmount: number;
  freeOverAmount: number | null;
  active: boolean;
}

/**
 * The price of one vendor group's delivery by one method, or null when the method does not
 * serve the region. Courier by weight: base + per started kilogram (a 1.2 kg parcel pays 2
 * kg). Free when the group's items reach `freeOverAmount`. Integer minor units throughout.
 */
export function quoteShipping(
  method: ShippingMethodRates,
  group: { region: string; itemsTotalAmount: number; weightGrams: number },
): number | null {
  if (!method.active) return null;
  if (method.regions.length > 0 && !method.regions.includes(group.region)) return null;
  if (method.freeOverAmount !== null && group.itemsTotalAmount >= method.freeOverAmount) return 0;
  if (method.rateType === "weight") return method.baseAmount + method.perKgAmount * Math.ceil(Math.max(0, group.weightGrams) / 1000);
  return method.baseAmount;
}
