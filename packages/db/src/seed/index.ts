import { hash } from "@node-rs/argon2";
import { sql as dsql } from "drizzle-orm";

import { createDb } from "../client";
import type { Database, SqlClient } from "../client";
import type { LocalizedText, UserRole } from "../schema";
import { categories, newId, shippingMethods, totpCredentials, users, vendorMembers, vendors, warehouses } from "../schema";
import { slugify } from "../slug";
import { copyRows } from "./copy";
import type { BranchCategory, LeafCategory } from "./data";
import { CATEGORY_TREE, OPTION_NAMES, ORIGIN_ATTRIBUTE, RAM_ATTRIBUTE, VENDOR_ROOTS, VENDORS } from "./data";
import { ensureSeedImages, SEED_IMAGE_SIZE } from "./images";
import { createRandom } from "./random";
import type { Random } from "./random";

export const DEMO_PASSWORD = "ultramarket-demo-2026";

/**
 * Demo accounts. Staff must pass a second factor, so the demo admins come with known TOTP
 * secrets (base32; add them to any authenticator app) that the seed prints.
 */
export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole; vendor?: string; totpSecret?: string }[] = [
  { email: "superadmin@ultramarket.uz", name: "Dilshod Rahimov", role: "SUPER_ADMIN", totpSecret: "ULTRAMARKETSUPERADMINDEMOTWOSIXA" },
  { email: "admin@ultramarket.uz", name: "Malika Karimova", role: "ADMIN", totpSecret: "ULTRAMARKETADMINDEMOKEYTWOSIXAAA" },
  { email: "vendor@ultramarket.uz", name: "Aziz Toshmatov", role: "VENDOR", vendor: "toshkent-elektron" },
  { email: "vendor2@ultramarket.uz", name: "Nodira Yusupova", role: "VENDOR", vendor: "samarqand-savdo" },
  { email: "vendor3@ultramarket.uz", name: "Sardor Aliyev", role: "VENDOR", vendor: "fargona-moda" },
  { email: "vendor4@ultramarket.uz", name: "Gulnora Saidova", role: "VENDOR", vendor: "buxoro-bozori" },
  { email: "customer@ultramarket.uz", name: "Jasur Ergashev", role: "CUSTOMER" },
];

export interface SeedOptions {
  products: number;
  filesDir: string;
  seed?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  categories: number;
  vendors: number;
  products: number;
  variants: number;
  images: number;
  seconds: number;
}

const isLeaf = (node: BranchCategory | LeafCategory): node is LeafCategory => "noun" in node;

interface PlacedLeaf {
  leaf: LeafCategory;
  id: string;
  path: string;
  root: string;
}

async function resetData(db: Database): Promise<void> {
  await db.execute(dsql`truncate table
    idempotency_keys, stock_reservations, shipping_methods,
    order_events, order_lines, vendor_orders, orders, stock_levels, product_images,
    product_variants, products, categories, warehouses, vendor_members, vendors, users, dev_mailbox,
    search_documents, search_lexicon, search_suggestions, search_index_backlog, search_history, search_synonyms,
    vendor_applications, addresses, one_time_tokens, refresh_tokens, totp_credentials, recovery_codes, api_keys, product_slugs, stock_movements,
    product_listings, catalog_imports, catalog_import_errors
    restart identity`);
}

async function insertCategories(db: Database): Promise<{ leaves: PlacedLeaf[]; count: number }> {
  const leaves: PlacedLeaf[] = [];
  let count = 0;
  const rows: (typeof categories.$inferInsert)[] = [];
  const walk = (nodes: (BranchCategory | LeafCategory)[], parent: { id: string; path: string; depth: number } | null, root: string) => {
    nodes.forEach((node, position) => {
      const id = newId();
      const path = `${parent?.path ?? "/"}${id}/`;
      const depth = (parent?.depth ?? -1) + 1;
      const attributes = isLeaf(node) ? (node.options?.name === "storage" ? [ORIGIN_ATTRIBUTE, RAM_ATTRIBUTE] : [ORIGIN_ATTRIBUTE]) : [];
      const slugs = { uz: node.slug, ru: slugify(node.name.ru), en: slugify(node.name.en) };
      rows.push({ id, parentId: parent?.id ?? null, path, depth, position, slug: node.slug, slugs, name: node.name, attributes });
      count++;
      const rootSlug = parent ? root : node.slug;
      if (isLeaf(node)) leaves.push({ leaf: node, id, path, root: rootSlug });
      else walk(node.children, { id, path, depth }, rootSlug);
    });
  };
  walk(CATEGORY_TREE, null, "");
  await db.insert(categories).values(rows);
  return { leaves, count };
}

