/**
 * Judged queries for the relevance test, over the demo catalog the seed writes (packages/db/src/seed/data.ts).
 * What each query should find is a predicate over the seeded products, so the judgements hold for any catalog
 * size and seed value: no product ids are written down here.
 */

/** A published product as the judgements see it (loaded from the test's database). */
export interface JudgedProduct {
  id: string;
  brand: string | null;
  /** Slug of the product's own (leaf) category. */
  leaf: string;
  /** Slugs of every category on its path, the leaf included. */
  path: string[];
  /** `origin` attribute: uz, cn, kr, tr, de. */
  origin: string | null;
  /** `ram` attribute: 4GB, 8GB, 16GB (storage devices only). */
  ram: string | null;
  /** Option values of its variants: colours, storage, sizes, volumes. */
  options: string[];
}

export const QUERY_KINDS = ["uz-latin", "uz-cyrillic", "russian", "english", "one-typo", "two-typo", "brand+type", "attribute"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface Judgement {
  text: string;
  kind: QueryKind;
  /** Whether a product is a right answer for the query. */
  expected: (product: JudgedProduct) => boolean;
}

type Predicate = Judgement["expected"];

const inLeaf =
  (...slugs: string[]): Predicate =>
  (p) =>
    slugs.includes(p.leaf);
const under =
  (slug: string): Predicate =>
  (p) =>
    p.path.includes(slug);
const brand =
  (name: string): Predicate =>
  (p) =>
    p.brand === name;
const origin =
  (code: string): Predicate =>
  (p) =>
    p.origin === code;
const option =
  (value: string): Predicate =>
  (p) =>
    p.options.includes(value) || p.ram === value;
const all =
  (...predicates: Predicate[]): Predicate =>
  (p) =>
    predicates.every((predicate) => predicate(p));

const judged = (kind: QueryKind, entries: [text: string, expected: Predicate][]): Judgement[] =>
  entries.map(([text, expected]) => ({ text, kind, expected }));

const SMARTPHONES = inLeaf("smartfonlar");
const LAPTOPS = inLeaf("noutbuklar");
const FRIDGES = inLeaf("muzlatgichlar");
const HEADPHONES = inLeaf("quloqchinlar");
const VACUUMS = inLeaf("changyutkichlar");
const WASHERS = inLeaf("kir-yuvish-mashinalari");
const KAZANS = inLeaf("qozonlar");
const DRESSES = inLeaf("koylaklar");
const CASES = inLeaf("giloflar");
const KEYBOARDS = inLeaf("klaviaturalar");
const BUILDING_SETS = inLeaf("konstruktorlar");
const AIR_CONDITIONERS = inLeaf("konditsionerlar");
const JACKETS = inLeaf("erkaklar-kurtkalari", "bolalar-kurtkalari");

export const JUDGEMENTS: Judgement[] = [
  ...judged("uz-latin", [
    ["smartfon", SMARTPHONES],
    ["noutbuk", LAPTOPS],
    ["muzlatgich", FRIDGES],
    ["kir yuvish mashinasi", WASHERS],
    ["changyutkich", VACUUMS],
    ["quloqchin", HEADPHONES],
    ["qozon", KAZANS],
    ["koʻylak", DRESSES],
    ["g'ilof", CASES],
    ["oʻyinchoqlar", under("oyinchoqlar")],
    ["atir", under("parfyumeriya")],
    ["bolalar poyabzali", inLeaf("bolalar-poyabzali")],
    ["elektr choynak", inLeaf("choynaklar")],
    ["konditsioner", AIR_CONDITIONERS],
  ]),
  ...judged("uz-cyrillic", [
    ["музлатгич", FRIDGES],
    ["қозон", KAZANS],
    ["қулоқчин", HEADPHONES],
    ["кўйлак", DRESSES],
    ["қўғирчоқ", inLeaf("qogirchoqlar")],
    ["кир ювиш машинаси", WASHERS],
    ["ғилоф", CASES],
    ["чой тўплами", inLeaf("choynak-piyola")],
    ["ўйинчоқлар", under("oyinchoqlar")],
    ["болалар кийими", under("bolalar-kiyimi")],
    ["қувватлагич", inLeaf("quvvatlagichlar")],
    ["чангютгич", VACUUMS],
  ]),
  ...judged("russian", [
    ["холодильник", FRIDGES],
    ["холодильники", FRIDGES],
    ["ноутбуки", LAPTOPS],
    ["наушники", HEADPHONES],
    ["пылесос", VACUUMS],
    ["стиральная машина", WASHERS],
    ["платье", DRESSES],
    ["куклы", inLeaf("qogirchoqlar")],
    ["чехол", CASES],
    ["зарядное устройство", inLeaf("quvvatlagichlar")],
    ["казан", KAZANS],
    ["шампунь", inLeaf("shampunlar")],
    ["детская обувь", inLeaf("bolalar-poyabzali")],
    ["микроволновая печь", inLeaf("mikrotolqinli-pechlar")],
  ]),
  ...judged("english", [
    ["smartphone", SMARTPHONES],
    ["laptop", LAPTOPS],
    ["refrigerator", FRIDGES],
    ["headphones", HEADPHONES],
    ["vacuum cleaner", VACUUMS],
    ["washing machine", WASHERS],
    ["electric kettle", inLeaf("choynaklar")],
    ["sofa", inLeaf("divanlar")],
    ["perfume", under("parfyumeriya")],
    ["dresses", DRESSES],
    ["building set", BUILDING_SETS],
    ["jackets", JACKETS],
    ["fridge", FRIDGES],
    ["notebook", LAPTOPS],
  ]),
  ...judged("one-typo", [
    ["smartfom", SMARTPHONES],
    ["noutbok", LAPTOPS],
    ["muzlatgch", FRIDGES],
    ["holodilnik", FRIDGES],
    ["quloqchn", HEADPHONES],
    ["changyutgich", VACUUMS],
    ["samsong", brand("Samsung")],
    ["lenova", brand("Lenovo")],
    ["refrigerater", FRIDGES],
    ["konstruktr", BUILDING_SETS],
    ["пылесас", VACUUMS],
    ["laptp", LAPTOPS],
    ["muzlatkich", FRIDGES],
  ]),
  ...judged("two-typo", [
    ["smortfom", SMARTPHONES],
    ["naotbuk", LAPTOPS],
    ["holodilnek", FRIDGES],
    ["kanditsianer", AIR_CONDITIONERS],
    ["hedphons", HEADPHONES],
    ["kloviatyra", KEYBOARDS],
    ["refregirator", FRIDGES],
    ["kanstruktar", BUILDING_SETS],
    ["muzlatgihc", FRIDGES],
  ]),
  ...judged("brand+type", [
    ["samsung smartfon", all(SMARTPHONES, brand("Samsung"))],
    ["apple noutbuk", all(LAPTOPS, brand("Apple"))],
    ["artel muzlatgich", all(FRIDGES, brand("Artel"))],
    ["lg стиральная машина", all(WASHERS, brand("LG"))],
    ["xiaomi changyutkich", all(VACUUMS, brand("Xiaomi"))],
    ["jbl kolonka", all(inLeaf("kolonkalar"), brand("JBL"))],
    ["nike futbolka", all(inLeaf("erkaklar-futbolkalari"), brand("Nike"))],
    ["lego konstruktor", all(BUILDING_SETS, brand("LEGO"))],
    ["tefal qozon", all(KAZANS, brand("Tefal"))],
    ["dyson пылесос", all(VACUUMS, brand("Dyson"))],
    ["sony headphones", all(HEADPHONES, brand("Sony"))],
    ["Samsung холодильник", all(FRIDGES, brand("Samsung"))],
    ["Rishton choy toʻplami", all(inLeaf("choynak-piyola"), brand("Rishton"))],
    ["The North Face kurtka", all(JACKETS, brand("The North Face"))],
    ["Head & Shoulders", brand("Head & Shoulders")],
    ["телефон самсунг", all(under("telefonlar"), brand("Samsung"))],
    ["артель кондиционер", all(AIR_CONDITIONERS, brand("Artel"))],
  ]),
  ...judged("attribute", [
    ["Xitoy", origin("cn")],
    ["Китай", origin("cn")],
    ["China", origin("cn")],
    ["xitoy smartfon", all(SMARTPHONES, origin("cn"))],
    ["Германия", origin("de")],
    ["Turkiya kurtka", all(JACKETS, origin("tr"))],
    ["Janubiy Koreya", origin("kr")],
    ["256GB", option("256GB")],
    ["samsung 512gb", all(brand("Samsung"), option("512GB"))],
    ["8GB", option("8GB")],
    ["black", option("black")],
    ["blue gilof", all(CASES, option("blue"))],
    ["blue muzlatgich", all(FRIDGES, option("blue"))],
    ["512GB noutbuk", all(LAPTOPS, option("512GB"))],
    ["100ml", option("100ml")],
  ]),
];
