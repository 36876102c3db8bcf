import { and, asc, desc, eq, gt, gte, inArray, like, lte, sql } from "drizzle-orm";

import type { Locale } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { decodeCursor, encodeCursor } from "../core/cursor";
import { NotFound } from "../core/errors";
import { DEFAULT_LOCALE, localize } from "../core/locale";
import { publicFileUrl } from "../files/storage";
import type { ListProductsInput, ProductBySlugInput } from "./schema";

const { categories, products, productVariants, productImages, stockLevels, vendors } = schema;

type Ctx = Pick<Context, "db">;

export interface CategoryNode {
  id: string;
  slug: string;
  title: string;
  depth: number;
  children: CategoryNode[];
}

export async function categoryTree(ctx: Ctx, input: { locale?: Locale } = {}): Promise<CategoryNode[]> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const rows = await ctx.db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, depth: categories.depth })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.position));
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node: CategoryNode = { id: row.id, slug: row.slug, title: localize(row.name, locale), depth: row.depth, children: [] };
    byId.set(row.id, node);
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  priceAmount: number;
  currency: string;
  image: { url: string; width: number; height: number; alt: string } | null;
  inStock: boolean;
}

/** Cards for a page of product rows: first image and an in-stock flag, two queries for the whole page. */
export async function cardsFor(
  ctx: Ctx,
  rows: { id: string; slug: string; title: schema.LocalizedText; brand: string | null; minPriceAmount: number; currency: string }[],
  locale: Locale,
): Promise<ProductCard[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [images, stock] = await Promise.all([
    ctx.db
      .selectDistinctOn([productImages.productId], {
        productId: productImages.productId,
        storageKey: productImages.storageKey,
        width: productImages.width,
        height: productImages.height,
        alt: productImages.alt,
      })
      .from(productImages)
      .where(inArray(productImages.productId, ids))
      .orderBy(productImages.productId, asc(productImages.position)),
    ctx.db
      .select({ productId: productVariants.productId })
      .from(productVariants)
      .innerJoin(stockLevels, eq(stockLevels.variantId, productVariants.id))
      .where(and(inArray(productVariants.productId, ids), gt(sql`${stockLevels.onHand} - ${stockLevels.reserved}`, 0)))
      .groupBy(productVariants.productId),
  ]);
  const imageBy = new Map(images.map((i) => [i.productId, i]));
  const inStock = new Set(stock.map((s) => s.productId));
  return rows.map((row) => {
    const image = imageBy.get(row.id);
    const title = localize(row.title, locale);
    return {
      id: row.id,
      slug: row.slug,
      title,
      brand: row.brand,
      priceAmount: row.minPriceAmount,
      currency: row.currency,
      image: image
        ? { url: publicFileUrl(image.storageKey), width: image.width, height: image.height, alt: localize(image.alt, locale) || title }
        : null,
      inStock: inStock.has(row.id),
    };
  });
}

