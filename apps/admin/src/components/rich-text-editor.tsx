"use client";

import type { ClipboardEvent, KeyboardEvent, ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";

import { buttonClass, cn } from "@ultramarket/ui";
import { cleanHtml, normaliseHref, richTextClass, toEditorHtml } from "~/lib/rich-text";

type Command = "bold" | "italic" | "bulleted" | "numbered" | "heading" | "link" | "clear";

const TOOLS: { command: Command; label: string; icon: ReactNode; shortcut?: string }[] = [
  { command: "bold", label: "Bold", icon: <strong>B</strong>, shortcut: "Control+B" },
  { command: "italic", label: "Italic", icon: <em className="font-serif">I</em>, shortcut: "Control+I" },
  { command: "bulleted", label: "Bulleted list", icon: "•≡" },
  { command: "numbered", label: "Numbered list", icon: "1≡" },
  { command: "heading", label: "Heading", icon: "H" },
  {
    command: "link",
    label: "Link",
    icon: (
      <svg viewBox="0 0 20 20" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" className="inline-block">
        <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l3-3a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0l-3 3a3.5 3.5 0 0 0 5 5l1-1" />
      </svg>
    ),
    shortcut: "Control+K",
  },
  {
    command: "clear",
    label: "Clear formatting",
    icon: (
      <span>
        T<sub className="text-[0.6rem]">x</sub>
      </span>
    ),
  },
];

type Pressed = Partial<Record<Command, boolean>>;

/**
 * A small rich-text editor for product descriptions, without dependencies: a contentEditable
 * region (role=textbox, aria-multiline) driven by document.execCommand, with a toolbar that
 * follows the ARIA toolbar pattern (one tab stop, arrow keys between buttons). The value is
 * HTML in the description policy's tags; plain-text values (written before rich text) load as
 * paragraphs. onChange fires only on the vendor's own edits, so an untouched description
 * saves unchanged.
 */
export function RichTextEditor({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (html: string) => void;
  error?: string[];
  hint?: ReactNode;
  required?: boolean;
}) {
  const id = useId();
  const editorRef = useRef<HTMLDivElement>(null);
  /** The value the editable shows (null before the first sync): our own onChange coming back as `value` needs no rewrite. */
  const synced = useRef<string | null>(null);
  /** The cleaned HTML the editable showed at the last sync or edit: focusing and leaving without typing changes nothing. */
  const shown = useRef<string | null>(null);
  /** Where the caret was when the editor lost focus (to the toolbar or the link field). */
  const savedRange = useRef<Range | null>(null);
  const [pressed, setPressed] = useState<Pressed>({});
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkText, setLinkText] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);

  const invalid = Boolean(error?.length);
  const describedBy = [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;

  // Outside changes of the value (first render, a reset) are written into the editable; our own echo is not.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || synced.current === value) return;
    if (synced.current === null && !value && editor.textContent?.trim()) {
      // Typed before the page became interactive (the server sent an empty editable): keep it.
      const html = cleanHtml(editor.innerHTML);
      synced.current = html;
      shown.current = html;
      onChange(html);
      return;
    }
    editor.innerHTML = cleanHtml(toEditorHtml(value));
    synced.current = value;
    shown.current = cleanHtml(editor.innerHTML);
  }, [value, onChange]);

  // Toolbar buttons show whether the caret is in bold, a list, a heading…
  useEffect(() => {
    function update() {
      const editor = editorRef.current;
      const selection = document.getSelection();
      if (!editor || !selection?.rangeCount || !editor.contains(selection.anchorNode)) return;
      const block = String(document.queryCommandValue("formatBlock")).toLowerCase();
      setPressed({
        bold: document.queryCommandState("bold"),
        italic: document.queryCommandState("italic"),
        bulleted: document.queryCommandState("insertUnorderedList"),
        numbered: document.queryCommandState("insertOrderedList"),
        heading: block === "h3" || block === "h4",
        link: Boolean(linkAt(editor, selection.anchorNode)),
      });
    }
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, []);

  function emit() {
    const editor = editorRef.current;
    if (!editor) return;
    const html = cleanHtml(editor.innerHTML);
    if (html === shown.current) return;
    shown.current = html;
    synced.current = html;
    onChange(html);
  }

  function rememberSelection() {
    const editor = editorRef.current;
    const selection = document.getSelection();
    if (editor && selection?.rangeCount && editor.contains(selection.anchorNode)) savedRange.current = selection.getRangeAt(0).cloneRange();
  }

  function restoreSelection() {
    const editor = editorRef.current;
    if (!editor) return;
    editor.focus();
    const selection = document.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    // Enter makes paragraphs, not <div>s.
    document.execCommand("defaultParagraphSeparator", false, "p");
  }

  function exec(command: string, argument?: string) {
    document.execCommand(command, false, argument);
  }

  function run(command: Command) {
    if (command === "link") {
      rememberSelection();
      const editor = editorRef.current;
      const existing = editor ? linkAt(editor, savedRange.current?.startContainer ?? null) : null;
      setLinkText(existing?.getAttribute("href") ?? "");
      setLinkError(null);
      setLinkOpen(true);
      return;
    }
    restoreSelection();
    if (command === "bold") exec("bold");
    else if (command === "italic") exec("italic");
    else if (command === "bulleted") exec("insertUnorderedList");
    else if (command === "numbered") exec("insertOrderedList");
    else if (command === "heading") {
      // A list item becomes a heading by leaving the list first.
      if (document.queryCommandState("insertUnorderedList")) exec("insertUnorderedList");
      if (document.queryCommandState("insertOrderedList")) exec("insertOrderedList");
      const block = String(document.queryCommandValue("formatBlock")).toLowerCase();
      exec("formatBlock", block === "h3" ? "<p>" : "<h3>");
    } else if (command === "clear") {
      exec("removeFormat");
      exec("unlink");
      if (document.queryCommandState("insertUnorderedList")) exec("insertUnorderedList");
      if (document.queryCommandState("insertOrderedList")) exec("insertOrderedList");
      exec("formatBlock", "<p>");
    }
    rememberSelection();
    emit();
  }

  function applyLink() {
    const text = linkText.trim();
    restoreSelection();
    if (!text) exec("unlink");
    else {
      const href = normaliseHref(text);
      if (!href) {
        setLinkError("Links start with https://, http://, mailto: or tel:");
        document.getElementById(`${id}-link`)?.focus();
        return;
      }
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed) {
        const escaped = href.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
        exec("insertHTML", `<a href="${escaped}">${escaped}</a>`);
      } else exec("createLink", href);
    }
    setLinkOpen(false);
    emit();
  }

  function closeLink() {
    setLinkOpen(false);
    restoreSelection();
  }

  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const keys: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % TOOLS.length,
      ArrowLeft: (i) => (i - 1 + TOOLS.length) % TOOLS.length,
      Home: () => 0,
      End: () => TOOLS.length - 1,
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    const index = next(focusIndex);
    setFocusIndex(index);
    event.currentTarget.querySelectorAll<HTMLButtonElement>("button")[index]?.focus();
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      run("link");
    }
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    // Pasted HTML keeps only the allowed tags; anything else goes in as plain text.
    event.preventDefault();
    const html = event.clipboardData.getData("text/html");
    if (html) exec("insertHTML", cleanHtml(html));
    else exec("insertText", event.clipboardData.getData("text/plain"));
    emit();
  }

  return (
    <div className="space-y-1">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-700" onClick={() => editorRef.current?.focus()}>
        {label}
      </span>
      <div
        className={cn(
          "rounded-lg border bg-white shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30",
          invalid ? "border-red-500" : "border-slate-300",
        )}
      >
        <div
          role="toolbar"
          aria-label="Formatting"
          aria-controls={`${id}-editor`}
          className="flex flex-wrap gap-1 border-b border-slate-200 p-1"
          onKeyDown={onToolbarKeyDown}
        >
          {TOOLS.map((tool, index) => (
            <button
              key={tool.command}
              type="button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={tool.label}
              aria-pressed={tool.command === "clear" ? undefined : Boolean(pressed[tool.command])}
              aria-keyshortcuts={tool.shortcut}
              title={tool.shortcut ? `${tool.label} (${tool.shortcut.replace("Control", "Ctrl")})` : tool.label}
              // Keep the editor's selection when clicked with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={() => run(tool.command)}
              className={cn(
                "min-w-8 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600",
                pressed[tool.command] && "bg-indigo-50 text-indigo-700",
              )}
            >
              <span aria-hidden="true">{tool.icon}</span>
            </button>
          ))}
        </div>
        {linkOpen ? (
          <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 bg-slate-50 p-2" role="group" aria-label="Link">
            <div className="min-w-56 flex-1 space-y-1">
              <label htmlFor={`${id}-link`} className="block text-xs font-medium text-slate-700">
                Link address
              </label>
              <input
                id={`${id}-link`}
                type="url"
                value={linkText}
                placeholder="https://…"
                autoFocus
                aria-invalid={linkError ? true : undefined}
                aria-describedby={linkError ? `${id}-link-error` : undefined}
                onChange={(event) => setLinkText(event.target.value)}
                onKeyDown={(event) => {
                  // Enter applies the link (and must not submit the product form); Escape goes back to the text.
                  if (event.key === "Enter") {
                    event.preventDefault();
                    applyLink();
                  } else if (event.key === "Escape") {
                    event.preventDefault();
                    closeLink();
                  }
                }}
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
              />
              {linkError ? (
                <p id={`${id}-link-error`} role="alert" className="text-xs text-red-600">
                  {linkError}
                </p>
              ) : null}
            </div>
            <button type="button" className={buttonClass("primary")} onClick={applyLink}>
              {linkText.trim() ? "Apply link" : "Remove link"}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={closeLink}>
              Cancel
            </button>
          </div>
        ) : null}
        <div
          ref={editorRef}
          id={`${id}-editor`}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          contentEditable
          suppressContentEditableWarning
          spellCheck
          onInput={emit}
          onBlur={() => {
            rememberSelection();
            emit();
          }}
          onKeyUp={rememberSelection}
          onMouseUp={rememberSelection}
          onFocus={() => document.execCommand("defaultParagraphSeparator", false, "p")}
          onKeyDown={onEditorKeyDown}
          onPaste={onPaste}
          className={cn("min-h-40 px-3 py-2 focus:outline-none", richTextClass)}
        />
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error![0]}
        </p>
      ) : null}
    </div>
  );
}

function linkAt(editor: HTMLElement, node: Node | null): HTMLAnchorElement | null {
  for (let current = node; current && current !== editor; current = current.parentNode) {
    if (current instanceof HTMLAnchorElement) return current;
  }
  return null;
}
