import { describe, expect, it } from "vitest";
import { z } from "zod";

import type { Session } from "./context";
import { createLogger } from "./logger";
import { Conflict } from "./errors";
import type { TrpcContext } from "./trpc";
import { authedProcedure, createCallerFactory, createTRPCRouter, publicProcedure, roleProcedure, vendorProcedure } from "./trpc";

const VENDOR_A = "0192f1e4-8a5b-7c3d-9e2f-00000000000a";
const VENDOR_B = "0192f1e4-8a5b-7c3d-9e2f-00000000000b";

// A router built only for this test, so each builder is exercised on its own.
const router = createTRPCRouter({
  open: publicProcedure.query(() => "open"),
  mine: authedProcedure.query(({ ctx }) => ctx.session.userId),
  adminOnly: roleProcedure("ADMIN", "SUPER_ADMIN").query(() => "admin"),
  vendorThing: vendorProcedure
    .input(z.strictObject({ vendorId: z.uuid(), name: z.string().min(1) }))
    .query(({ ctx, input }) => `${ctx.vendorId}:${input.name}`),
  conflict: publicProcedure.mutation(() => {
    throw new Conflict("Already exists", { sku: ["This SKU is taken"] });
  }),
});

const createCaller = createCallerFactory(router);
const caller = (session: Session | null) =>
  createCaller({ session, log: createLogger({ service: "test", level: "silent" }), exposeInternals: false } as unknown as TrpcContext);

const customer: Session = { userId: "u-customer", role: "CUSTOMER", vendorIds: [] };
const vendorA: Session = { userId: "u-vendor-a", role: "VENDOR", vendorIds: [VENDOR_A] };
const admin: Session = { userId: "u-admin", role: "ADMIN", vendorIds: [] };

describe("procedure builders", () => {
  it("public procedures answer anyone", async () => {
    expect(await caller(null).open()).toBe("open");
  });

  it("authed procedures refuse anonymous callers with UNAUTHORIZED", async () => {
    await expect(caller(null).mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await caller(customer).mine()).toBe("u-customer");
  });

  it("role-gated procedures refuse other roles with FORBIDDEN", async () => {
    await expect(caller(customer).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(vendorA).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await caller(admin).adminOnly()).toBe("admin");
  });

  it("vendor-scoped procedures answer members, admins, and 404 for everyone else", async () => {
    expect(await caller(vendorA).vendorThing({ vendorId: VENDOR_A, name: "x" })).toBe(`${VENDOR_A}:x`);
    await expect(caller(vendorA).vendorThing({ vendorId: VENDOR_B, name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller(customer).vendorThing({ vendorId: VENDOR_A, name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller(null).vendorThing({ vendorId: VENDOR_A, name: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await caller(admin).vendorThing({ vendorId: VENDOR_B, name: "y" })).toBe(`${VENDOR_B}:y`);
  });

  it("vendor scope still rejects unknown keys through the procedure's strict schema", async () => {
    await expect(caller(vendorA).vendorThing({ vendorId: VENDOR_A, name: "x", extra: 1 } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("maps domain errors to tRPC codes, keeping the domain code and field errors", async () => {
    const error = await caller(null)
      .conflict()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: "Already exists" });
    expect((error as { cause: Conflict }).cause.fieldErrors).toEqual({ sku: ["This SKU is taken"] });
  });
});
