import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import { handleTrpcRequest } from "../core/http";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { rebuildIndex } from "./indexing";

/** Typed refusals a shopper's browser may get back; anything else (above all INTERNAL_SERVER_ERROR) is a bug. */
const CLIENT_ERRORS = new Set(["BAD_REQUEST", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT", "TOO_MANY_REQUESTS"]);
const RUNS = 200;

let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 300, filesDir: await mkdtemp(path.join(tmpdir(), "um-files-")) });
  await rebuildIndex(createContextInner(h.runtime));
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** What a search box can be fed: query syntax of both engines, LIKE wildcards, escapes, scripts and marks. */
const NASTY_PIECES = [
  ...["&", "|", "!", "(", ")", ":", "*", ":*", "<->", "<2>", "!!", "&&", "''", "\\'", "'", '"', "`"],
  ...["%", "_", "\\", "\\\\", "%_%", "\\%", "[a-z]", "^", "$", ".*", "?", "~", "+", "-", "—", ",", ";--", "/*", "*/"],
  ...["\u0000", "\u0001", "\u007f", "\ufeff", "\u200b", "\u00a0", "\t", "\n", "\r\n"],
  ...["😀", "👨‍👩‍👧‍👦", "🇺🇿", "\ud800", "\udfff", "שלום", "مرحبا", "\u202e", "\u202d", "e\u0301", "a\u0308\u0308\u0308", "ﬁ", "ǅ", "İ", "ß"],
  ...["smartfon", "samsung", "телефон", "Ўзбекистон", "oʻyinchoq", "g'ilof", "256GB", "0", "-1", "1e308", "NaN"],
  ...["select", "or 1=1", "${x}", "__proto__", "constructor", "null", "undefined", "true", "<script>", "&amp;"],
];
/** Text a search box may send: random strings, syntax soup, and now and then 10 KB of it (past the schema's limit). */
const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...NASTY_PIECES), fc.constantFrom("", " ", "  ")), { maxLength: 12 })
      .map((pieces) => pieces.map(([piece, gap]) => piece + gap).join("")),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("smartfon ", "a & | ! ", "😀", "%_\\", "ў").map((piece) => piece.repeat(Math.ceil(10_240 / piece.length))),
  },
);
/** A name a filter may hold: a real one, or text of the kind above. */
const nameOr = (...real: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: nastyText });

/** Inputs of the right shape whose strings and numbers are hostile (unknown slugs, edge prices, odd cursors). */
const priceRange = fc
  .tuple(fc.oneof(fc.nat(), fc.constant(0), fc.constant(Number.MAX_SAFE_INTEGER)), fc.nat(), fc.nat(9))
  .map(([a, b, roll]) =>
    roll === 0 ? { priceMin: Math.max(a, b), priceMax: Math.min(a, b) } : { priceMin: Math.min(a, b), priceMax: Math.max(a, b) },
  );
const wellTypedFilters = fc
  .tuple(
    fc.record(
      {
        category: fc.constantFrom("smartfonlar", "elektronika", "noutbuklar", "no-such-category"),
        brands: fc.array(nameOr("Samsung", "Apple", "LG", "Head & Shoulders"), { minLength: 1, maxLength: 5 }),
        vendors: fc.array(fc.constantFrom("toshkent-elektron", "samarqand-savdo", "buxoro-bozori", "no-such-vendor"), {
          minLength: 1,
          maxLength: 2,
        }),
        inStock: fc.boolean(),
        ratingMin: fc.double({ min: 1, max: 5, noNaN: true }),
        attributes: fc.dictionary(
          fc.constantFrom("origin", "ram", "color", "storage", "x_1"),
          fc.array(nameOr("cn", "8GB", "256GB", "black"), { minLength: 1, maxLength: 3 }),
          { minKeys: 1, maxKeys: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    fc.option(priceRange, { nil: undefined }),
  )
  .map(([filters, prices]) => ({ ...filters, ...prices }));
const cursor = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("o0", "oo", "orr") },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("ozzzz", "ozzzzz", "o-1", "o1.5", "O1", "o", "", "%00"), fc.string({ maxLength: 40 })) },
);
const wellTypedQuery = fc.record(
  {
    text: nastyText,
    filters: wellTypedFilters,
    sort: fc.constantFrom("relevance", "price_asc", "price_desc", "newest", "rating"),
    cursor,
    limit: fc.integer({ min: 1, max: 48 }),
    locale: fc.constantFrom("uz", "ru", "en"),
    facets: fc.boolean(),
  },
  { requiredKeys: ["text"] },
);
const wellTypedSuggest = fc.record(
  { text: nastyText, locale: fc.constantFrom("uz", "ru", "en"), limit: fc.integer({ min: 1, max: 10 }) },
  { requiredKeys: ["text"] },
);

/** A wrong value: another type, a number past every range, or anything at all. */
const wrongValue = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -1, 0.5, "10", "", null, true, [], {}, [null], { json: 1 }),
  fc.anything(),
);
/** One field (or one filter) replaced by a wrong value, or a key no schema knows added. */
function withOneThingWrong<T extends Record<string, unknown>>(valid: fc.Arbitrary<T>, fields: string[]) {
  return fc
    .tuple(
      valid,
      fc.constantFrom(
        ...fields,
        "filters.brands",
        "filters.priceMin",
        "filters.ratingMin",
        "filters.attributes",
        "filters.unknown",
        "role",
        "__proto__",
      ),
      wrongValue,
    )
    .map(([input, field, value]) => {
      const [head, tail] = field.split(".") as [string, string | undefined];
      if (!tail) return { ...input, [head]: value };
      const inner = typeof input[head] === "object" && input[head] !== null ? input[head] : {};
      return { ...input, [head]: { ...inner, [tail]: value } };
    });
}

