import "server-only";

import { headers } from "next/headers";

/**
 * Phones get a listing's filters closed, everything else open. Only the first paint depends
 * on this guess: the disclosure's summary shows whenever it is closed, at any width.
 */
export async function looksLikePhone(): Promise<boolean> {
  const request = await headers();
  return request.get("sec-ch-ua-mobile") === "?1" || /Mobi/i.test(request.get("user-agent") ?? "");
}
