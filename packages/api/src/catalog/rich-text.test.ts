import { describe, expect, it } from "vitest";

import { descriptionText, sanitizeDescription } from "./rich-text";

describe("product description sanitising", () => {
  it("keeps formatting and removes anything that could run", () => {
    const dirty = `<p onclick="steal()">Yaxshi <strong>telefon</strong><script>alert(1)</script></p>
      <img src=x onerror=alert(1)><iframe src="https://evil"></iframe><style>body{}</style>
      <ul><li>128 GB</li></ul><a href="javascript:alert(1)">bad</a> <a href="https://brand.uz">site</a>`;
    const clean = sanitizeDescription(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|iframe|style|javascript|<img/i);
    expect(clean).toContain("<strong>telefon</strong>");
    expect(clean).toContain("<ul><li>128 GB</li></ul>");
    expect(clean).toContain('<a href="https://brand.uz" rel="nofollow noopener noreferrer ugc" target="_blank">site</a>');
  });

  it("is stable: sanitising clean text again changes nothing", () => {
    for (const text of ['Oddiy matn, "qoʻshtirnoq" & belgilar', "<p>a &amp; b</p>", "<p>x</p><p>y</p>"]) {
      const once = sanitizeDescription(text);
      expect(sanitizeDescription(once)).toBe(once);
    }
  });

  it("gives plain text for meta descriptions", () => {
    expect(descriptionText("<p>Birinchi &amp; ikkinchi</p><ul><li>bir</li><li>ikki</li></ul>")).toBe("Birinchi & ikkinchi bir ikki");
  });
});
