import type { VendorOrderStatus } from "@ultramarket/db";
import { Forbidden, InvalidState, ValidationFailed } from "../core/errors";

/** Who asks for a transition. `system` is the worker (auto-cancel, reservation expiry). */
export type OrderActor = "customer" | "vendor" | "admin" | "system";

/** What a transition does to stock, carried out by the orders service in the same transaction. */
export type StockEffect = "release" | "sell" | "return" | null;

interface Rule {
  by: readonly OrderActor[];
  /** Actors who must give a reason. */
  reasonFrom?: readonly OrderActor[];
  needsTracking?: boolean;
  needsWarehouse?: boolean;
  stock: StockEffect;
}

const STAFF_AND_VENDOR = ["vendor", "admin"] as const;

/**
 * Every allowed move of a vendor order, in one table. Anything not listed is refused.
 * Stock: cancelling releases the reservation; shipping turns it into a sale (the goods
 * leave the warehouse, so on-hand falls then, not earlier); a return puts the goods back
 * into a warehouse the vendor names. DELIVERED → RETURN_REQUESTED is the customer's (or
 * an admin's) request; a vendor may turn a request down (back to DELIVERED, with reason).
 */
export const TRANSITIONS: Readonly<Record<VendorOrderStatus, Partial<Record<VendorOrderStatus, Rule>>>> = {
  PENDING: {
    CONFIRMED: { by: STAFF_AND_VENDOR, stock: null },
    CANCELLED: { by: ["customer", "vendor", "admin", "system"], reasonFrom: STAFF_AND_VENDOR, stock: "release" },
  },
  CONFIRMED: {
    PROCESSING: { by: STAFF_AND_VENDOR, stock: null },
    CANCELLED: { by: ["customer", "vendor", "admin"], reasonFrom: STAFF_AND_VENDOR, stock: "release" },
  },
  PROCESSING: {
    SHIPPED: { by: STAFF_AND_VENDOR, needsTracking: true, stock: "sell" },
    CANCELLED: { by: STAFF_AND_VENDOR, reasonFrom: STAFF_AND_VENDOR, stock: "release" },
  },
  SHIPPED: {
    DELIVERED: { by: STAFF_AND_VENDOR, stock: null },
  },
  DELIVERED: {
    RETURN_REQUESTED: { by: ["customer", "admin"], reasonFrom: ["customer", "admin"], stock: null },
  },
  RETURN_REQUESTED: {
    RETURNED: { by: STAFF_AND_VENDOR, needsWarehouse: true, stock: "return" },
    DELIVERED: { by: STAFF_AND_VENDOR, reasonFrom: STAFF_AND_VENDOR, stock: null },
  },
  RETURNED: {
    REFUNDED: { by: STAFF_AND_VENDOR, stock: null },
  },
  CANCELLED: {},
  REFUNDED: {},
};

export interface TransitionDetails {
  reason?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  warehouseId?: string | null;
}

/**
 * Checks one move and says what it does to stock. Refusals are typed: InvalidState for a
 * move the table does not have, Forbidden for an actor it does not allow, ValidationFailed
 * (with field messages) for missing details.
 */
export function checkTransition(
  from: VendorOrderStatus,
  to: VendorOrderStatus,
  actor: OrderActor,
  details: TransitionDetails = {},
): { stock: StockEffect } {
  const rule = TRANSITIONS[from][to];
  if (!rule) throw new InvalidState(`An order that is ${from} cannot become ${to}`);
  if (!rule.by.includes(actor)) throw new Forbidden(`A ${actor} cannot move an order from ${from} to ${to}`);
  const fields: Record<string, string[]> = {};
  if (rule.reasonFrom?.includes(actor) && !details.reason?.trim()) fields.reason = ["Say why"];
  if (rule.needsTracking) {
    if (!details.carrier?.trim()) fields.carrier = ["Name the carrier"];
    if (!details.trackingNumber?.trim()) fields.trackingNumber = ["Enter the tracking number"];
  }
  if (rule.needsWarehouse && !details.warehouseId) fields.warehouseId = ["Choose the warehouse the goods go back to"];
  if (Object.keys(fields).length > 0) throw new ValidationFailed("Some details are missing", fields);
  return { stock: rule.stock };
}

/** Moves a given actor may make from a status (for buttons in the UI). */
export function allowedMoves(from: VendorOrderStatus, actor: OrderActor): VendorOrderStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [VendorOrderStatus, Rule][]).filter(([, rule]) => rule.by.includes(actor)).map(([to]) => to);
}

const PROGRESS: readonly VendorOrderStatus[] = [
  "PENDING",
  "CONFIRMED",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "RETURN_REQUESTED",
  "RETURNED",
  "REFUNDED",
];

/**
 * The customer order's status, derived from its vendor orders: CANCELLED when every one
 * is cancelled; otherwise the least advanced of the ones not cancelled (the order is only
 * as far along as its slowest vendor).
 */
export function deriveOrderStatus(statuses: readonly VendorOrderStatus[]): VendorOrderStatus {
  const live = statuses.filter((status) => status !== "CANCELLED");
  if (live.length === 0) return "CANCELLED";
  return live.reduce((least, status) => (PROGRESS.indexOf(status) < PROGRESS.indexOf(least) ? status : least));
}
