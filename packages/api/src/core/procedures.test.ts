import { describe, expect, it } from "vitest";
import { z } from "zod";

import type { Session, UserSession } from "./context";
import { createLogger } from "./logger";
import { Conflict } from "./errors";
import type { TrpcContext } from "./trpc";
import { authedProcedure, createCallerFactory, createTRPCRouter, permissionProcedure, publicProcedure, vendorProcedure } from "./trpc";

const VENDOR_A = "0192f1e4-8a5b-7c3d-9e2f-00000000000a";
const VENDOR_B = "0192f1e4-8a5b-7c3d-9e2f-00000000000b";

// A router built only for this test, so each builder is exercised on its own.
const router = createTRPCRouter({
  open: publicProcedure.query(() => "open"),
  mine: authedProcedure.query(({ ctx }) => ctx.session.userId),
  adminOnly: permissionProcedure("users:manage").query(() => "admin"),
  readUsers: permissionProcedure("users:read").query(() => "users"),
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

const person = (userId: string, role: UserSession["role"], vendorIds: string[] = [], twoFactorVerified = false): UserSession => ({
  kind: "user",
  sessionId: `s-${userId}`,
  userId,
  role,
  vendorIds,
  twoFactorVerified,
});
const customer = person("u-customer", "CUSTOMER");
const vendorA = person("u-vendor-a", "VENDOR", [VENDOR_A]);
const admin = person("u-admin", "ADMIN", [], true);
const adminWithoutSecondFactor = person("u-admin-2", "ADMIN");
const serviceKey: Session = { kind: "api-key", apiKeyId: "k-1", scopes: ["users:read"] };

describe("procedure builders", () => {
  it("public procedures answer anyone", async () => {
    expect(await caller(null).open()).toBe("open");
  });

  it("authed procedures refuse anonymous callers with UNAUTHORIZED", async () => {
    await expect(caller(null).mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await caller(customer).mine()).toBe("u-customer");
  });

  it("permission-gated procedures refuse roles without the permission with FORBIDDEN", async () => {
    await expect(caller(null).adminOnly()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(customer).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(vendorA).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await caller(admin).adminOnly()).toBe("admin");
  });

  it("staff permissions need a session that passed the second factor", async () => {
    await expect(caller(adminWithoutSecondFactor).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("API keys get exactly their scopes, and are not people", async () => {
    expect(await caller(serviceKey).readUsers()).toBe("users");
    await expect(caller(serviceKey).adminOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(serviceKey).mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
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