const queryInput = fc.oneof(
  { weight: 6, arbitrary: wellTypedQuery },
  { weight: 3, arbitrary: withOneThingWrong(wellTypedQuery, ["text", "filters", "sort", "cursor", "limit", "locale", "facets"]) },
  { weight: 1, arbitrary: fc.anything() },
);
const suggestInput = fc.oneof(
  { weight: 6, arbitrary: wellTypedSuggest },
  { weight: 3, arbitrary: withOneThingWrong(wellTypedSuggest, ["text", "locale", "limit"]) },
  { weight: 1, arbitrary: fc.anything() },
);

interface TrpcBody {
  result?: { data: { json: unknown } };
  error?: { json: { message: string; data: { code: string; httpStatus: number } } };
}

/** A GET through the real HTTP handler, as the storefront sends it; `rawInput` skips the JSON encoding. */
async function get(procedure: string, input: unknown, rawInput?: string): Promise<{ status: number; body: TrpcBody }> {
  const encoded = rawInput ?? JSON.stringify({ json: input }) ?? "";
  const request = new Request(`http://localhost:3000/api/trpc/${procedure}?input=${encodeURIComponent(encoded)}`);
  const response = await handleTrpcRequest(h.runtime, request, {
    endpoint: "/api/trpc",
    exposeInternals: false,
    sessionCookieName: "__Host-test",
  });
  return { status: response.status, body: (await response.json()) as TrpcBody };
}

/** How each procedure answered, printed after the run so a reader sees the inputs were not all refused up front. */
const tally = new Map<string, number>();

/** Results, or a typed client error: never a 500. */
function expectResultsOrTypedRefusal(procedure: string, input: unknown, response: { status: number; body: TrpcBody }) {
  const outcome = `${procedure} ${response.status} ${response.body.error?.json.data.code ?? "OK"}`;
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  const where = `${procedure} ${JSON.stringify(input)?.slice(0, 300)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  if (response.status === 200) {
    expect(response.body.result?.data.json, where).toHaveProperty("items");
    return;
  }
  expect(response.status, where).toBeGreaterThanOrEqual(400);
  expect(response.status, where).toBeLessThan(500);
  expect(CLIENT_ERRORS.has(response.body.error?.json.data.code ?? ""), where).toBe(true);
}

async function productsFingerprint(): Promise<string> {
  const [row] = (await h.runtime.sql`
    select count(*)::int as n, md5(coalesce(string_agg(p::text, ',' order by p.id), '')) as digest from products p`) as unknown as [
    { n: number; digest: string },
  ];
  return `${row.n}:${row.digest}`;
}

describe("search analytics with hostile input", () => {
  it("a search whose filter holds half a surrogate pair is answered and logged", async () => {
    // JSON may carry "\ud800" and JavaScript strings may hold it, but PostgreSQL's jsonb refuses it.
    const response = await get("search.query", { text: "smartfon", filters: { brands: ["Samsung\ud800"] } });
    expectResultsOrTypedRefusal("search.query", "lone surrogate", response);
    await h.runtime.searchLog.flush();
    const logged = (await h.runtime.sql`
      select count(*)::int as n from search_queries where text = 'smartfon' and filters ? 'brands'`) as unknown as [{ n: number }];
    expect(response.status === 200 ? logged[0].n : 1).toBeGreaterThan(0);
  });
});

describe("search with hostile input", () => {
  let before: string;
  let answered = 0;
  beforeAll(async () => {
    before = await productsFingerprint();
  });
  afterAll(async () => {
    console.log(`\nsearch with hostile input, answers:\n${[...tally].map(([outcome, n]) => `  ${outcome}: ${n}`).join("\n")}\n`);
    expect(await productsFingerprint()).toBe(before);
  });

  it("search.query answers with results or a typed 4xx, whatever it is sent", async () => {
    await fc.assert(
      fc.asyncProperty(queryInput, async (input) => {
        const response = await get("search.query", input);
        expectResultsOrTypedRefusal("search.query", input, response);
        if (response.status === 200) answered++;
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("search.suggest answers with suggestions or a typed 4xx, whatever it is sent", async () => {
    await fc.assert(
      fc.asyncProperty(suggestInput, async (input) => {
        expectResultsOrTypedRefusal("search.suggest", input, await get("search.suggest", input));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("input that is not JSON at all is refused as a bad request", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("search.query", "search.suggest"),
        fc.oneof(fc.string(), fc.constantFrom("{", '{"json":', "[]", "null", '{"json":{"text":"a"}}}')),
        async (procedure, raw) => {
          const response = await get(procedure, undefined, raw);
          expectResultsOrTypedRefusal(procedure, raw, response);
        },
      ),
      { numRuns: 50 },
    );
  }, 30_000);

  it("every answered search reaches the analytics log (no hostile row blocks a batch)", async () => {
    await h.runtime.searchLog.flush();
    const [{ n }] = (await h.runtime.sql`select count(*)::int as n from search_queries`) as unknown as [{ n: number }];
    // The property runs above: every search.query that answered 200 was logged, the refusals were not.
    expect(answered).toBeGreaterThan(0);
    expect(n).toBeGreaterThanOrEqual(answered);
  });
});
