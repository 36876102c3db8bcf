import { describe, expect, it } from "vitest";

import { dayStart, isOrderStatus, moveLabel } from "./orders";

describe("console order helpers", () => {
  it("reads a date input as the start of that day in UTC, optionally days later", () => {
    expect(dayStart("2026-05-12")?.toISOString()).toBe("2026-05-12T00:00:00.000Z");
    expect(dayStart("2026-05-12", 1)?.toISOString()).toBe("2026-05-13T00:00:00.000Z");
  });

  it("ignores anything that is not a YYYY-MM-DD day", () => {
    expect(dayStart(undefined)).toBeUndefined();
    expect(dayStart("12.05.2026")).toBeUndefined();
    expect(dayStart("2026-13-45")).toBeUndefined();
  });

  it("knows the statuses and names a refused return apart from a delivery", () => {
    expect(isOrderStatus("SHIPPED")).toBe(true);
    expect(isOrderStatus("LOST")).toBe(false);
    expect(moveLabel("SHIPPED", "DELIVERED")).toBe("Mark delivered");
    expect(moveLabel("RETURN_REQUESTED", "DELIVERED")).toBe("Refuse the return");
  });
});
