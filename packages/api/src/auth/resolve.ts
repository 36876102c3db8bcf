import { authenticateApiKey } from "../api-keys/service";
import type { Context, Session, SessionCookie } from "../core/context";
import { validateSessionToken } from "./sessions";
import { verifyAccessToken } from "./tokens";

export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

/** A `__Host-` cookie: Secure, Path=/, no Domain, so only this exact origin ever gets it. */
export function sessionCookieHeaders(name: string, responseHeaders: Headers): SessionCookie {
  return {
    set(token, expiresAt) {
      responseHeaders.append("set-cookie", `${name}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Expires=${expiresAt.toUTCString()}`);
    },
    clear() {
      responseHeaders.append("set-cookie", `${name}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`);
    },
  };
}

/**
 * Who is calling: `Authorization: Bearer <access token>`, `Authorization: ApiKey <key>`
 * (or `x-api-key`), or the session cookie. Returns `stale` when a cookie names no live
 * session, so the caller can clear it.
 */
export async function resolveCaller(
  ctx: Pick<Context, "db" | "kv" | "clock" | "authSecret">,
  headers: Headers,
  cookieName: string,
): Promise<{ session: Session | null; stale: boolean }> {
  const authorization = headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) return { session: await verifyAccessToken(ctx, authorization.slice(7).trim()), stale: false };
  const apiKey = authorization?.startsWith("ApiKey ") ? authorization.slice(7).trim() : headers.get("x-api-key");
  if (apiKey) return { session: await authenticateApiKey(ctx, apiKey), stale: false };
  const token = parseCookies(headers.get("cookie")).get(cookieName);
  if (!token) return { session: null, stale: false };
  if (!/^[a-z2-7]{20,64}$/.test(token)) return { session: null, stale: true };
  const stored = await validateSessionToken(ctx, token);
  if (!stored) return { session: null, stale: true };
  return {
    session: {
      kind: "user",
      sessionId: stored.id,
      userId: stored.userId,
      role: stored.role,
      vendorIds: stored.vendorIds,
      twoFactorVerified: stored.twoFactorVerified,
    },
    stale: false,
  };
}
