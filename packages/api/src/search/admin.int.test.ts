import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { newId, schema } from "@ultramarket/db";
import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { rebuildIndex } from "./indexing";

let h: TestHarness;
type Caller = Awaited<ReturnType<TestHarness["signIn"]>>["caller"];
let admin: Caller;
let adminId: string;
let vendor: Caller;

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: 30, filesDir: "/tmp/ultramarket-test-files" });
  // The demo data ships synonym groups; these tests build their own from none.
  await h.runtime.db.execute(sql`delete from search_synonyms`);
  const signedIn = await h.signIn("admin@ultramarket.uz", DEMO_PASSWORD, "ULTRAMARKETADMINDEMOKEYTWOSIXAAA");
  admin = signedIn.caller;
  adminId = signedIn.session.kind === "user" ? signedIn.session.userId : "";
  vendor = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).caller;
});
afterAll(async () => {
  await h?.close();
});

/** The error a call fails with: its tRPC code and the field messages the console shows. */
async function failure(call: Promise<unknown>): Promise<{ code: string; fieldErrors: Record<string, string[]> }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[]; message: string }[] };
    const fieldErrors: Record<string, string[]> = { ...cause?.fieldErrors };
    for (const issue of cause?.issues ?? []) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    return { code: error.code, fieldErrors };
  }
  throw new Error("expected the call to fail");
}

async function auditOf(targetId: string) {
  return h.runtime.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.targetType, "search_synonyms"), eq(schema.auditLog.targetId, targetId)))
    .orderBy(schema.auditLog.id);
}

