/**
 * The search benchmark's traffic: queries shoppers would type, built from the catalog's own vocabulary (category
 * nouns in Uzbek Latin and Cyrillic, Russian and English, brands, brand + noun, typos), some with filters and sorts,
 * in a Zipf-distributed stream so a few queries are very common and most are rare, as in real search logs.
 */
import postgres from "postgres";

/** A leaf category as the catalog has it: names, the noun its titles use, its brands and price range. */
export interface LeafVocabulary {
  slug: string;
  names: { uz: string; ru: string; en: string };
  nouns: { uz: string; ru: string; en: string };
  brands: string[];
  priceMin: number;
  priceMax: number;
}

export interface SearchInput {
  text: string;
  locale: "uz" | "ru" | "en";
  filters?: { category?: string; brands?: string[]; priceMin?: number; priceMax?: number; inStock?: boolean; ratingMin?: number };
  sort?: "price_asc" | "price_desc" | "newest" | "rating";
  cursor?: string;
  facets?: boolean;
}

/** Deterministic: the same catalog gives the same traffic run after run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;

/** One product title per leaf shows the noun in each language (`Brand noun Model N`, Russian `noun Brand Model N`). */
export async function loadVocabulary(databaseUrl: string): Promise<LeafVocabulary[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = (await sql`
      select c.slug, c.name, s.title, s.brand, b.brands, b.price_min, b.price_max
        from categories c
        cross join lateral (select p.title, p.brand from products p
                             where p.category_id = c.id and p.status = 'published' limit 1) s
        cross join lateral (select array_agg(distinct p.brand) as brands,
                                   percentile_disc(0.1) within group (order by p.min_price_amount) as price_min,
                                   percentile_disc(0.9) within group (order by p.min_price_amount) as price_max
                              from (select brand, min_price_amount from products p
                                     where p.category_id = c.id and p.status = 'published' limit 2000) p) b
       order by c.slug`) as unknown as {
      slug: string;
      name: { uz: string; ru: string; en: string };
      title: { uz: string; ru: string; en: string };
      brand: string;
      brands: string[];
      price_min: string;
      price_max: string;
    }[];
    return rows.map((row) => {
      const withoutModel = (text: string) => text.split(" ").slice(0, -2).join(" ");
      const withoutBrand = (text: string) => (text.startsWith(`${row.brand} `) ? text.slice(row.brand.length + 1) : text);
      return {
        slug: row.slug,
        names: row.name,
        nouns: {
          uz: withoutBrand(withoutModel(row.title.uz)).toLowerCase(),
          ru: row.title.ru.split(` ${row.brand} `)[0]!.toLowerCase(),
          en: withoutBrand(withoutModel(row.title.en)).toLowerCase(),
        },
        brands: row.brands,
        priceMin: Number(row.price_min),
        priceMax: Number(row.price_max),
      };
    });
  } finally {
    await sql.end();
  }
}

const LATIN_TO_CYRILLIC: [string, string][] = [
  ["oʻ", "ў"],
  ["gʻ", "ғ"],
  ["o'", "ў"],
  ["g'", "ғ"],
  ["sh", "ш"],
  ["ch", "ч"],
  ["ya", "я"],
  ["yo", "ё"],
  ["yu", "ю"],
  ...[..."abdefghijklmnopqrstuvxyz"].map((c): [string, string] => [c, "абдефгҳижклмнопқрстувхйз"["abdefghijklmnopqrstuvxyz".indexOf(c)]!]),
];

/** Uzbek Latin as an Uzbek Cyrillic keyboard writes it. */
export function toUzbekCyrillic(text: string): string {
  let out = "";
  for (let i = 0; i < text.length;) {
    const hit = LATIN_TO_CYRILLIC.find(([latin]) => text.startsWith(latin, i));
    out += hit ? hit[1] : text[i]!;
    i += hit ? hit[0].length : 1;
  }
  return out;
}

