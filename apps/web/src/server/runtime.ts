import "server-only";

import { headers } from "next/headers";

import { createNextAppServer } from "@ultramarket/api/app-server";
import { env } from "~/env";

export const SESSION_COOKIE = "__Host-um_session";

export const { getRuntime, routes, serverApi } = createNextAppServer({
  service: "web",
  env,
  sessionCookieName: SESSION_COOKIE,
  publicUrl: env.PUBLIC_WEB_URL,
  requestHeaders: async () => new Headers(await headers()),
});