export async function listProducts(ctx: Ctx, input: ListProductsInput): Promise<{ items: ProductCard[]; nextCursor: string | null }> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const conditions = [eq(products.status, "published")];
  if (input.categorySlug) {
    const [category] = await ctx.db.select({ path: categories.path }).from(categories).where(eq(categories.slug, input.categorySlug));
    if (!category) throw new NotFound("Category not found");
    // A category's listing includes every descendant: one prefix match on the path.
    conditions.push(like(products.categoryPath, `${category.path}%`));
  }
  if (input.featured) conditions.push(gt(products.featured, 0));
  const filters = input.filters;
  if (filters?.priceMin !== undefined) conditions.push(gte(products.minPriceAmount, filters.priceMin));
  if (filters?.priceMax !== undefined) conditions.push(lte(products.minPriceAmount, filters.priceMax));
  if (filters?.brands?.length) conditions.push(inArray(products.brand, filters.brands));
  if (filters?.inStock) {
    conditions.push(
      sql`exists (select 1 from ${productVariants} join ${stockLevels} on ${stockLevels.variantId} = ${productVariants.id}
                  where ${productVariants.productId} = ${products.id} and ${stockLevels.onHand} - ${stockLevels.reserved} > 0)`,
    );
  }

  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  let order;
  switch (input.sort) {
    case "newest":
      if (cursor) conditions.push(sql`(${products.publishedAt}, ${products.id}) < (${String(cursor.v)}::timestamptz, ${cursor.id}::uuid)`);
      order = [desc(products.publishedAt), desc(products.id)];
      break;
    case "price_asc":
      if (cursor) conditions.push(sql`(${products.minPriceAmount}, ${products.id}) > (${Number(cursor.v)}, ${cursor.id})`);
      order = [asc(products.minPriceAmount), asc(products.id)];
      break;
    case "price_desc":
      if (cursor) conditions.push(sql`(${products.minPriceAmount}, ${products.id}) < (${Number(cursor.v)}, ${cursor.id})`);
      order = [desc(products.minPriceAmount), desc(products.id)];
      break;
  }

  const rows = await ctx.db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      brand: products.brand,
      minPriceAmount: products.minPriceAmount,
      currency: products.currency,
      publishedAt: products.publishedAt,
    })
    .from(products)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ v: input.sort === "newest" ? (last.publishedAt?.toISOString() ?? "") : last.minPriceAmount, id: last.id })
      : null;
  return { items: await cardsFor(ctx, page, locale), nextCursor };
}

/**
 * The product page's four queries as prepared statements: Postgres parses and plans them
 * once per connection instead of on every page view, and Drizzle builds their SQL once.
 * Prepared statements belong to the executor that made them, so they are kept per executor.
 */
function prepareProductPage(db: Ctx["db"]) {
  return {
    product: db
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        description: products.description,
        brand: products.brand,
        categoryPath: products.categoryPath,
        minPriceAmount: products.minPriceAmount,
        currency: products.currency,
        vendor: { id: vendors.id, slug: vendors.slug, name: vendors.name },
      })
      .from(products)
      .innerJoin(vendors, eq(vendors.id, products.vendorId))
      .where(and(eq(products.slug, sql.placeholder("slug")), eq(products.status, "published")))
      .prepare("catalog_product_by_slug"),
    variants: db
      .select({
        id: productVariants.id,
        sku: productVariants.sku,
        options: productVariants.options,
        priceAmount: productVariants.priceAmount,
        compareAtAmount: productVariants.compareAtAmount,
        currency: productVariants.currency,
        available: sql<number>`coalesce(sum(${stockLevels.onHand} - ${stockLevels.reserved}), 0)::int`,
      })
      .from(productVariants)
      .leftJoin(stockLevels, eq(stockLevels.variantId, productVariants.id))
      .where(eq(productVariants.productId, sql.placeholder("productId")))
      .groupBy(productVariants.id)
      .orderBy(asc(productVariants.position))
      .prepare("catalog_product_variants"),
    images: db
      .select({ storageKey: productImages.storageKey, width: productImages.width, height: productImages.height, alt: productImages.alt })
      .from(productImages)
      .where(eq(productImages.productId, sql.placeholder("productId")))
      .orderBy(asc(productImages.position))
      .prepare("catalog_product_images"),
    trail: db
      .select({ id: categories.id, slug: categories.slug, name: categories.name, depth: categories.depth })
      .from(categories)
      .where(sql`${categories.id} = any(${sql.placeholder("ids")}::uuid[])`)
      .orderBy(asc(categories.depth))
      .prepare("catalog_category_trail"),
  };
}
const productPageStatements = new WeakMap<Ctx["db"], ReturnType<typeof prepareProductPage>>();

