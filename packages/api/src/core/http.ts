import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { parseCookies, resolveCaller, sessionCookieHeaders } from "../auth/resolve";
import { appRouter } from "../root";
import { createContextInner } from "./context";
import type { FieldErrors } from "./errors";
import { forbiddenKeysInJson, jsonDepthExceeds, MAX_INPUT_DEPTH } from "./input-guard";
import type { Runtime } from "./runtime";

export const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** An error body in tRPC's own (superjson) shape, for requests refused before tRPC runs. */
function refuse(
  status: 400 | 403 | 413,
  code: "BAD_REQUEST" | "FORBIDDEN" | "PAYLOAD_TOO_LARGE",
  message: string,
  requestId: string,
  fieldErrors: FieldErrors | null = null,
): Response {
  const body = {
    error: {
      json: {
        message,
        code: status === 413 ? -32013 : status === 403 ? -32003 : -32600,
        data: { code, httpStatus: status, path: null, domainCode: status === 400 ? "VALIDATION_FAILED" : code, fieldErrors },
      },
    },
  };
  return Response.json(body, { status, headers: { "x-request-id": requestId } });
}

/** Reads at most `limit` bytes; null when the body is larger, whatever Content-Length said. */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const bytes = await readLimitedBytes(request, limit);
  return bytes === null ? null : bytes.toString("utf8");
}

export async function readLimitedBytes(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function inspectJsonText(text: string, requestId: string): Response | null {
  if (jsonDepthExceeds(text, MAX_INPUT_DEPTH + 8)) return refuse(400, "BAD_REQUEST", "Input is nested too deeply", requestId);
  const keys = forbiddenKeysInJson(text);
  if (keys.length === 0) return null;
  const fieldErrors = Object.fromEntries(keys.map((key) => [key, [`The key "${key}" is not allowed`]])) as FieldErrors;
  return refuse(400, "BAD_REQUEST", "Invalid input", requestId, fieldErrors);
}

/**
 * The request with its body already read as text, for tRPC to parse. A JSON request (all our
 * clients send) gets a light stand-in with what tRPC's JSON handler reads (method, url,
 * headers, signal, json()): copying the request costs a second Request, AbortSignal and body
 * stream per mutation (bench:checkout). Any other content type gets a real copy.
 */
function withReadBody(request: Request, body: string): Request {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    return new Request(request.url, { method: "POST", headers: request.headers, body });
  const { method, url, headers, signal } = request;
  // async, so malformed JSON rejects (as Request.json() does) and tRPC answers 400 PARSE_ERROR.
  const json = async (): Promise<unknown> => JSON.parse(body);
  return { method, url, headers, signal, json, text: async () => body } as unknown as Request;
}

export interface TrpcHandlerOptions {
  endpoint: string;
  exposeInternals: boolean;
  /** Each app has its own cookie: storefront and console share a host in development. */
  sessionCookieName: string;
  /** Origins allowed to send mutations with the session cookie, besides the request's own. */
  trustedOrigins?: string[];
  /** The guest cart's cookie (default `__Host-um_cart`). */
  cartCookieName?: string;
}

/**
 * CSRF defence for cookie-authenticated mutations: the browser must say the request comes
 * from our own origin (Origin, or Sec-Fetch-Site when Origin is absent). Requests that
 * authenticate with a header (access token, API key) carry no ambient credentials and pass.
 */
function isSameOriginMutation(request: Request, trusted: string[]): boolean {
  if (request.headers.get("authorization") || request.headers.get("x-api-key")) return true;
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(request.url).origin || trusted.includes(origin);
  return request.headers.get("sec-fetch-site") === "same-origin";
}

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

/**
 * The HTTP face of the app router, shared by storefront, console and benchmarks:
 * bounds the body (1 MiB) and its nesting before anything parses it, carries a request
 * id through the logs, and hands the rest to tRPC's fetch adapter.
 */
export async function handleTrpcRequest(runtime: Runtime, request: Request, options: TrpcHandlerOptions): Promise<Response> {
  const incomingId = request.headers.get("x-request-id");
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  let forwarded = request;

  if (request.method === "POST") {
    if (!isSameOriginMutation(request, options.trustedOrigins ?? [])) {
      return refuse(403, "FORBIDDEN", "Cross-origin request refused", requestId);
    }
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES) return refuse(413, "PAYLOAD_TOO_LARGE", "Request body is larger than 1 MiB", requestId);
    const body = await readLimited(request, MAX_BODY_BYTES);
    if (body === null) return refuse(413, "PAYLOAD_TOO_LARGE", "Request body is larger than 1 MiB", requestId);
    const refused = inspectJsonText(body, requestId);
    if (refused) return refused;
    forwarded = withReadBody(request, body);
  } else {
    const input = new URL(request.url).searchParams.get("input");
    const refused = input ? inspectJsonText(input, requestId) : null;
    if (refused) return refused;
  }

  const responseCookies = new Headers();
  const cookie = sessionCookieHeaders(options.sessionCookieName, responseCookies);
  const caller = await resolveCaller(runtime, request.headers, options.sessionCookieName);
  if (caller.stale) cookie.clear();
  const meta = {
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent"),
    idempotencyKey: request.headers.get("idempotency-key"),
  };
  const cartCookieName = options.cartCookieName ?? "__Host-um_cart";
  const cartToken = parseCookies(request.headers.get("cookie")).get(cartCookieName) ?? null;
  const cartCookie = { read: () => cartToken, ...sessionCookieHeaders(cartCookieName, responseCookies) };

  const response = await fetchRequestHandler({
    endpoint: options.endpoint,
    req: forwarded,
    router: appRouter,
    // Mutations by POST only; GET is for queries (and lets CDNs cache public reads).
    allowMethodOverride: false,
    createContext: () => ({
      ...createContextInner(runtime, { requestId, session: caller.session, request: meta, cookie, cartCookie }),
      exposeInternals: options.exposeInternals,
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") runtime.logger.error({ requestId, path, err: error.cause ?? error }, "unhandled error");
    },
  });
  response.headers.set("x-request-id", requestId);
  for (const value of responseCookies.getSetCookie()) response.headers.append("set-cookie", value);
  // Answers that depend on who asks must never be stored by a shared cache.
  // A guest's cart cookie makes the answer personal too (cart.get is a GET).
  if (caller.session || cartToken || responseCookies.has("set-cookie")) response.headers.set("cache-control", "private, no-store");
  return response;
}