const MODEL_WORDS = ["Pro", "Lite", "Max", "Plus", "Air", "Neo", "Ultra", "Mini", "Prime", "Classic"];

function describe(noun: LocalizedText, brand: string): LocalizedText {
  return {
    uz: `${brand} ${noun.uz.toLowerCase()} — sifatli mahsulot, rasmiy kafolat va Oʻzbekiston boʻylab yetkazib berish.`,
    ru: `${noun.ru} ${brand} — качественный товар, официальная гарантия и доставка по всему Узбекистану.`,
    en: `${brand} ${noun.en.toLowerCase()}: quality product, official warranty and delivery across Uzbekistan.`,
  };
}

interface ChunkRows {
  products: unknown[][];
  variants: unknown[][];
  stock: unknown[][];
  movements: unknown[][];
  images: unknown[][];
}

function buildChunk(
  from: number,
  to: number,
  random: Random,
  leaves: PlacedLeaf[],
  vendorsBySlug: Map<string, { id: string; warehouseIds: string[] }>,
  imagesByLeaf: Map<string, string[]>,
  now: number,
  imagesPerProduct: number,
): ChunkRows {
  const rows: ChunkRows = { products: [], variants: [], stock: [], movements: [], images: [] };
  for (let i = from; i < to; i++) {
    const placed = leaves[i % leaves.length]!;
    const { leaf } = placed;
    const vendorIndex = random.pick(VENDOR_ROOTS[placed.root] ?? [0]);
    const vendor = vendorsBySlug.get(VENDORS[vendorIndex]!.slug)!;
    const brand = random.pick(leaf.brands);
    const model = `${random.pick(MODEL_WORDS)} ${random.int(2, 99)}`;
    const title: LocalizedText = {
      uz: `${brand} ${leaf.noun.uz} ${model}`,
      ru: `${leaf.noun.ru} ${brand} ${model}`,
      en: `${brand} ${leaf.noun.en} ${model}`,
    };
    const productId = newId();
    const roll = random.next();
    const status = roll < 0.95 ? "published" : roll < 0.975 ? "pending_review" : "draft";
    const createdAt = new Date(now - random.int(0, 90 * 24 * 3600) * 1000);
    const basePrice = Math.round(random.int(leaf.price[0], leaf.price[1]) / 1000) * 1000;
    const optionValues = leaf.options ? leaf.options.values.slice(0, random.int(2, Math.min(3, leaf.options.values.length))) : [null];
    let minPrice = Number.POSITIVE_INFINITY;
    optionValues.forEach((value, position) => {
      const variantId = newId();
      const price = (basePrice + position * Math.round((basePrice * 0.08) / 1000) * 1000) * 100;
      minPrice = Math.min(minPrice, price);
      const compareAt = random.chance(0.25) ? Math.round((price * 1.15) / 100000) * 100000 : null;
      const options = value && leaf.options ? { [leaf.options.name]: value } : {};
      const sku = `${leaf.slug.slice(0, 3).toUpperCase()}-${i.toString(36).toUpperCase()}-${position + 1}`;
      rows.variants.push([variantId, productId, vendor.id, sku, options, position, price, compareAt, "UZS", createdAt, createdAt]);
      const onHand = random.chance(0.1) ? 0 : random.int(1, 60);
      const warehouseId = vendor.warehouseIds[position % vendor.warehouseIds.length]!;
      rows.stock.push([variantId, warehouseId, onHand, 0, createdAt, createdAt]);
      // The ledger opens with a receipt, so counters equal the sums of their movements.
      if (onHand > 0) rows.movements.push([newId(), variantId, warehouseId, "receipt", onHand, 0, "opening balance", createdAt, createdAt]);
    });
    const pool = imagesByLeaf.get(leaf.slug) ?? [];
    for (let n = 0; n < imagesPerProduct && n < pool.length; n++) {
      const key = pool[(i + n) % pool.length]!;
      rows.images.push([newId(), productId, null, n, key, SEED_IMAGE_SIZE, SEED_IMAGE_SIZE, title, createdAt, createdAt]);
    }
    const attributes: Record<string, string> = { origin: random.pick(ORIGIN_ATTRIBUTE.options!).value };
    if (leaf.options?.name === "storage") attributes.ram = random.pick(RAM_ATTRIBUTE.options!).value;
    // Views follow a long tail, as real shop traffic does: a few products get most of them.
    const viewCount = Math.floor(1000 / (1 + random.int(0, 400)) ** 1.2);
    // Until reviews exist, seven products in ten carry a believable rating (3.0–5.0) for search to filter and sort by.
    // Derived from the index, not drawn from `random`, so the rest of the demo data stays as it was.
    const spread = ((i * 2654435761) >>> 0) / 2 ** 32;
    const ratingAverage = spread < 0.7 ? 3 + Math.round((spread / 0.7) * 20) / 10 : null;
    const ratingCount = ratingAverage === null ? 0 : 1 + ((i * 7919) % 300);
    rows.products.push([
      productId,
      vendor.id,
      placed.id,
      placed.path,
      `${slugify(title.en)}-${i.toString(36)}`,
      status,
      title,
      describe(leaf.noun, brand),
      brand,
      attributes,
      leaf.options ? [{ key: leaf.options.name, name: OPTION_NAMES[leaf.options.name]!, values: optionValues }] : [],
      minPrice,
      viewCount,
      ratingAverage,
      ratingCount,
      "UZS",
      random.chance(0.04) ? 1 : 0,
      status === "published" ? createdAt : null,
      createdAt,
      createdAt,
    ]);
  }
  return rows;
}

