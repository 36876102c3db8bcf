import "server-only";

import { createContextInner, createCaller } from "@ultramarket/api";
import { createAppRoutes, sharedRuntime } from "@ultramarket/api/app-server";
import { runtimeConfigFromEnv } from "@ultramarket/api/config";
import { env } from "~/env";

export const getRuntime = () => sharedRuntime(() => runtimeConfigFromEnv(env, "admin"));

export const SESSION_COOKIE = "__Host-um_console";

export const routes = createAppRoutes(getRuntime, {
  exposeInternals: env.APP_ENV === "development",
  sessionCookieName: SESSION_COOKIE,
  trustedOrigins: [new URL(env.PUBLIC_ADMIN_URL).origin],
});

/** Server components call procedures directly, with the same context a request would get. */
export async function serverApi() {
  const runtime = await getRuntime();
  return createCaller({ ...createContextInner(runtime), exposeInternals: env.APP_ENV === "development" });
}
