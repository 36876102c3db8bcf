/**
 * Public URL of a stored file. Local-disk files are served by each app under /files;
 * the uploadthing backend (when its token is set, in the catalog issue) returns its own URLs.
 */
export function publicFileUrl(storageKey: string): string {
  return `/files/${storageKey.split("/").map(encodeURIComponent).join("/")}`;
}
