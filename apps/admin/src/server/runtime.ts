import "server-only";

import { headers } from "next/headers";

import { createNextAppServer } from "@ultramarket/api/app-server";
import { env } from "~/env";

export const SESSION_COOKIE = "__Host-um_console";

export const { getRuntime, routes, serverApi } = createNextAppServer({
  service: "admin",
  env,
  sessionCookieName: SESSION_COOKIE,
  publicUrl: env.PUBLIC_ADMIN_URL,
  requestHeaders: async () => new Headers(await headers()),
});
