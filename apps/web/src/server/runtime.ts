import "server-only";

import { headers } from "next/headers";

import { clientIp, createCaller, createContextInner, resolveCaller } from "@ultramarket/api";
import { createAppRoutes, sharedRuntime } from "@ultramarket/api/app-server";
import { runtimeConfigFromEnv } from "@ultramarket/api/config";
import { env } from "~/env";

export const getRuntime = () => sharedRuntime(() => runtimeConfigFromEnv(env, "web"));

export const SESSION_COOKIE = "__Host-um_session";

export const routes = createAppRoutes(getRuntime, {
  exposeInternals: env.APP_ENV === "development",
  sessionCookieName: SESSION_COOKIE,
  trustedOrigins: [new URL(env.PUBLIC_WEB_URL).origin],
});

/**
 * Server components call procedures directly, as the signed-in visitor (resolved from the
 * same cookie the tRPC endpoint reads). They cannot set cookies: sign-in and other
 * mutations go through the tRPC endpoint from client components.
 */
export async function serverApi() {
  const runtime = await getRuntime();
  const requestHeaders = new Headers(await headers());
  const { session } = await resolveCaller(createContextInner(runtime), requestHeaders, SESSION_COOKIE);
  const request = { ip: clientIp(requestHeaders), userAgent: requestHeaders.get("user-agent") };
  return createCaller({ ...createContextInner(runtime, { session, request }), exposeInternals: env.APP_ENV === "development" });
}
