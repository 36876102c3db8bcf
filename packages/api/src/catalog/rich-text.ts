import sanitizeHtml from "sanitize-html";

import type { LocalizedText } from "@ultramarket/db";

/**
 * What a product description may contain: paragraphs, emphasis, lists, small headings and
 * links. Everything else (scripts, styles, event handlers, iframes, images, `javascript:`
 * links) is removed on the way in, so pages can render stored descriptions as HTML.
 */
const DESCRIPTION_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  transformTags: {
    // Links leave the marketplace without passing on its authority or the opener.
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer ugc", target: "_blank" }),
  },
  allowedSchemesAppliedToAttributes: ["href"],
};
// transformTags adds rel/target after filtering, so they must be allowed too.
DESCRIPTION_POLICY.allowedAttributes = { a: ["href", "rel", "target"] };

/** Text with neither `<` nor `&` cannot hold markup or entities; product pages skip the parser for it. */
const isPlainText = (text: string) => !/[<&>]/.test(text);

export function sanitizeDescription(html: string): string {
  if (isPlainText(html)) return html.trim();
  return sanitizeHtml(html, DESCRIPTION_POLICY).trim();
}

export function sanitizeDescriptions(text: LocalizedText): LocalizedText {
  return { uz: sanitizeDescription(text.uz), ru: sanitizeDescription(text.ru), en: sanitizeDescription(text.en) };
}

/** The description as plain text (meta descriptions, JSON-LD, search). */
export function descriptionText(html: string): string {
  if (isPlainText(html)) return html.replace(/\s+/g, " ").trim();
  return sanitizeHtml(html.replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
