import { eq, sql } from "drizzle-orm";

import type { Database, LocalizedText } from "@ultramarket/db";
import { newId, schema } from "@ultramarket/db";

const { categories, products, productVariants, stockLevels, vendors, warehouses } = schema;

/** A small catalog whose words exercise every script and spelling the engines must handle. */
export interface SearchFixture {
  categories: { electronics: string; phones: string; home: string; fridges: string; textiles: string };
  vendors: { a: string; b: string };
  vendorSlugs: { a: string; b: string };
  products: { galaxy: string; redmi: string; fridge: string; towel: string; iphone: string; draft: string };
  variants: Record<"galaxy" | "redmi" | "fridge" | "towel" | "iphone", string>;
  warehouses: { a: string; b: string };
}

const t = (uz: string, ru: string, en: string): LocalizedText => ({ uz, ru, en });

export async function createSearchFixture(db: Database): Promise<SearchFixture> {
  const vendorA = newId();
  const vendorB = newId();
  const suffix = vendorA.slice(-8);
  await db.insert(vendors).values([
    {
      id: vendorA,
      slug: `tashkent-tech-${suffix}`,
      name: "Tashkent Tech",
      legalName: "Tashkent Tech MChJ",
      stir: "301234567",
      description: t("", "", ""),
    },
    {
      id: vendorB,
      slug: `samarqand-savdo-${suffix}`,
      name: "Samarqand Savdo",
      legalName: "Samarqand Savdo MChJ",
      stir: "302345678",
      description: t("", "", ""),
    },
  ]);
  const warehouseA = newId();
  const warehouseB = newId();
  await db.insert(warehouses).values([
    { id: warehouseA, vendorId: vendorA, name: "Asosiy", region: "tashkent_city", address: "Chilonzor 1" },
    { id: warehouseB, vendorId: vendorB, name: "Asosiy", region: "samarkand", address: "Registon 2" },
  ]);

  const category = async (slug: string, name: LocalizedText, parent: { id: string; path: string } | null) => {
    const id = newId();
    const path = `${parent?.path ?? "/"}${id}/`;
    await db.insert(categories).values({
      id,
      parentId: parent?.id ?? null,
      path,
      depth: path.split("/").filter(Boolean).length - 1,
      slug: `${slug}-${suffix}`,
      slugs: { uz: `${slug}-${suffix}`, ru: `${slug}-ru-${suffix}`, en: `${slug}-en-${suffix}` },
      name,
      attributes: [
        {
          key: "origin",
          name: t("Ishlab chiqarilgan mamlakat", "Страна производства", "Country of origin"),
          type: "enum",
          required: false,
          options: [
            { value: "kr", name: t("Janubiy Koreya", "Южная Корея", "South Korea") },
            { value: "cn", name: t("Xitoy", "Китай", "China") },
            { value: "uz", name: t("Oʻzbekiston", "Узбекистан", "Uzbekistan") },
            { value: "us", name: t("AQSH", "США", "USA") },
          ],
        },
      ],
    });
    return { id, path };
  };
  const electronics = await category("elektronika", t("Elektronika", "Электроника", "Electronics"), null);
  const phones = await category("smartfonlar", t("Smartfonlar", "Смартфоны", "Smartphones"), electronics);
  const home = await category("uy-rozgor", t("Uy-roʻzgʻor", "Дом", "Home"), null);
  const fridges = await category("muzlatgichlar", t("Muzlatgichlar", "Холодильники", "Refrigerators"), home);
  const textiles = await category("toqimachilik", t("Toʻqimachilik", "Текстиль", "Textiles"), home);

  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const product = async (p: {
    vendorId: string;
    warehouseId: string;
    category: { id: string; path: string };
    title: LocalizedText;
    description: LocalizedText;
    brand: string;
    price: number;
    stock: number;
    origin: string;
    rating: number | null;
    views: number;
    ageDays: number;
    status?: "published" | "draft";
    options?: Record<string, string>;
  }) => {
    const id = newId();
    const variantId = newId();
    const publishedAt = new Date(now - p.ageDays * day);
    await db.insert(products).values({
      id,
      vendorId: p.vendorId,
      categoryId: p.category.id,
      categoryPath: p.category.path,
      slug: `${p.title.en.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.slice(-6)}`,
      status: p.status ?? "published",
      title: p.title,
      description: p.description,
      brand: p.brand,
      attributes: { origin: p.origin },
      minPriceAmount: p.price * 100,
      viewCount: p.views,
      ratingAverage: p.rating,
      ratingCount: p.rating === null ? 0 : 25,
      publishedAt: (p.status ?? "published") === "published" ? publishedAt : null,
    });
    await db.insert(productVariants).values({
      id: variantId,
      productId: id,
      vendorId: p.vendorId,
      sku: `SKU-${id.slice(-8)}`,
      options: p.options ?? {},
      priceAmount: p.price * 100,
    });
    await db.insert(stockLevels).values({ variantId, warehouseId: p.warehouseId, onHand: p.stock });
    return { id, variantId };
  };
  const galaxy = await product({
    vendorId: vendorA,
    warehouseId: warehouseA,
    category: phones,
    title: t("Samsung Galaxy A55 smartfon", "Смартфон Samsung Galaxy A55", "Samsung Galaxy A55 smartphone"),
    description: t("Katta ekran va kuchli batareya", "Большой экран и мощная батарея", "Large screen and a strong battery"),
    brand: "Samsung",
    price: 4_500_000,
    stock: 5,
    origin: "kr",
    rating: 4.6,
    views: 500,
    ageDays: 10,
    options: { color: "black" },
  });
  const redmi = await product({
    vendorId: vendorA,
    warehouseId: warehouseA,
    category: phones,
    title: t("Xiaomi Redmi Note 13 telefon", "Телефон Xiaomi Redmi Note 13", "Xiaomi Redmi Note 13 phone"),
    description: t("Arzon va ishonchli", "Недорогой и надёжный", "Affordable and reliable"),
    brand: "Xiaomi",
    price: 2_900_000,
    stock: 0,
    origin: "cn",
    rating: 4.1,
    views: 900,
    ageDays: 30,
  });
  const fridge = await product({
    vendorId: vendorB,
    warehouseId: warehouseB,
    category: fridges,
    title: t("Artel muzlatgich HD 455", "Холодильник Artel HD 455", "Artel fridge HD 455"),
    description: t("Ikki kamerali, No Frost", "Двухкамерный, No Frost", "Two compartments, No Frost"),
    brand: "Artel",
    price: 6_000_000,
    stock: 3,
    origin: "uz",
    rating: 3.5,
    views: 50,
    ageDays: 5,
  });
  const towel = await product({
    vendorId: vendorB,
    warehouseId: warehouseB,
    category: textiles,
    title: t("Oʻzbekiston paxta sochiq", "Полотенце хлопковое Узбекистан", "Uzbekistan cotton towel"),
    description: t("Yumshoq paxta", "Мягкий хлопок", "Soft cotton"),
    brand: "Bahor",
    price: 80_000,
    stock: 10,
    origin: "uz",
    rating: null,
    views: 10,
    ageDays: 60,
  });
  const iphone = await product({
    vendorId: vendorB,
    warehouseId: warehouseB,
    category: phones,
    title: t("Apple iPhone 15 smartfon", "Смартфон Apple iPhone 15", "Apple iPhone 15 smartphone"),
    description: t("Yangi avlod", "Новое поколение", "The new generation"),
    brand: "Apple",
    price: 12_000_000,
    stock: 2,
    origin: "us",
    rating: 4.9,
    views: 300,
    ageDays: 1,
    options: { color: "blue" },
  });
  const draft = await product({
    vendorId: vendorA,
    warehouseId: warehouseA,
    category: phones,
    title: t("Samsung Galaxy Yashirin smartfon", "Смартфон Samsung Galaxy Скрытый", "Samsung Galaxy Hidden smartphone"),
    description: t("", "", ""),
    brand: "Samsung",
    price: 1_000_000,
    stock: 1,
    origin: "kr",
    rating: null,
    views: 0,
    ageDays: 0,
    status: "draft",
  });
  return {
    categories: { electronics: electronics.id, phones: phones.id, home: home.id, fridges: fridges.id, textiles: textiles.id },
    vendors: { a: vendorA, b: vendorB },
    vendorSlugs: { a: `tashkent-tech-${suffix}`, b: `samarqand-savdo-${suffix}` },
    products: { galaxy: galaxy.id, redmi: redmi.id, fridge: fridge.id, towel: towel.id, iphone: iphone.id, draft: draft.id },
    variants: {
      galaxy: galaxy.variantId,
      redmi: redmi.variantId,
      fridge: fridge.variantId,
      towel: towel.variantId,
      iphone: iphone.variantId,
    },
    warehouses: { a: warehouseA, b: warehouseB },
  };
}

/** Sets a variant's on-hand stock (tests move stock directly; the ledger is not what they test). */
export async function setStock(db: Database, variantId: string, onHand: number): Promise<void> {
  await db.update(stockLevels).set({ onHand, reserved: 0 }).where(eq(stockLevels.variantId, variantId));
}

export async function setStatus(db: Database, productId: string, status: "published" | "archived"): Promise<void> {
  await db
    .update(products)
    .set({ status, publishedAt: status === "published" ? sql`now()` : null })
    .where(eq(products.id, productId));
}
