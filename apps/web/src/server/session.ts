import "server-only";

import { redirect } from "next/navigation";

import type { Locale } from "~/i18n/locales";
import { serverApi } from "./runtime";

/**
 * The signed-in visitor and a caller acting as them; anonymous visitors are sent to sign
 * in, and come back to `path` (below the locale, e.g. "/account/security") afterwards.
 */
export async function requireUser(locale: Locale, path: string) {
  const api = await serverApi();
  const me = await api.auth.me();
  if (!me) redirect(`/${locale}/sign-in?next=/${locale}${path}`);
  return { api, me };
}