export async function productBySlug(ctx: Ctx, input: ProductBySlugInput) {
  const locale = input.locale ?? DEFAULT_LOCALE;
  let statements = productPageStatements.get(ctx.db);
  if (!statements) {
    statements = prepareProductPage(ctx.db);
    productPageStatements.set(ctx.db, statements);
  }
  const [product] = await statements.product.execute({ slug: input.slug });
  if (!product) throw new NotFound("Product not found");

  const ancestorIds = product.categoryPath.split("/").filter(Boolean);
  const [variants, images, trail] = await Promise.all([
    statements.variants.execute({ productId: product.id }),
    statements.images.execute({ productId: product.id }),
    statements.trail.execute({ ids: ancestorIds }),
  ]);
  const title = localize(product.title, locale);
  return {
    id: product.id,
    slug: product.slug,
    title,
    description: localize(product.description, locale),
    brand: product.brand,
    priceAmount: product.minPriceAmount,
    currency: product.currency,
    vendor: product.vendor,
    breadcrumbs: trail.map((c) => ({ slug: c.slug, title: localize(c.name, locale) })),
    variants,
    inStock: variants.some((v) => v.available > 0),
    images: images.map((i) => ({
      url: publicFileUrl(i.storageKey),
      width: i.width,
      height: i.height,
      alt: localize(i.alt, locale) || title,
    })),
  };
}

export async function categoryBySlug(ctx: Ctx, input: { slug: string; locale?: Locale }) {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const [category] = await ctx.db.select().from(categories).where(eq(categories.slug, input.slug));
  if (!category) throw new NotFound("Category not found");
  const ancestorIds = category.path.split("/").filter(Boolean);
  const [trail, children] = await Promise.all([
    ctx.db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .where(inArray(categories.id, ancestorIds))
      .orderBy(asc(categories.depth)),
    ctx.db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .where(eq(categories.parentId, category.id))
      .orderBy(asc(categories.position)),
  ]);
  return {
    id: category.id,
    slug: category.slug,
    title: localize(category.name, locale),
    breadcrumbs: trail.map((c) => ({ slug: c.slug, title: localize(c.name, locale) })),
    children: children.map((c) => ({ slug: c.slug, title: localize(c.name, locale) })),
  };
}

/**
 * Where an old or other-language slug points now: the product's current URL slug, or null.
 * Pages call it when catalog.productBySlug answers NOT_FOUND, and redirect permanently.
 */
export async function redirectForSlug(ctx: Ctx, input: { slug: string }): Promise<{ slug: string } | null> {
  const [row] = await ctx.db
    .select({ slug: products.slug })
    .from(schema.productSlugs)
    .innerJoin(products, eq(products.id, schema.productSlugs.productId))
    .where(and(eq(schema.productSlugs.slug, input.slug), eq(products.status, "published")));
  return row && row.slug !== input.slug ? { slug: row.slug } : null;
}

/** What a category page can filter by: the brands in its subtree and its price range. */
export async function categoryFilters(ctx: Ctx, input: { categorySlug: string }) {
  const [category] = await ctx.db.select({ path: categories.path }).from(categories).where(eq(categories.slug, input.categorySlug));
  if (!category) throw new NotFound("Category not found");
  const inTree = and(eq(products.status, "published"), like(products.categoryPath, `${category.path}%`));
  const [brands, [range]] = await Promise.all([
    ctx.db
      .select({ brand: products.brand, count: sql<number>`count(*)::int` })
      .from(products)
      .where(and(inTree, sql`${products.brand} is not null`))
      .groupBy(products.brand)
      .orderBy(desc(sql`count(*)`), asc(products.brand))
      .limit(30),
    ctx.db
      .select({
        min: sql<number | null>`min(${products.minPriceAmount})::bigint`,
        max: sql<number | null>`max(${products.minPriceAmount})::bigint`,
      })
      .from(products)
      .where(inTree),
  ]);
  return {
    brands: brands.filter((b): b is { brand: string; count: number } => b.brand !== null),
    priceMin: range?.min === null || range?.min === undefined ? null : Number(range.min),
    priceMax: range?.max === null || range?.max === undefined ? null : Number(range.max),
  };
}
