/**
 * Product descriptions are stored as sanitised HTML (the API's policy in
 * packages/api/src/catalog/rich-text.ts). The console's editor keeps to the same tags, so
 * what the vendor sees is what gets stored; the API sanitises again either way.
 *
 * Browser-only: cleaning parses into a document without a browsing context (nothing in it
 * loads or runs), so call it from effects and event handlers, never during server rendering.
 */

const KEEP = new Set(["P", "BR", "STRONG", "EM", "U", "UL", "OL", "LI", "H3", "H4", "BLOCKQUOTE", "A"]);
/** Tags kept under another name: what the browser's editing commands or a paste may produce. */
const RENAME: Record<string, string> = { B: "STRONG", I: "EM", DIV: "P", H1: "H3", H2: "H3", H5: "H4", H6: "H4" };
/** Dropped with everything inside them. */
const DROP = new Set([
  "SCRIPT",
  "STYLE",
  "TEMPLATE",
  "NOSCRIPT",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "MATH",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
  "IMG",
  "VIDEO",
  "AUDIO",
  "CANVAS",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "BUTTON",
]);
const BLOCKS = new Set(["P", "UL", "OL", "H3", "H4", "BLOCKQUOTE"]);
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** True when the text looks like HTML (has a tag); descriptions written before rich text are plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text);
}

/** Plain text (blank lines between paragraphs) as HTML paragraphs; HTML passes through. */
export function toEditorHtml(value: string): string {
  if (!value.trim() || looksLikeHtml(value)) return value;
  return value
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** A link target the description policy keeps, or null: bare domains get https://. */
export function normaliseHref(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (SAFE_HREF.test(text)) return text;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text)) return `https://${text}`;
  return null;
}

function cleanChildren(source: Node, target: Node, doc: Document, insideBlock: boolean) {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (DROP.has(tag)) continue;
    const name = RENAME[tag] ?? tag;
    // A block inside a paragraph or heading (a pasted <div> in a <p>, a list made a heading) is unwrapped instead.
    const nestedBlock = insideBlock && BLOCKS.has(name);
    // A list item outside a list is unwrapped too.
    const strayItem = name === "LI" && !["UL", "OL"].includes((target as Element).tagName?.toUpperCase() ?? "");
    if (!KEEP.has(name) || nestedBlock || strayItem) {
      cleanChildren(element, target, doc, insideBlock);
      if (nestedBlock || strayItem) target.appendChild(doc.createElement("br"));
      continue;
    }
    if (name === "A") {
      const href = normaliseHref(element.getAttribute("href") ?? "");
      if (!href) {
        cleanChildren(element, target, doc, insideBlock);
        continue;
      }
      const link = doc.createElement("a");
      link.setAttribute("href", href);
      cleanChildren(element, link, doc, insideBlock);
      target.appendChild(link);
      continue;
    }
    const copy = doc.createElement(name.toLowerCase());
    cleanChildren(element, copy, doc, insideBlock || name === "P" || name === "H3" || name === "H4");
    // Empty elements (a browser's leftovers, such as the <p></p> around a list it inserted) show nothing.
    if (name !== "BR" && !copy.hasChildNodes()) continue;
    target.appendChild(copy);
  }
}

/**
 * The allowed subset of some HTML: known tags only, no attributes but a safe link's href,
 * loose text at the top level gathered into paragraphs; "" when no text is left.
 */
export function cleanHtml(html: string): string {
  const doc = document.implementation.createHTMLDocument("");
  const source = doc.createElement("div");
  source.innerHTML = html;
  const cleaned = doc.createElement("div");
  cleanChildren(source, cleaned, doc, false);

  // Top-level inline runs (text, emphasis, links, breaks) become paragraphs.
  const out = doc.createElement("div");
  let paragraph: HTMLElement | null = null;
  for (const node of Array.from(cleaned.childNodes)) {
    const isBlock = node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName.toUpperCase());
    if (isBlock) {
      paragraph = null;
      out.appendChild(node);
    } else if (node.nodeType === Node.TEXT_NODE && !paragraph && !(node.textContent ?? "").trim()) {
      continue;
    } else {
      paragraph ??= out.appendChild(doc.createElement("p"));
      paragraph.appendChild(node);
    }
  }
  // Empty paragraphs at either end (what Enter leaves behind) go.
  for (const edge of ["firstChild", "lastChild"] as const) {
    for (let node = out[edge]; node && isEmptyBlock(node); node = out[edge]) out.removeChild(node);
  }
  if (!(out.textContent ?? "").trim()) return "";
  return out.innerHTML;
}

function isEmptyBlock(node: ChildNode): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === "P" && !(node.textContent ?? "").trim();
}

/** Typography for rendered descriptions (editor and preview alike). */
export const richTextClass =
  "text-sm leading-relaxed text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:text-base [&_h3]:font-semibold [&_h4]:mt-2 [&_h4]:mb-1 [&_h4]:font-semibold [&_li]:my-0.5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6";
