import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedDatabase } from "@ultramarket/db/seed";
import { createContextInner } from "../core/context";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { rebuildIndex } from "./indexing";
import type { JudgedProduct, QueryKind } from "./relevance.judgements";
import { JUDGEMENTS, QUERY_KINDS } from "./relevance.judgements";

/** Big enough that every judged query has rivals in other categories, small enough to seed in seconds. */
const CATALOG_SIZE = 3000;
const TOP = 10;
/** The issue's bar: this share of the judged queries finds at least one right product in the top ten. */
const MIN_QUERIES_WITH_A_HIT = 0.8;

interface Outcome {
  text: string;
  kind: QueryKind;
  expected: number;
  returned: number;
  relevant: number;
  precision: number;
  recall: number;
  note: string;
}

let h: TestHarness;
let catalog: JudgedProduct[];

beforeAll(async () => {
  h = await createTestHarness();
  await seedDatabase(h.database.url, { products: CATALOG_SIZE, filesDir: await mkdtemp(path.join(tmpdir(), "um-files-")) });
  await rebuildIndex(createContextInner(h.runtime));
  catalog = (await h.runtime.sql`
    select p.id, p.brand, leaf.slug as leaf,
           array(select c.slug from categories c
                  where c.id = any(string_to_array(trim(both '/' from p.category_path), '/')::uuid[])) as path,
           p.attributes->>'origin' as origin, p.attributes->>'ram' as ram,
           array(select distinct o.value from product_variants v, jsonb_each_text(v.options) o
                  where v.product_id = p.id) as options
      from products p join categories leaf on leaf.id = p.category_id
     where p.status = 'published'`) as unknown as JudgedProduct[];
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const mean = (values: number[]) =>
  share(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );
const pct = (value: number) => `${(value * 100).toFixed(0)}%`.padStart(5);

function summary(outcomes: Outcome[]) {
  return {
    queries: outcomes.length,
    withHit: share(outcomes.filter((o) => o.relevant > 0).length, outcomes.length),
    precision: mean(outcomes.map((o) => o.precision)),
    recall: mean(outcomes.map((o) => o.recall)),
  };
}

function report(outcomes: Outcome[]): string {
  const lines = [`query${" ".repeat(23)}kind         expected  top10  P@10  R@10  note`];
  for (const o of outcomes)
    lines.push(
      `${o.text.padEnd(28)}${o.kind.padEnd(13)}${String(o.expected).padStart(8)}  ${`${o.relevant}/${o.returned}`.padStart(5)} ${pct(o.precision)} ${pct(o.recall)}  ${o.note}`,
    );
  lines.push("", `kind${" ".repeat(10)}queries  with a hit  mean P@10  mean R@10`);
  for (const kind of [...QUERY_KINDS, "all"] as const) {
    const s = summary(kind === "all" ? outcomes : outcomes.filter((o) => o.kind === kind));
    lines.push(
      `${kind.padEnd(14)}${String(s.queries).padStart(7)}  ${pct(s.withHit).padStart(10)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(9)}`,
    );
  }
  return lines.join("\n");
}

describe("search relevance over the demo catalog", () => {
  it(`finds a right product in the top ${TOP} for at least ${MIN_QUERIES_WITH_A_HIT * 100}% of ${JUDGEMENTS.length} judged queries`, async () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUERY_KINDS)).toEqual(new Set(JUDGEMENTS.map((j) => j.kind)));
    const outcomes: Outcome[] = [];
    for (const judgement of JUDGEMENTS) {
      const expected = new Set(catalog.filter(judgement.expected).map((p) => p.id));
      // A judgement that matches nothing in the catalog would be judging the seed, not search.
      expect(expected.size, `"${judgement.text}" expects products`).toBeGreaterThan(0);
      const result = await h.caller().search.query({ text: judgement.text, limit: TOP });
      const top = result.items.map((item) => item.id);
      const relevant = top.filter((id) => expected.has(id)).length;
      outcomes.push({
        text: judgement.text,
        kind: judgement.kind,
        expected: expected.size,
        returned: top.length,
        relevant,
        precision: share(relevant, top.length),
        recall: share(relevant, Math.min(TOP, expected.size)),
        note: [
          result.correctedText ? `corrected: ${result.correctedText}` : "",
          result.fallback ? `fallback: ${result.fallback}` : "",
          result.didYouMean ? `did you mean: ${result.didYouMean}` : "",
        ]
          .filter(Boolean)
          .join("; "),
      });
    }
    console.log(`\nSearch relevance, ${catalog.length} published products (seed of ${CATALOG_SIZE}):\n\n${report(outcomes)}\n`);
    const misses = outcomes.filter((o) => o.relevant === 0).map((o) => `${o.kind}: ${o.text}`);
    expect(summary(outcomes).withHit, `queries without a right product in the top ${TOP}: ${misses.join(", ")}`).toBeGreaterThanOrEqual(
      MIN_QUERIES_WITH_A_HIT,
    );
  }, 120_000);
});
