import type { Metadata } from "next";

import { env } from "~/env";
import { DEFAULT_LOCALE, LOCALES } from "~/i18n/locales";
import type { Locale } from "~/i18n/locales";

/** The storefront's public origin, without a trailing slash. */
export const siteOrigin = (): string => env.PUBLIC_WEB_URL.replace(/\/+$/, "");

/** An absolute URL for a path (`/uz/p/x`) or an already absolute URL (image on a CDN). */
export function absoluteUrl(pathOrUrl: string): string {
  if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
  return `${siteOrigin()}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}

/** `/{locale}{rest}`, where rest is "" (home) or starts with "/". */
export const localePath = (locale: Locale, rest: string): string => `/${locale}${rest}`;

/** hreflang alternates for a page that exists in every language at `/{locale}{rest}`; x-default is Uzbek. */
export function languageAlternates(rest: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of LOCALES) languages[locale] = absoluteUrl(localePath(locale, rest));
  languages["x-default"] = absoluteUrl(localePath(DEFAULT_LOCALE, rest));
  return languages;
}

/** hreflang alternates for a page whose path differs by language (categories have a slug per language). */
export function localizedAlternates(locale: Locale, restByLocale: Record<Locale, string>): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = {};
  for (const l of LOCALES) languages[l] = absoluteUrl(localePath(l, restByLocale[l]));
  languages["x-default"] = absoluteUrl(localePath(DEFAULT_LOCALE, restByLocale[DEFAULT_LOCALE]));
  return { canonical: absoluteUrl(localePath(locale, restByLocale[locale])), languages };
}

/** Metadata `alternates`: the canonical URL in this language, and the page in every language. */
export function alternatesFor(locale: Locale, rest: string): NonNullable<Metadata["alternates"]> {
  return { canonical: absoluteUrl(localePath(locale, rest)), languages: languageAlternates(rest) };
}

/** JSON for an inline `<script>`: `<` is escaped so no text can close the script element. */
export const jsonLdString = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const xmlEscape = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** An XML response that caches briefly at the edge. */
export function xmlResponse(body: string): Response {
  return new Response(body, {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}

/** A `<url>` entry with its language alternates (`rest` per language when the path differs by language). */
export function sitemapUrl(locale: Locale, rest: string | Record<Locale, string>, lastmod: Date | null): string {
  const languages =
    typeof rest === "string" ? languageAlternates(rest) : (localizedAlternates(locale, rest).languages as Record<string, string>);
  const own = typeof rest === "string" ? rest : rest[locale];
  const alternates = Object.entries(languages)
    .map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${xmlEscape(lang)}" href="${xmlEscape(href)}"/>`)
    .join("");
  const mod = lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : "";
  return `<url><loc>${xmlEscape(absoluteUrl(localePath(locale, own)))}</loc>${mod}${alternates}</url>`;
}

export const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
export const URLSET_CLOSE = "</urlset>\n";
