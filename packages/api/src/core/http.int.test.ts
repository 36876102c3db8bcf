import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { handleTrpcRequest } from "./http";
import { createRuntime } from "./runtime";
import { createLogger } from "./logger";
import { renderMetrics } from "./metrics";

let h: TestHarness;
const BASE = "http://localhost:3000/api/trpc";

beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(async () => {
  await h?.close();
});

const call = (request: Request, exposeInternals = false) =>
  handleTrpcRequest(h.runtime, request, { endpoint: "/api/trpc", exposeInternals, sessionCookieName: "__Host-test" });

const query = (path: string, input: unknown) =>
  call(new Request(`${BASE}/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`));

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  call(
    new Request(`${BASE}/${path}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
    }),
  );

interface ErrorBody {
  error: {
    json: {
      message: string;
      data: { httpStatus: number; domainCode: string; fieldErrors: Record<string, string[]> | null; stack?: string };
    };
  };
}

async function expectTypedClientError(response: Response, status: number) {
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(text).not.toMatch(/at .+\.(ts|js):\d+/); // no stack frames
  expect(text).not.toMatch(/select |insert |from "/i); // no SQL
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.json.data.httpStatus).toBe(status);
  expect(body.error.json.data.stack).toBeUndefined();
  return body.error.json;
}

async function tableCounts() {
  const rows = (await h.runtime.sql`
    select (select count(*) from products)::int as products, (select count(*) from users)::int as users,
           (select count(*) from pgboss.job)::int as jobs, (select count(*) from dev_mailbox)::int as mail`) as unknown as object[];
  return rows[0];
}

describe("bad input over HTTP gets a typed 4xx with field messages and changes nothing", () => {
  let before: object | undefined;
  beforeAll(async () => {
    before = await tableCounts();
  });
  afterAll(async () => {
    expect(await tableCounts()).toEqual(before);
  });

  it("wrong types", async () => {
    const error = await expectTypedClientError(await query("catalog.listProducts", { limit: "ten", sort: 5 }), 400);
    expect(error.message).toBe("Invalid input");
    expect(error.data.domainCode).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.data.fieldErrors ?? {})).toEqual(expect.arrayContaining(["limit", "sort"]));
  });

  it("unknown keys", async () => {
    const error = await expectTypedClientError(await query("catalog.productBySlug", { slug: "x", role: "ADMIN" }), 400);
    expect(JSON.stringify(error.data.fieldErrors)).toContain("role");
  });

  it("__proto__ keys", async () => {
    const body = '{"json":{"slug":"telefon","__proto__":{"isAdmin":true}}}';
    const response = await call(new Request(`${BASE}/catalog.productBySlug?input=${encodeURIComponent(body)}`));
    const error = await expectTypedClientError(response, 400);
    expect(Object.keys(error.data.fieldErrors ?? {})).toContain("__proto__");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("NUL bytes", async () => {
    const error = await expectTypedClientError(await query("catalog.productBySlug", { slug: "tele\u0000fon" }), 400);
    expect(error.data.fieldErrors).toEqual({ slug: ["Text must not contain NUL characters"] });
  });

  it("a body over 1 MiB, declared or not", async () => {
    const big = JSON.stringify({ json: { slug: "a".repeat(1024 * 1024 + 10) } });
    const declared = await post("catalog.productBySlug", big);
    expect((await expectTypedClientError(declared, 413)).data.domainCode).toBe("PAYLOAD_TOO_LARGE");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        controller.close();
      },
    });
    const chunked = await call(
      new Request(`${BASE}/catalog.productBySlug`, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { origin: "http://localhost:3000" },
      } as RequestInit),
    );
    await expectTypedClientError(chunked, 413);
  });

  it("10,000-deep JSON", async () => {
    const deep = `{"json":{"slug":${"[".repeat(10_000)}1${"]".repeat(10_000)}}}`;
    await expectTypedClientError(await post("catalog.productBySlug", deep), 400);
    const inQuery = await call(new Request(`${BASE}/catalog.productBySlug?input=${encodeURIComponent(deep)}`));
    await expectTypedClientError(inQuery, 400);
  });

  it("malformed JSON", async () => {
    await expectTypedClientError(await call(new Request(`${BASE}/catalog.productBySlug?input=%7Bnot-json`)), 400);
    await expectTypedClientError(await post("cart.addItem", "{not-json"), 400);
  });

  it("a mutation body that is not JSON", async () => {
    const form = await post("cart.addItem", "variantId=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    const text = await post("cart.addItem", "hello", { "content-type": "text/plain" });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });

  it("a query sent as a mutation, and unknown procedures", async () => {
    const asPost = await post("catalog.productBySlug", JSON.stringify({ json: { slug: "x" } }));
    expect(asPost.status).toBe(405);
    expect((await query("catalog.dropEverything", {})).status).toBe(404);
  });
});

describe("cross-site request forgery", () => {
  const login = JSON.stringify({ json: { email: "nobody@example.uz", password: "wrong-password-1" } });

  it("refuses mutations from another origin, or with no origin and no same-origin fetch metadata", async () => {
    const foreign = await post("auth.login", login, { origin: "https://evil.example" });
    expect((await expectTypedClientError(foreign, 403)).data.domainCode).toBe("FORBIDDEN");
    const anonymous = await call(
      new Request(`${BASE}/auth.login`, { method: "POST", body: login, headers: { "content-type": "application/json" } }),
    );
    await expectTypedClientError(anonymous, 403);
  });

  it("accepts same-origin mutations, Sec-Fetch-Site same-origin, and header-authenticated clients", async () => {
    expect((await post("auth.login", login)).status).toBe(401);
    const fetchMetadata = await call(
      new Request(`${BASE}/auth.login`, {
        method: "POST",
        body: login,
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      }),
    );
    expect(fetchMetadata.status).toBe(401);
    const bearer = await call(
      new Request(`${BASE}/auth.login`, {
        method: "POST",
        body: login,
        headers: { "content-type": "application/json", authorization: "Bearer not-a-token" },
      }),
    );
    expect(bearer.status).toBe(401);
  });
});

describe("domain errors and metrics over HTTP", () => {
  it("a missing product is a 404 carrying the domain code", async () => {
    const error = await expectTypedClientError(await query("catalog.productBySlug", { slug: "no-such-product" }), 404);
    expect(error.data.domainCode).toBe("NOT_FOUND");
    expect(error.message).toBe("Product not found");
  });

  it("counts requests and latency per procedure for Prometheus", async () => {
    await query("catalog.categoryTree", {});
    const text = await (await renderMetrics()).text();
    expect(text).toMatch(/trpc_requests_total\{path="catalog.categoryTree",type="query",code="OK"\} \d+/);
    expect(text).toMatch(/trpc_requests_total\{path="catalog.productBySlug",type="query",code="NOT_FOUND"\} \d+/);
    expect(text).toContain('trpc_request_duration_seconds_bucket{le="0.005",path="catalog.categoryTree",type="query"}');
  });
});

describe("unexpected failures", () => {
  it("answer 500 with a generic message: no stack, no SQL, outside development", async () => {
    const runtime = await createRuntime({ ...h.runtime.config, logger: createLogger({ service: "test", level: "silent" }) });
    await runtime.sql.end(); // every query now fails inside the driver
    const response = await handleTrpcRequest(
      runtime,
      new Request(`${BASE}/catalog.categoryTree?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`),
      { endpoint: "/api/trpc", exposeInternals: false, sessionCookieName: "__Host-test" },
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.json.message).toBe("Internal server error");
    expect(JSON.stringify(body)).not.toMatch(/stack|select|categories/i);
    await runtime.close().catch(() => undefined);
  });

  it("carry a request id back to the caller", async () => {
    const response = await call(
      new Request(`${BASE}/catalog.categoryTree?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
        headers: { "x-request-id": "abc-123" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
  });
});
