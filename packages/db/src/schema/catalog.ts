import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  char,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

import type { LocalizedText } from "./common";
import { id, timestamps } from "./common";
import { vendors, warehouses } from "./vendors";

export const categories = pgTable(
  "categories",
  {
    id: id(),
    parentId: uuid().references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    /**
     * Materialised path of ancestor ids and this id, `/a/b/c/`. "A category and its
     * descendants" is then one indexed prefix match (`path LIKE '/a/b/%'`).
     */
    path: text().notNull(),
    depth: integer().notNull(),
    position: integer().notNull().default(0),
    /** The Uzbek slug: the category's stable key (and its URL under /uz). */
    slug: text().notNull().unique(),
    /**
     * The URL slug in each language (`uz` equals `slug`). A slug names one category in every language: the catalog
     * service refuses a slug another category uses in any language, and pages redirect a category reached by another
     * language's slug to their own.
     */
    slugs: jsonb().$type<LocalizedText>().notNull(),
    name: jsonb().$type<LocalizedText>().notNull(),
    description: jsonb().$type<LocalizedText>(),
    icon: text(),
    /** What products in this category describe: size, colour, memory… (see AttributeDefinition). */
    attributes: jsonb().$type<AttributeDefinition[]>().notNull().default([]),
    /** Archived categories take no new products and are hidden from the storefront. */
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("categories_path_idx").using("btree", t.path.op("text_pattern_ops")),
    index().on(t.parentId, t.position),
    index("categories_slug_ru_idx").on(sql`(${t.slugs} ->> 'ru')`),
    index("categories_slug_en_idx").on(sql`(${t.slugs} ->> 'en')`),
  ],
);

export interface AttributeDefinition {
  key: string;
  name: LocalizedText;
  type: "text" | "number" | "enum" | "boolean";
  unit?: string;
  options?: { value: string; name: LocalizedText }[];
  required: boolean;
}

export interface ProductOption {
  key: string;
  name: LocalizedText;
  values: string[];
}

export const productStatus = pgEnum("product_status", ["draft", "pending_review", "published", "rejected", "archived"]);
export type ProductStatus = (typeof productStatus.enumValues)[number];

export const products = pgTable(
  "products",
  {
    id: id(),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "restrict" }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    /** Copy of the category's path so listing a subtree needs no join. */
    categoryPath: text().notNull(),
    slug: text().notNull(),
    status: productStatus().notNull().default("draft"),
    title: jsonb().$type<LocalizedText>().notNull(),
    description: jsonb().$type<LocalizedText>().notNull(),
    brand: text(),
    tags: text().array().notNull().default([]),
    attributes: jsonb().$type<Record<string, string | number | boolean>>().notNull().default({}),
    options: jsonb().$type<ProductOption[]>().notNull().default([]),
    /** IKPU/MXIK classification code (17 digits), printed on Uzbek fiscal receipts. */
    ikpuCode: text(),
    seo: jsonb().$type<{ title?: Partial<LocalizedText>; description?: Partial<LocalizedText> }>().notNull().default({}),
    /** Why moderation rejected or unpublished it, shown to the vendor. */
    moderationNote: text(),
    /** Cheapest variant price, kept by the catalog service; lets lists sort by price. */
    minPriceAmount: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull().default("UZS"),
    featured: integer().notNull().default(0),
    publishedAt: timestamp({ withTimezone: true }),
    /** The vendor's own reference for the product (CSV import groups variant rows by it). */
    externalRef: text(),
    /** Storefront views, flushed in batches by the worker; the popularity sort. */
    viewCount: bigint({ mode: "number" }).notNull().default(0),
    /** Average review rating (1–5) and how many reviews; kept by the reviews domain, read by search. */
    ratingAverage: real(),
    ratingCount: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex().on(t.slug),
    index().on(t.vendorId),
    uniqueIndex().on(t.vendorId, t.externalRef),
    index().on(t.categoryId),
    // Category moves rewrite the paths of a subtree's products by prefix.
    index("products_category_path_idx").using("btree", t.categoryPath.op("text_pattern_ops")),
    index("products_published_newest_idx")
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    index("products_published_price_idx")
      .on(t.minPriceAmount, t.id)
      .where(sql`${t.status} = 'published'`),
    index("products_published_popular_idx")
      .on(t.viewCount.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
  ],
);

