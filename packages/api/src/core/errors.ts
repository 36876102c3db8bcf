import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/** Field path (dot-joined) → messages, as forms display them. */
export type FieldErrors = Record<string, string[]>;

export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_STATE",
  "OUT_OF_STOCK",
  "PAYMENT_DECLINED",
  "RATE_LIMITED",
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * Base of every error a service throws on purpose. Services know nothing of tRPC; the
 * procedure layer maps `code` to a tRPC code with DOMAIN_TO_TRPC below, in one place.
 */
const DOMAIN_ERROR = Symbol.for("ultramarket.domain-error");

export abstract class DomainError extends Error {
  /**
   * `instanceof DomainError` checks this brand, not the prototype chain: Next.js can load
   * this module once per bundle (instrumentation, each route), and an error thrown by one
   * copy must still be recognised by another.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== DomainError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
  }
  readonly [DOMAIN_ERROR] = true;
  abstract readonly code: DomainErrorCode;
  /** Set when a procedure's access check (not the service's own rules) refused the call. */
  accessCheck = false;
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly code = "NOT_FOUND";
}
export class Forbidden extends DomainError {
  readonly code = "FORBIDDEN";
}
export class Unauthenticated extends DomainError {
  readonly code = "UNAUTHENTICATED";
}
export class Conflict extends DomainError {
  readonly code = "CONFLICT";
}
export class InvalidState extends DomainError {
  readonly code = "INVALID_STATE";
}
export class OutOfStock extends DomainError {
  readonly code = "OUT_OF_STOCK";
}
export class PaymentDeclined extends DomainError {
  readonly code = "PAYMENT_DECLINED";
}
export class RateLimited extends DomainError {
  readonly code = "RATE_LIMITED";
}
export class ValidationFailed extends DomainError {
  readonly code = "VALIDATION_FAILED";
}
export class PayloadTooLarge extends DomainError {
  readonly code = "PAYLOAD_TOO_LARGE";
}

export const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  OUT_OF_STOCK: "CONFLICT",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  VALIDATION_FAILED: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

/** An error raised by an access check of the procedure builders. */
export function accessDenied<T extends DomainError>(error: T): T {
  error.accessCheck = true;
  return error;
}