async function copyChunk(sql: SqlClient, rows: ChunkRows): Promise<void> {
  await copyRows(
    sql,
    "products",
    [
      "id",
      "vendor_id",
      "category_id",
      "category_path",
      "slug",
      "status",
      "title",
      "description",
      "brand",
      "attributes",
      "options",
      "min_price_amount",
      "view_count",
      "rating_average",
      "rating_count",
      "currency",
      "featured",
      "published_at",
      "created_at",
      "updated_at",
    ],
    rows.products as never,
  );
  await copyRows(
    sql,
    "product_variants",
    [
      "id",
      "product_id",
      "vendor_id",
      "sku",
      "options",
      "position",
      "price_amount",
      "compare_at_amount",
      "currency",
      "created_at",
      "updated_at",
    ],
    rows.variants as never,
  );
  await copyRows(
    sql,
    "stock_levels",
    ["variant_id", "warehouse_id", "on_hand", "reserved", "created_at", "updated_at"],
    rows.stock as never,
  );
  await copyRows(
    sql,
    "stock_movements",
    ["id", "variant_id", "warehouse_id", "kind", "on_hand_delta", "reserved_delta", "reason", "created_at", "updated_at"],
    rows.movements as never,
  );
  await copyRows(
    sql,
    "product_images",
    ["id", "product_id", "variant_id", "position", "storage_key", "width", "height", "alt", "created_at", "updated_at"],
    rows.images as never,
  );
}

/**
 * Replaces all data with a believable demo marketplace. Deterministic for a given seed,
 * and the same code loads 500 or 1,000,000 products (COPY in chunks of 10,000).
 */
