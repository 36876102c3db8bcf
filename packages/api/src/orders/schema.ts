import { z } from "zod";

import { vendorOrderStatus } from "@ultramarket/db/schema";

const status = z.enum(vendorOrderStatus.enumValues);
const reason = z.string().trim().min(3, "Say why (at least 3 characters)").max(500);

export const listOrdersInput = z.strictObject({
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const orderIdInput = z.strictObject({ orderId: z.uuid() });

export const cancelOrderInput = z.strictObject({
  orderId: z.uuid(),
  /** One vendor's part; without it every part of the order is cancelled (all or nothing). */
  vendorOrderId: z.uuid().optional(),
  reason: reason.optional(),
});

export const requestReturnInput = z.strictObject({ orderId: z.uuid(), vendorOrderId: z.uuid(), reason });

const transitionFields = {
  vendorOrderId: z.uuid(),
  to: status,
  reason: reason.optional(),
  carrier: z.string().trim().min(2).max(80).optional(),
  trackingNumber: z.string().trim().min(3).max(80).optional(),
  /** For RETURNED: the warehouse the goods go back to. */
  warehouseId: z.uuid().optional(),
};

/** Placed on or after `createdFrom` and before `createdTo` (dates are instants; the console sends day bounds in UTC). */
const createdRange = {
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
};

export const vendorListOrdersInput = z.strictObject({
  vendorId: z.uuid(),
  status: status.optional(),
  ...createdRange,
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export const vendorOrderIdInput = z.strictObject({ vendorId: z.uuid(), vendorOrderId: z.uuid() });
export const vendorTransitionInput = z.strictObject({ vendorId: z.uuid(), ...transitionFields });

export const adminListOrdersInput = z.strictObject({
  status: status.optional(),
  vendorId: z.uuid().optional(),
  ...createdRange,
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export const adminTransitionInput = z.strictObject(transitionFields);
