/**
 * The tRPC spine, in the order a call meets it:
 *   1. init (transformer, error formatter)
 *   2. middleware every call passes (raw-input guard, domain-error mapping, metrics + logs)
 *   3. procedure builders: public, authed, permission-gated, vendor-scoped
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { Context, UserSession } from "./context";
import { permissionsOf } from "./context";
import type { FieldErrors } from "./errors";
import { accessDenied, DOMAIN_TO_TRPC, DomainError, Forbidden, NotFound, Unauthenticated, ValidationFailed } from "./errors";
import { inspectRawInput } from "./input-guard";
import { metrics } from "./metrics";
import type { Permission } from "./permissions";
import { ROLES_REQUIRING_TWO_FACTOR } from "./permissions";

export interface TrpcContext extends Context {
  /** Stack traces and raw messages of unexpected errors are shown only in development. */
  exposeInternals: boolean;
}

// ── 1. init ────────────────────────────────────────────────────────────────────────

function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_input";
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  // Stacks are stripped below for everything but development; tRPC's own flag agrees.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const isZod = cause instanceof ZodError;
    const isDomain = cause instanceof DomainError;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const expose = ctx?.exposeInternals ?? false;
    const domainCode = isDomain ? cause.code : isZod ? "VALIDATION_FAILED" : internal ? "INTERNAL" : error.code;
    const fieldErrors = isZod ? zodFieldErrors(cause) : isDomain ? cause.fieldErrors : undefined;
    let message = shape.message;
    if (isZod) message = "Invalid input";
    else if (internal && !expose) message = "Internal server error";
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domainCode,
        fieldErrors: fieldErrors ?? null,
        ...(expose && error.stack ? { stack: error.stack } : {}),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// ── 2. middleware every call passes ─────────────────────────────────────────────────

const guardRawInput = t.middleware(async ({ getRawInput, next }) => {
  const problems = inspectRawInput(await getRawInput());
  if (problems) throw new TRPCError({ code: "BAD_REQUEST", cause: new ValidationFailed("Invalid input", problems) });
  return next();
});

/** The one place where a service's DomainError becomes a tRPC error code. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

const observe = t.middleware(async ({ path, type, ctx, next }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  const m = metrics();
  const code = result.ok ? "OK" : result.error.code;
  m.procedureRequests.inc({ path, type, code });
  m.procedureDuration.observe({ path, type }, seconds);
  if (!result.ok) {
    const level = result.error.code === "INTERNAL_SERVER_ERROR" ? "error" : "info";
    ctx.log[level](
      { path, type, code, ms: Math.round(seconds * 1000), err: level === "error" ? (result.error.cause ?? result.error) : undefined },
      "procedure failed",
    );
  }
  return result;
});

// ── 3. procedure builders ───────────────────────────────────────────────────────────

export const publicProcedure = t.procedure.use(observe).use(mapDomainErrors).use(guardRawInput);

/** A signed-in person (cookie or access token). API keys are not people: they use permissionProcedure. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.session?.kind !== "user") throw accessDenied(new Unauthenticated("Sign in to continue"));
  return next({ ctx: { session: ctx.session } });
});

function assertSecondFactor(session: UserSession): void {
  if (ROLES_REQUIRING_TWO_FACTOR.has(session.role) && !session.twoFactorVerified) {
    throw accessDenied(new Forbidden("Two-factor authentication is required for this account"));
  }
}

/**
 * Callers holding a permission from the table in permissions.ts: people by their role
 * (staff only after a second factor), API keys by their scopes.
 */
export function permissionProcedure(permission: Permission) {
  return publicProcedure.use(({ ctx, next }) => {
    const session = ctx.session;
    if (!session) throw accessDenied(new Unauthenticated("Sign in to continue"));
    if (!permissionsOf(session).has(permission)) throw accessDenied(new Forbidden("You do not have access to this"));
    if (session.kind === "user") assertSecondFactor(session);
    return next({ ctx: { session } });
  });
}

/** Like permissionProcedure, for people only (actions that need an accountable user). */
export function staffProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!permissionsOf(ctx.session).has(permission)) throw accessDenied(new Forbidden("You do not have access to this"));
    assertSecondFactor(ctx.session);
    return next();
  });
}

/**
 * Vendor scope, after tRPC's documented `organizationProcedure`: the input names a vendor
 * and the caller must belong to it. A vendor the caller does not belong to is reported
 * as not found (404), never forbidden, so ids of other vendors reveal nothing. Admins
 * (after their second factor) may act for any vendor. The base schema strips (rather than
 * rejects) other keys; each procedure's own strict schema rejects unknown ones.
 */
export const vendorProcedure = authedProcedure.input(z.object({ vendorId: z.uuid() })).use(({ ctx, input, next }) => {
  const session = ctx.session;
  const isStaff = permissionsOf(session).has("users:manage");
  if (isStaff) assertSecondFactor(session);
  else if (!permissionsOf(session).has("vendor:manage") || !session.vendorIds.includes(input.vendorId))
    throw accessDenied(new NotFound("Vendor not found"));
  return next({ ctx: { vendorId: input.vendorId } });
});
