import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { foldText } from "./fold";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Letters shoppers and vendors type: Uzbek Latin and Cyrillic, Russian, accented Latin, apostrophes, digits, signs. */
const ALPHABET = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  ..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
  ..."ўқғҳЎҚҒҲєіЄІ",
  ..."éèêëàâäçñöüÉÈÀÇÑÖÜóíúáÓÍÚÁ",
  ..."'ʻʼ`’‘",
  ...' -_.,/()&|!:*%\\"+#@',
  "oʻ",
  "gʻ",
  "sh",
  "ch",
  "kh",
  "zh",
];

function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("search_fold (SQL) and foldText (TypeScript)", () => {
  it("fold 2,000 random mixed-script strings identically", async () => {
    const random = seededRandom(2026);
    const samples = Array.from({ length: 2000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 24) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(""),
    );
    samples.push("Oʻzbekiston", "ЎЗБЕКИСТОН", "Холодильник Artel", "Crème brûlée", "Shchuka Щука", "Zhenshchina Женщина", "XIAOMI-14T");
    const rows = (await h.runtime.db.execute(sql`
      select search_fold(s) as folded from unnest(${`{${samples.map((s) => JSON.stringify(s)).join(",")}}`}::text[]) with ordinality as t(s, n)
       order by n`)) as unknown as { folded: string }[];
    const mismatches = samples.flatMap((sample, i) =>
      rows[i]!.folded === foldText(sample) ? [] : [{ sample, sql: rows[i]!.folded, ts: foldText(sample) }],
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(rows).toHaveLength(samples.length);
  });
});