describe("adminSearch.synonyms", () => {
  it("creates a group with the terms as typed and their folded search keys, and audits it", async () => {
    const group = await admin.adminSearch.synonyms.create({ terms: [" Muzlatgich ", "Холодильник", "fridge"] });
    expect(group.terms).toEqual(["Muzlatgich", "Холодильник", "fridge"]);
    expect(group.foldedTerms).toEqual(["muzlatgich", "xolodilnik", "fridge"]);
    expect(group.createdBy).toEqual({ id: adminId, name: "Malika Karimova" });
    const audit = await auditOf(group.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["synonyms.created", adminId]]);
    expect(audit[0]!.metadata).toMatchObject({ terms: ["Muzlatgich", "Холодильник", "fridge"] });
  });

  it("refuses groups of the wrong size and terms too long or empty, naming the term", async () => {
    expect(await failure(admin.adminSearch.synonyms.create({ terms: ["yolgiz"] }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { terms: [expect.stringMatching(/at least 2/)] },
    });
    const many = Array.from({ length: 21 }, (_, i) => `soz${i}`);
    expect((await failure(admin.adminSearch.synonyms.create({ terms: many }))).fieldErrors.terms).toEqual([
      expect.stringMatching(/at most 20/),
    ]);
    const refused = await failure(admin.adminSearch.synonyms.create({ terms: ["kiyim", "   ", "x".repeat(61)] }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(["terms.1", "terms.2"]);
    expect(refused.fieldErrors["terms.2"]).toEqual([expect.stringMatching(/60 characters/)]);
  });

  it("refuses terms that fold to nothing or to the same key as another term of the group", async () => {
    const refused = await failure(admin.adminSearch.synonyms.create({ terms: ["Telefon", "!!!", "ТЕЛЕФОН", "smartfon"] }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fieldErrors).toEqual({
      "terms.1": [expect.stringMatching(/letters or digits/)],
      "terms.2": [expect.stringMatching(/“Telefon” \(term 1\)/)],
    });
    const groups = await admin.adminSearch.synonyms.list({ search: "smartfon" });
    expect(groups.items).toEqual([]);
  });

  it("refuses a term another group holds, in any script, as a conflict on that term", async () => {
    await admin.adminSearch.synonyms.create({ terms: ["telefon", "phone"] });
    const refused = await failure(admin.adminSearch.synonyms.create({ terms: ["smartfon", "Телефон"] }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors).toEqual({ "terms.1": [expect.stringMatching(/“telefon, phone”/)] });
  });

  it("updates a group (keeping its own terms is no conflict) and audits before and after", async () => {
    const group = await admin.adminSearch.synonyms.create({ terms: ["noutbuk", "notebook"] });
    const updated = await admin.adminSearch.synonyms.update({ synonymId: group.id, terms: ["Noutbuk", "laptop", "ноутбуки"] });
    expect(updated.id).toBe(group.id);
    expect(updated.foldedTerms).toEqual(["noutbuk", "laptop", "noutbuki"]);
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(group.updatedAt.getTime());
    const audit = await auditOf(group.id);
    expect(audit.map((e) => e.action)).toEqual(["synonyms.created", "synonyms.updated"]);
    expect(audit[1]!.metadata).toMatchObject({ from: ["noutbuk", "notebook"], to: ["Noutbuk", "laptop", "ноутбуки"] });
  });

  it("refuses an update that takes another group's term, and an unknown group", async () => {
    const group = await admin.adminSearch.synonyms.create({ terms: ["planshet", "tablet"] });
    const refused = await failure(admin.adminSearch.synonyms.update({ synonymId: group.id, terms: ["planshet", "tablet", "fridge"] }));
    expect(refused.code).toBe("CONFLICT");
    expect(Object.keys(refused.fieldErrors)).toEqual(["terms.2"]);
    expect((await failure(admin.adminSearch.synonyms.update({ synonymId: newId(), terms: ["a1", "b1"] }))).code).toBe("NOT_FOUND");
  });

  it("deletes a group, audits it, and frees its terms for another group", async () => {
    const group = await admin.adminSearch.synonyms.create({ terms: ["televizor", "tv"] });
    await admin.adminSearch.synonyms.delete({ synonymId: group.id });
    expect((await admin.adminSearch.synonyms.list({ search: "televizor" })).items).toEqual([]);
    expect((await auditOf(group.id)).map((e) => e.action)).toEqual(["synonyms.created", "synonyms.deleted"]);
    await admin.adminSearch.synonyms.create({ terms: ["Televizor", "TV"] });
    expect((await failure(admin.adminSearch.synonyms.delete({ synonymId: group.id }))).code).toBe("NOT_FOUND");
  });

  it("lists groups newest first, page by page, and finds them by a term in any script", async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.adminSearch.synonyms.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const rows = await h.runtime.db
      .select({ id: schema.searchSynonyms.id, createdAt: schema.searchSynonyms.createdAt })
      .from(schema.searchSynonyms);
    expect(all).toEqual([...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id));
    const found = await admin.adminSearch.synonyms.list({ search: "ХОЛОД" });
    expect(found.items.map((g) => g.terms[0])).toEqual(["Muzlatgich"]);
  });

  it("is for staff only", async () => {
    expect((await failure(vendor.adminSearch.synonyms.list({}))).code).toBe("FORBIDDEN");
    expect((await failure(h.caller().adminSearch.synonyms.create({ terms: ["a1", "b1"] }))).code).toBe("UNAUTHORIZED");
  });

  it("takes effect in search at once: a term finds what its synonym finds", async () => {
    await rebuildIndex(createContextInner(h.runtime));
    const [product] = await h.runtime.db
      .select({ id: schema.products.id, brand: schema.products.brand })
      .from(schema.products)
      .where(eq(schema.products.status, "published"))
      .limit(1);
    const brand = product!.brand!;
    const before = await h.caller().search.query({ text: "qwzxvk" });
    expect(before.fallback).not.toBeNull();
    await admin.adminSearch.synonyms.create({ terms: ["qwzxvk", brand] });
    const after = await h.caller().search.query({ text: "qwzxvk" });
    expect(after.fallback).toBeNull();
    expect(after.total).toBeGreaterThan(0);
    expect(after.items.every((item) => item.brand === brand)).toBe(true);
  });
});

describe("adminSearch.report", () => {
  let latency = 0;
  const queryRows: (typeof schema.searchQueries.$inferInsert)[] = [];
  const clickRows: (typeof schema.searchClicks.$inferInsert)[] = [];

  /** Logs searches as the search service does, each `clicks[i]` results opened from the i-th. */
  function searches(
    text: string,
    folded: string,
    at: string,
    options: { count?: number; results?: number[]; clicks?: number[]; page?: number; timed?: boolean } = {},
  ) {
    const count = options.count ?? options.results?.length ?? 1;
    for (let i = 0; i < count; i++) {
      const id = newId();
      const createdAt = new Date(at);
      queryRows.push({
        id,
        text,
        foldedText: folded,
        filters: {},
        sort: "relevance",
        page: options.page ?? 1,
        resultCount: options.results?.[i] ?? options.results?.at(-1) ?? 12,
        // The period's searches take 10, 20, … 200 ms; rows that are not counted take an hour.
        latencyMs: options.timed === false ? 3_600_000 : (latency += 10),
        locale: "uz",
        createdAt,
      });
      for (let c = 0; c < (options.clicks?.[i] ?? 0); c++) {
        clickRows.push({
          id: newId(),
          queryId: id,
          productId: newId(),
          position: c + 1,
          createdAt: new Date(createdAt.getTime() + 60_000),
        });
      }
    }
  }

  beforeAll(async () => {
    // In the period 2026-03-01 … 2026-03-07 (UTC): 20 searches.
    searches("planshet", "planshet", "2026-03-01T00:00:00Z", { count: 5, results: [8], clicks: [1] });
    searches("Televizor", "televizor", "2026-03-02T10:00:00Z", { count: 5, results: [30], clicks: [1, 1, 1, 1, 1] });
    searches("Telefon", "telefon", "2026-03-03T10:00:00Z", { results: [10, 20, 30], clicks: [2, 1] });
    searches("телефон", "telefon", "2026-03-07T23:59:59Z", { results: [40] });
    searches("qizil koʻylak", "qizil koylak", "2026-03-04T08:00:00Z", { count: 3, results: [0] });
    searches("noutbuk", "noutbuk", "2026-03-05T08:00:00Z", { count: 2, results: [5] });
    searches("xyz", "xyz", "2026-03-06T08:00:00Z", { results: [0] });
    // Not searches of the period: just before and just after it, a second page, and browsing without text.
    searches("Telefon", "telefon", "2026-02-28T23:59:59.999Z", { count: 5, results: [0], timed: false });
    searches("Telefon", "telefon", "2026-03-08T00:00:00Z", { count: 5, results: [0], timed: false });
    searches("eski", "eski", "2026-02-20T00:00:00Z", { count: 10, results: [0], timed: false });
    searches("noutbuk", "noutbuk", "2026-03-05T08:01:00Z", { page: 2, results: [5], clicks: [3], timed: false });
    searches("", "", "2026-03-05T09:00:00Z", { count: 4, results: [0], timed: false });
    await h.runtime.db.insert(schema.searchQueries).values(queryRows);
    await h.runtime.db.insert(schema.searchClicks).values(clickRows);
  });

  const period = { from: "2026-03-01", to: "2026-03-07" };

  it("ranks queries by searches, grouping spellings by their folded text", async () => {
    const top = await admin.adminSearch.report.top({ ...period, limit: 10 });
    expect(top.period).toEqual(period);
    expect(top.nextOffset).toBeNull();
    expect(top.items.map((q) => [q.foldedText, q.searches])).toEqual([
      ["planshet", 5],
      ["televizor", 5],
      ["telefon", 4],
      ["qizil koylak", 3],
      ["noutbuk", 2],
      ["xyz", 1],
    ]);
    const telefon = top.items.find((q) => q.foldedText === "telefon")!;
    expect(telefon).toEqual({ foldedText: "telefon", text: "Telefon", searches: 4, averageResults: 25, clicks: 3, clickThrough: 0.5 });
    const noutbuk = top.items.find((q) => q.foldedText === "noutbuk")!;
    expect(noutbuk).toMatchObject({ clicks: 0, clickThrough: 0, averageResults: 5 });
  });

  it("pages the ranking", async () => {
    const first = await admin.adminSearch.report.top({ ...period, limit: 4 });
    expect(first.items.map((q) => q.foldedText)).toEqual(["planshet", "televizor", "telefon", "qizil koylak"]);
    expect(first.nextOffset).toBe(4);
    const second = await admin.adminSearch.report.top({ ...period, limit: 4, offset: 4 });
    expect(second.items.map((q) => q.foldedText)).toEqual(["noutbuk", "xyz"]);
    expect(second.nextOffset).toBeNull();
  });

  it("lists queries that found nothing, most frequent first, ignoring other periods", async () => {
    const zero = await admin.adminSearch.report.zeroResults({ ...period });
    expect(zero.items).toEqual([
      { foldedText: "qizil koylak", text: "qizil koʻylak", searches: 3, lastSearchedAt: new Date("2026-03-04T08:00:00Z") },
      { foldedText: "xyz", text: "xyz", searches: 1, lastSearchedAt: new Date("2026-03-06T08:00:00Z") },
    ]);
    const february = await admin.adminSearch.report.zeroResults({ from: "2026-02-01", to: "2026-02-28" });
    expect(february.items.map((q) => [q.foldedText, q.searches])).toEqual([
      ["eski", 10],
      ["telefon", 5],
    ]);
  });

  it("lists often-searched queries with results by lowest click-through", async () => {
    const low = await admin.adminSearch.report.lowClickThrough({ ...period });
    expect(low.minSearches).toBe(5);
    expect(low.items.map((q) => [q.foldedText, q.clickThrough])).toEqual([
      ["planshet", 0.2],
      ["televizor", 1],
    ]);
    const lower = await admin.adminSearch.report.lowClickThrough({ ...period, minSearches: 2 });
    expect(lower.items.map((q) => [q.foldedText, q.searches, q.clickThrough])).toEqual([
      ["noutbuk", 2, 0],
      ["planshet", 5, 0.2],
      ["telefon", 4, 0.5],
      ["televizor", 5, 1],
    ]);
  });

  it("sums the period up: searches, zero-result rate, click-through and median latency", async () => {
    const summary = await admin.adminSearch.report.summary(period);
    expect(summary).toEqual({
      period,
      searches: 20,
      distinctQueries: 6,
      clicks: 9,
      zeroResultRate: 4 / 20,
      clickThrough: 8 / 20,
      // 10, 20, … 200 ms: the middle two are 100 and 110.
      medianLatencyMs: 105,
    });
    const empty = await admin.adminSearch.report.summary({ from: "2025-01-01", to: "2025-01-31" });
    expect(empty).toMatchObject({ searches: 0, zeroResultRate: null, clickThrough: null, medianLatencyMs: null });
  });

  it("covers the last seven days up to today when no period is chosen", async () => {
    h.clock.set(new Date("2026-03-07T15:00:00Z"));
    const summary = await admin.adminSearch.report.summary({});
    expect(summary.period).toEqual({ from: "2026-03-01", to: "2026-03-07" });
    expect(summary.searches).toBe(20);
    const untilTo = await admin.adminSearch.report.top({ to: "2026-03-02" });
    expect(untilTo.period).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    // The five zero-result searches of 28 February fall in these days too.
    expect(untilTo.items.map((q) => [q.foldedText, q.searches])).toEqual([
      ["planshet", 5],
      ["telefon", 5],
      ["televizor", 5],
    ]);
  });

  it("refuses a period that runs backwards or is longer than 366 days, and dates that are not days", async () => {
    expect(await failure(admin.adminSearch.report.top({ from: "2026-03-07", to: "2026-03-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { to: [expect.any(String)] },
    });
    expect(await failure(admin.adminSearch.report.summary({ from: "2025-01-01", to: "2026-01-02" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { from: [expect.stringMatching(/366 days/)] },
    });
    const leapYear = await admin.adminSearch.report.summary({ from: "2024-01-01", to: "2024-12-31" });
    expect(leapYear.period).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect((await failure(admin.adminSearch.report.summary({ from: "2026-02-30" }))).fieldErrors.from).toBeDefined();
    expect((await failure(admin.adminSearch.report.top({ ...period, limit: 101 }))).fieldErrors.limit).toBeDefined();
  });
});