/** One slip of a finger in the longest word: a letter dropped, doubled, swapped with its neighbour or replaced. */
export function withTypo(text: string, random: Random): string {
  const words = text.split(" ");
  const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  const word = words[longest]!;
  if (word.length < 5) return text;
  const at = random.int(1, word.length - 2);
  const letters = [...word];
  switch (random.int(0, 3)) {
    case 0:
      letters.splice(at, 1);
      break;
    case 1:
      letters.splice(at, 0, letters[at]!);
      break;
    case 2:
      [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
      break;
    default: {
      // A neighbouring vowel of the same script.
      const [a, o] = /\p{Script=Cyrillic}/u.test(letters[at]!) ? ["а", "о"] : ["a", "o"];
      letters[at] = letters[at] === a ? o : a;
    }
  }
  words[longest] = letters.join("");
  return words.join(" ");
}

/** Distinct typed texts with the locale a shopper typing them would browse in. */
export function typedTexts(
  vocabulary: LeafVocabulary[],
  random: Random,
): { text: string; locale: SearchInput["locale"]; leaf: LeafVocabulary }[] {
  const texts = new Map<string, { text: string; locale: SearchInput["locale"]; leaf: LeafVocabulary }>();
  const add = (text: string, locale: SearchInput["locale"], leaf: LeafVocabulary) => {
    if (!texts.has(text)) texts.set(text, { text, locale, leaf });
  };
  for (const leaf of vocabulary) {
    const { uz, ru, en } = leaf.nouns;
    add(uz, "uz", leaf);
    add(toUzbekCyrillic(uz), "uz", leaf);
    add(ru, "ru", leaf);
    add(en, "en", leaf);
    add(leaf.names.uz.toLowerCase(), "uz", leaf);
    add(leaf.names.ru.toLowerCase(), "ru", leaf);
    add(leaf.names.en.toLowerCase(), "en", leaf);
    for (const brand of leaf.brands) {
      add(brand.toLowerCase(), "uz", leaf);
      add(`${brand.toLowerCase()} ${uz}`, "uz", leaf);
      add(`${ru} ${brand}`, "ru", leaf);
      add(`${brand} ${en}`, "en", leaf);
    }
    add(withTypo(uz, random), "uz", leaf);
    add(withTypo(ru, random), "ru", leaf);
    add(withTypo(en, random), "en", leaf);
    add(withTypo(`${leaf.brands[0]!.toLowerCase()} ${uz}`, random), "uz", leaf);
  }
  return [...texts.values()];
}

/**
 * Requests built from the texts: most plain (first page with facets, as the results page asks), some narrowed by
 * a brand, a price range, stock, rating or the category, some sorted, some a second page. Shuffled, then weighted by
 * Zipf's law (rank r is asked 1/r as often as the first) into `count` requests.
 */
export function zipfSearches(vocabulary: LeafVocabulary[], count: number, seed = 20261125): SearchInput[] {
  const random = createRandom(seed);
  const distinct: SearchInput[] = [];
  for (const { text, locale, leaf } of typedTexts(vocabulary, random)) {
    distinct.push({ text, locale });
    const roll = random.next();
    const third = Math.round((leaf.priceMax - leaf.priceMin) / 3);
    // A shopper who typed a brand filters by that brand, not by another one.
    const brandFilter = () => [leaf.brands.find((b) => text.toLowerCase().includes(b.toLowerCase())) ?? random.pick(leaf.brands)];
    if (roll < 0.15) distinct.push({ text, locale, filters: { brands: brandFilter() } });
    else if (roll < 0.3) distinct.push({ text, locale, filters: { priceMin: leaf.priceMin + third, priceMax: leaf.priceMax - third } });
    else if (roll < 0.4) distinct.push({ text, locale, filters: { inStock: true, ratingMin: 4 } });
    else if (roll < 0.5) distinct.push({ text, locale, filters: { category: leaf.slug, inStock: true } });
    if (random.chance(0.3)) distinct.push({ text, locale, sort: random.pick(["price_asc", "price_desc", "newest", "rating"] as const) });
    if (random.chance(0.15)) distinct.push({ text, locale, filters: { brands: brandFilter(), inStock: true }, sort: "price_asc" });
    if (random.chance(0.1)) distinct.push({ text, locale, cursor: "oo", facets: false });
  }
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [distinct[i], distinct[j]] = [distinct[j]!, distinct[i]!];
  }
  return zipfSample(distinct, count, random);
}

/** What a search box sends while the shopper types the same popular queries: prefixes of 2–8 characters. */
export function zipfPrefixes(
  vocabulary: LeafVocabulary[],
  count: number,
  seed = 20261126,
): { text: string; locale: SearchInput["locale"] }[] {
  const random = createRandom(seed);
  const texts = typedTexts(vocabulary, random);
  for (let i = texts.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [texts[i], texts[j]] = [texts[j]!, texts[i]!];
  }
  return zipfSample(texts, count, random).map(({ text, locale }) => {
    const length = Math.min(text.length, random.int(2, 8));
    return { text: [...text].slice(0, length).join("").trimEnd(), locale };
  });
}

function zipfSample<T>(ranked: T[], count: number, random: Random): T[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= ranked.length; rank++) cumulative.push((total += 1 / rank));
  const sample: T[] = [];
  for (let i = 0; i < count; i++) {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    sample.push(ranked[lo]!);
  }
  return sample;
}
