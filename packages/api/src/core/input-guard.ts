import type { FieldErrors } from "./errors";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Half of a surrogate pair: JavaScript strings may hold one, UTF-8 (and PostgreSQL's jsonb) cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MAX_INPUT_DEPTH = 32;

/**
 * Checks a raw procedure input before any schema sees it: no NUL characters (PostgreSQL
 * text cannot store them), no broken Unicode (lone surrogates), no prototype-polluting keys, no absurd nesting. Returns field
 * errors, or null when the input is clean.
 */
export function inspectRawInput(input: unknown): FieldErrors | null {
  // A Map, not an object literal: a path named "__proto__" must stay an ordinary key.
  const errors = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const key = path || "_input";
    errors.set(key, [...(errors.get(key) ?? []), message]);
  };
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > MAX_INPUT_DEPTH) {
      add(path, `Input is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      return;
    }
    if (typeof value === "string") {
      if (value.includes("\u0000")) add(path, "Text must not contain NUL characters");
      if (LONE_SURROGATE.test(value)) add(path, "Text must be valid Unicode");
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) add(child, `The key "${key}" is not allowed`);
      else if (key.includes("\u0000")) add(path, "Keys must not contain NUL characters");
      else if (LONE_SURROGATE.test(key)) add(path, "Keys must be valid Unicode");
      else visit((value as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  visit(input, "", 0);
  return errors.size ? (Object.fromEntries(errors) as FieldErrors) : null;
}

const FORBIDDEN_KEY_TEXT = /"(__proto__|constructor|prototype)"\s*:/;

/**
 * Prototype-polluting keys in a JSON text. Checked on the raw text because superjson
 * silently drops `__proto__` while deserializing, and a dropped key must still be refused.
 */
export function forbiddenKeysInJson(text: string): string[] {
  if (!FORBIDDEN_KEY_TEXT.test(text)) return [];
  const found = new Set<string>();
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) found.add(key);
      return value;
    });
  } catch {
    return []; // not JSON: tRPC's own parser reports that
  }
  return [...found];
}

/**
 * Nesting depth of a JSON text, found by scanning (not parsing), so a 10,000-deep body is
 * refused before a recursive deserializer can overflow the stack on it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
