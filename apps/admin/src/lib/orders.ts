import { formatPrice } from "@ultramarket/ui";

/** Labels and badge tones for vendor order statuses (display only; the API decides the moves). */
export const ORDER_STATUSES = [
  "PENDING",
  "CONFIRMED",
  "PROCESSING",
  "SHIPPED",
  "DELIVERED",
  "RETURN_REQUESTED",
  "RETURNED",
  "REFUNDED",
  "CANCELLED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Pending",
  CONFIRMED: "Confirmed",
  PROCESSING: "Processing",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  RETURN_REQUESTED: "Return requested",
  RETURNED: "Returned",
  REFUNDED: "Refunded",
  CANCELLED: "Cancelled",
};

export const STATUS_TONES: Record<OrderStatus, "slate" | "indigo" | "green" | "amber" | "red"> = {
  PENDING: "amber",
  CONFIRMED: "indigo",
  PROCESSING: "indigo",
  SHIPPED: "indigo",
  DELIVERED: "green",
  RETURN_REQUESTED: "amber",
  RETURNED: "slate",
  REFUNDED: "slate",
  CANCELLED: "red",
};

/** The button for a move, by where it goes (and from where, for a refused return). */
export function moveLabel(from: OrderStatus, to: OrderStatus): string {
  if (from === "RETURN_REQUESTED" && to === "DELIVERED") return "Refuse the return";
  const labels: Partial<Record<OrderStatus, string>> = {
    CONFIRMED: "Confirm",
    PROCESSING: "Start processing",
    SHIPPED: "Mark shipped",
    DELIVERED: "Mark delivered",
    CANCELLED: "Cancel order",
    RETURN_REQUESTED: "Open a return",
    RETURNED: "Receive the return",
    REFUNDED: "Mark refunded",
  };
  return labels[to] ?? to;
}

export function isOrderStatus(value: string | undefined): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value ?? "");
}

/** A `YYYY-MM-DD` from a date input as the start of that day in UTC (the console reads UTC), or undefined. */
export function dayStart(value: string | undefined, plusDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() + plusDays * 24 * 60 * 60 * 1000);
}

/** Amounts as the rest of the console shows them ("1 250 000 soʻm"). */
export function formatAmount(amount: number, currency = "UZS"): string {
  return formatPrice(amount, currency, "uz");
}
