import { describe, expect, it } from "vitest";

import { vendorOrderStatus } from "@ultramarket/db/schema";
import { Forbidden, InvalidState, ValidationFailed } from "../core/errors";
import { allowedMoves, checkTransition, deriveOrderStatus, TRANSITIONS } from "./state-machine";

const ALL = vendorOrderStatus.enumValues;

describe("vendor order state machine", () => {
  it("walks the happy path with the stock effect of each step", () => {
    expect(checkTransition("PENDING", "CONFIRMED", "vendor").stock).toBeNull();
    expect(checkTransition("CONFIRMED", "PROCESSING", "vendor").stock).toBeNull();
    expect(checkTransition("PROCESSING", "SHIPPED", "vendor", { carrier: "BTS", trackingNumber: "BTS123" }).stock).toBe("sell");
    expect(checkTransition("SHIPPED", "DELIVERED", "vendor").stock).toBeNull();
    expect(checkTransition("DELIVERED", "RETURN_REQUESTED", "customer", { reason: "Wrong size" }).stock).toBeNull();
    expect(checkTransition("RETURN_REQUESTED", "RETURNED", "vendor", { warehouseId: "w" }).stock).toBe("return");
    expect(checkTransition("RETURNED", "REFUNDED", "admin").stock).toBeNull();
  });

  it("lets a customer cancel only before processing, and without a reason", () => {
    expect(checkTransition("PENDING", "CANCELLED", "customer").stock).toBe("release");
    expect(checkTransition("CONFIRMED", "CANCELLED", "customer").stock).toBe("release");
    expect(() => checkTransition("PROCESSING", "CANCELLED", "customer")).toThrow(Forbidden);
    expect(() => checkTransition("SHIPPED", "CANCELLED", "customer")).toThrow(InvalidState);
  });

  it("makes vendors and admins give a reason to cancel", () => {
    expect(() => checkTransition("PROCESSING", "CANCELLED", "vendor")).toThrow(ValidationFailed);
    expect(checkTransition("PROCESSING", "CANCELLED", "admin", { reason: "Customer unreachable" }).stock).toBe("release");
  });

  it("requires carrier and tracking number to ship, and names the missing fields", () => {
    try {
      checkTransition("PROCESSING", "SHIPPED", "vendor", { carrier: " " });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors).toEqual({
        carrier: ["Name the carrier"],
        trackingNumber: ["Enter the tracking number"],
      });
    }
  });

  it("refuses every move the table does not list, for every actor", () => {
    for (const from of ALL)
      for (const to of ALL)
        for (const actor of ["customer", "vendor", "admin", "system"] as const) {
          const rule = TRANSITIONS[from][to];
          if (rule?.by.includes(actor)) continue;
          expect(() => checkTransition(from, to, actor, { reason: "x", carrier: "c", trackingNumber: "t", warehouseId: "w" })).toThrow(
            rule ? Forbidden : InvalidState,
          );
        }
  });

  it("keeps CANCELLED and REFUNDED terminal and lets only the system auto-cancel pending orders", () => {
    expect(allowedMoves("CANCELLED", "admin")).toEqual([]);
    expect(allowedMoves("REFUNDED", "admin")).toEqual([]);
    expect(allowedMoves("PENDING", "system")).toEqual(["CANCELLED"]);
    expect(allowedMoves("CONFIRMED", "system")).toEqual([]);
  });

  it("derives the customer order's status from the slowest live vendor order", () => {
    expect(deriveOrderStatus(["SHIPPED", "CONFIRMED"])).toBe("CONFIRMED");
    expect(deriveOrderStatus(["CANCELLED", "DELIVERED"])).toBe("DELIVERED");
    expect(deriveOrderStatus(["CANCELLED", "CANCELLED"])).toBe("CANCELLED");
    expect(deriveOrderStatus(["PENDING"])).toBe("PENDING");
  });
});