export async function seedDatabase(url: string, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const random = createRandom(options.seed ?? 20261125);
  const { db, client } = createDb(url, { max: 2, applicationName: "ultramarket-seed" });
  try {
    await resetData(db);
    const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

    const vendorsBySlug = new Map<string, { id: string; warehouseIds: string[] }>();
    for (const vendor of VENDORS) {
      const [row] = await db
        .insert(vendors)
        .values({ ...vendor })
        .returning({ id: vendors.id });
      const warehouseRows = await db
        .insert(warehouses)
        .values([
          { vendorId: row!.id, name: `${vendor.name} — asosiy ombor`, region: vendor.region, address: vendor.address },
          {
            vendorId: row!.id,
            name: `${vendor.name} — Toshkent ombori`,
            region: "tashkent_city",
            address: "Toshkent sh., Sergeli tumani, Yangi Sergeli koʻchasi, 1",
          },
        ])
        .returning({ id: warehouses.id });
      vendorsBySlug.set(vendor.slug, { id: row!.id, warehouseIds: warehouseRows.map((w) => w.id) });
      await db.insert(shippingMethods).values([
        {
          vendorId: row!.id,
          kind: "courier",
          name: { uz: "Kuryer", ru: "Курьер", en: "Courier" },
          rateType: "weight",
          baseAmount: 2_000_000,
          perKgAmount: 300_000,
          freeOverAmount: 50_000_000,
          minDays: 1,
          maxDays: 3,
        },
        {
          vendorId: row!.id,
          kind: "pickup",
          name: { uz: "Olib ketish punkti", ru: "Пункт выдачи", en: "Pickup point" },
          regions: [vendor.region],
          minDays: 0,
          maxDays: 1,
          pickupAddress: vendor.address,
          position: 1,
        },
      ]);
    }
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await db
        .insert(users)
        .values({ email: account.email, name: account.name, role: account.role, passwordHash, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      if (account.totpSecret)
        await db.insert(totpCredentials).values({ userId: user!.id, secret: account.totpSecret, enabledAt: new Date() });
      const vendor = account.vendor ? vendorsBySlug.get(account.vendor) : undefined;
      if (vendor) await db.insert(vendorMembers).values({ vendorId: vendor.id, userId: user!.id, role: "owner" });
    }

    const { leaves, count: categoryCount } = await insertCategories(db);
    const imagesByLeaf = await ensureSeedImages(
      options.filesDir,
      leaves.map((l) => l.leaf.slug),
    );
    // Two pictures make a gallery for the demo; one keeps a million-product load lean.
    const imagesPerProduct = options.products > 50_000 ? 1 : 2;

    let variants = 0;
    let images = 0;
    const chunkSize = 10_000;
    const now = Date.now();
    // Listings are built once at the end: a trigger per copied row would triple the load time.
    await db.execute(dsql`alter table products disable trigger products_listings_on_insert`);
    try {
      for (let from = 0; from < options.products; from += chunkSize) {
        const to = Math.min(options.products, from + chunkSize);
        const rows = buildChunk(from, to, random, leaves, vendorsBySlug, imagesByLeaf, now, imagesPerProduct);
        await copyChunk(client, rows);
        variants += rows.variants.length;
        images += rows.images.length;
        if (options.products > chunkSize) log(`seed: ${to.toLocaleString("en")} / ${options.products.toLocaleString("en")} products`);
      }
    } finally {
      await db.execute(dsql`alter table products enable trigger products_listings_on_insert`);
    }
    await db.execute(dsql`select rebuild_product_listings()`);
    await seedSynonyms(db);
    await db.execute(dsql`analyze`);
    return {
      categories: categoryCount,
      vendors: VENDORS.length,
      products: options.products,
      variants,
      images,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

/** Words shoppers use that the demo titles do not (they say refrigerator and laptop), editable in the console. */
const DEMO_SYNONYMS = [
  ["muzlatgich", "sovutgich", "холодильник", "refrigerator", "fridge"],
  ["noutbuk", "ноутбук", "laptop", "notebook"],
  ["smartfon", "смартфон", "smartphone", "mobile phone"],
];

async function seedSynonyms(db: Database): Promise<void> {
  for (const terms of DEMO_SYNONYMS)
    await db.execute(dsql`
      insert into search_synonyms (id, terms, folded_terms)
      values (${newId()}, ${`{${terms.map((t) => JSON.stringify(t)).join(",")}}`}::text[],
              array(select search_fold(t) from unnest(${`{${terms.map((t) => JSON.stringify(t)).join(",")}}`}::text[]) as t))`);
}
