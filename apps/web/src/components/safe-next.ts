/**
 * A `?next=` target that stays on this site: a path starting with one "/" (not "//", which
 * browsers read as another host, and no backslash, which some read as a slash), else null.
 */
export function safeNext(value: string | string[] | undefined): string | null {
  if (typeof value !== "string") return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value;
}

/** The first value of a search parameter, or "" when absent. */
export function searchParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
