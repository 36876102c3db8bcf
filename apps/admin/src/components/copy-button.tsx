"use client";

import { useState } from "react";

import { buttonClass, cn } from "@ultramarket/ui";

/** Copies text to the clipboard and says so (politely, for screen readers). */
export function CopyButton({ text, label = "Copy", className }: { text: string; label?: string; className?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }
  return (
    <button type="button" onClick={copy} className={cn(buttonClass("secondary"), "shrink-0", className)}>
      <span aria-live="polite">{status === "copied" ? "Copied" : status === "failed" ? "Copy failed: select and copy" : label}</span>
    </button>
  );
}
