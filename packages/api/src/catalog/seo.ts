import { and, asc, desc, eq, gte, sql } from "drizzle-orm";

import type { Locale } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { decodeCursor, encodeCursor } from "../core/cursor";
import { NotFound } from "../core/errors";
import { DEFAULT_LOCALE, localize } from "../core/locale";
import { CACHE_TTL, cached, versionKey } from "./cache";
import type { ProductCard } from "./service";
import { cardsFor } from "./service";

const { categories, products, vendors } = schema;

type Ctx = Pick<Context, "db">;

/** Most URLs one sitemap file may list (the protocol allows 50,000; smaller files are cheaper). */
export const SITEMAP_PAGE_SIZE = 10_000;

const published = eq(products.status, "published");

/** How many product sitemap pages there are (1-based pages 1..count); 0 when nothing is published. */
/** How many product sitemaps there are. Counting a million rows takes a while, so the answer is cached. */
export async function sitemapProductPageCount(
  ctx: Pick<Context, "db" | "kv" | "config" | "log">,
): Promise<{ pages: number; pageSize: number }> {
  return cached(ctx, { key: "sitemap-pages", versions: [versionKey.listings], ttl: CACHE_TTL.sitemap }, async () => {
    const [row] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(products)
      .where(published);
    return { pages: Math.ceil((row?.count ?? 0) / SITEMAP_PAGE_SIZE), pageSize: SITEMAP_PAGE_SIZE };
  });
}

export interface SitemapProduct {
  id: string;
  /** The canonical slug: the product's URL in every language is `/{locale}/p/{slug}`. */
  slug: string;
  updatedAt: Date;
}

/**
 * One page (1-based) of published products ordered by id. The page's first id comes from
 * one index scan (`order by id offset (page-1)*size limit 1`); the page itself is then a
 * keyset scan from there, so no request ever loads more than one page of rows.
 */
export async function sitemapProducts(ctx: Ctx, input: { page: number }): Promise<SitemapProduct[]> {
  if (!Number.isInteger(input.page) || input.page < 1) return [];
  const [boundary] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(published)
    .orderBy(asc(products.id))
    .offset((input.page - 1) * SITEMAP_PAGE_SIZE)
    .limit(1);
  if (!boundary) return [];
  return ctx.db
    .select({ id: products.id, slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(and(published, gte(products.id, boundary.id)))
    .orderBy(asc(products.id))
    .limit(SITEMAP_PAGE_SIZE);
}

/** Every storefront category (archived ones are hidden from the storefront). */
export async function sitemapCategories(ctx: Ctx): Promise<{ slug: string; slugs: schema.LocalizedText; updatedAt: Date }[]> {
  return (
    ctx.db
      .select({ slug: categories.slug, slugs: categories.slugs, updatedAt: categories.updatedAt })
      .from(categories)
      // Not archived, and under no archived ancestor.
      .where(sql`not exists (select 1 from ${categories} a where a.archived_at is not null and ${categories.path} like a.path || '%')`)
      .orderBy(asc(categories.depth), asc(categories.position))
  );
}

/** An active vendor's public profile; suspended or unknown vendors are NOT_FOUND. */
export async function vendorBySlug(ctx: Ctx, input: { slug: string; locale?: Locale }) {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const [vendor] = await ctx.db
    .select({ id: vendors.id, slug: vendors.slug, name: vendors.name, description: vendors.description })
    .from(vendors)
    .where(and(eq(vendors.slug, input.slug), eq(vendors.status, "active")));
  if (!vendor) throw new NotFound("Vendor not found");
  return { id: vendor.id, slug: vendor.slug, name: vendor.name, description: localize(vendor.description, locale) };
}

export type VendorProductCard = ProductCard;

/** A vendor's published products, newest first, paged by an opaque cursor. */
export async function vendorProducts(
  ctx: Ctx,
  input: { vendorSlug: string; cursor?: string; limit?: number; locale?: Locale },
): Promise<{ items: ProductCard[]; nextCursor: string | null }> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const limit = Math.min(Math.max(input.limit ?? 48, 1), 100);
  const [vendor] = await ctx.db
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.slug, input.vendorSlug), eq(vendors.status, "active")));
  if (!vendor) throw new NotFound("Vendor not found");

  const conditions = [published, eq(products.vendorId, vendor.id)];
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    conditions.push(sql`(${products.publishedAt}, ${products.id}) < (${String(cursor.v)}::timestamptz, ${cursor.id}::uuid)`);
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
    .orderBy(desc(products.publishedAt), desc(products.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ v: last.publishedAt?.toISOString() ?? "", id: last.id }) : null;
  return { items: await cardsFor(ctx, page, locale), nextCursor };
}