/**
 * One row per published product per category on its path (its own and every ancestor),
 * kept by a trigger on `products`. A category page of any size is then an index range
 * scan in the order shown — newest, price or popularity — instead of a prefix match
 * over many subcategories sorted in memory.
 */
export const productListings = pgTable(
  "product_listings",
  {
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    minPriceAmount: bigint({ mode: "number" }).notNull(),
    viewCount: bigint({ mode: "number" }).notNull(),
    brand: text(),
    /**
     * The product's attributes as `key=value` strings. Attribute filters become an array overlap on the listing row
     * (no join), and Postgres keeps statistics of array elements, so it estimates them well and keeps reading the
     * sort index instead of collecting every match to sort it.
     */
    attributeValues: text().array().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.categoryId, t.productId] }),
    index().on(t.productId),
    index("product_listings_newest_idx").on(t.categoryId, t.publishedAt.desc(), t.productId.desc()),
    index("product_listings_price_idx").on(t.categoryId, t.minPriceAmount, t.productId),
    index("product_listings_popular_idx").on(t.categoryId, t.viewCount.desc(), t.productId.desc()),
    // A brand filter is selective and uncorrelated with the sort: without these, "Samsung, cheapest first" in a large
    // category walks every cheaper accessory before the first phone.
    index("product_listings_brand_newest_idx").on(t.categoryId, t.brand, t.publishedAt.desc(), t.productId.desc()),
    index("product_listings_brand_price_idx").on(t.categoryId, t.brand, t.minPriceAmount, t.productId),
    index("product_listings_brand_popular_idx").on(t.categoryId, t.brand, t.viewCount.desc(), t.productId.desc()),
  ],
);

export const productVariants = pgTable(
  "product_variants",
  {
    id: id(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Denormalised owner so SKU uniqueness is per vendor and scope checks need no join. */
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id, { onDelete: "restrict" }),
    sku: text().notNull(),
    barcode: text(),
    options: jsonb().$type<Record<string, string>>().notNull().default({}),
    weightGrams: integer(),
    /** Package size in millimetres. */
    dimensions: jsonb().$type<{ length: number; width: number; height: number }>(),
    position: integer().notNull().default(0),
    /** When stock available across warehouses falls below this, the vendor is alerted; null = no alert. */
    lowStockThreshold: integer(),
    priceAmount: bigint({ mode: "number" }).notNull(),
    compareAtAmount: bigint({ mode: "number" }),
    currency: char({ length: 3 }).notNull().default("UZS"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex().on(t.vendorId, t.sku),
    index().on(t.productId, t.position),
    check("product_variants_price_nonnegative", sql`${t.priceAmount} >= 0`),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    id: id(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    variantId: uuid().references(() => productVariants.id, { onDelete: "set null" }),
    position: integer().notNull().default(0),
    /** Key in the file storage (local disk or uploadthing), not a full URL. */
    storageKey: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    alt: jsonb().$type<LocalizedText>(),
    /** WebP sizes made by the worker (image-renditions job); pages pick one by width. */
    renditions: jsonb().$type<{ width: number; height: number; storageKey: string }[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index().on(t.productId, t.position)],
);

export const stockLevels = pgTable(
  "stock_levels",
  {
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    onHand: integer().notNull().default(0),
    reserved: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.warehouseId] }),
    index().on(t.warehouseId),
    check("stock_levels_on_hand_nonnegative", sql`${t.onHand} >= 0`),
    check("stock_levels_reserved_within_on_hand", sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
  ],
);

/**
 * Every slug a product has had, per language. The current one is the product's URL; old
 * ones stay so links and search results keep working (the storefront redirects them).
 */
export const productSlugs = pgTable(
  "product_slugs",
  {
    slug: text().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    locale: text().notNull(),
    isCurrent: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index().on(t.productId, t.locale)],
);
