/**
 * Public URL of a stored file. Local-disk files are served by each app under /files
 * (except `private/` ones); uploadthing files carry their own https URL as their key.
 */
export function publicFileUrl(storageKey: string): string {
  if (storageKey.startsWith("https://")) return storageKey;
  return `/files/${storageKey.split("/").map(encodeURIComponent).join("/")}`;
}
