import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";

import type { DbExecutor } from "@ultramarket/db";

import type { SearchDocument } from "./engine";

/**
 * The catalog as search documents: one row per published product, variants folded in (price range, in stock,
 * option values, SKUs), category names of the whole path, attribute values with their names in every language.
 * Texts are folded in SQL by `search_fold` (migration 0008), the twin of fold.ts, so documents and queries agree.
 *
 * `where` narrows the products (`p` is products); the Postgres engine inserts from this query directly and
 * Meilisearch receives its rows, so both engines index the same document.
 */
export function documentRowsSql(where: SQL, options: { afterId?: string | null; limit?: number } = {}): SQL {
  return sql`
    select p.id as "productId", p.vendor_id as "vendorId", p.category_id as "categoryId",
           string_to_array(trim(both '/' from p.category_path), '/')::uuid[] as "categoryIds",
           p.brand, v.min_price as "minPriceAmount", v.max_price as "maxPriceAmount", p.currency,
           v.in_stock as "inStock", p.rating_average as rating, p.rating_count as "ratingCount",
           p.view_count as popularity, coalesce(p.published_at, p.created_at) as "publishedAt",
           (listing_attribute_values(p.attributes) || coalesce(v.option_pairs, '{}'))::text[] as "attributeValues",
           search_fold(concat_ws(' ', p.title->>'uz', p.title->>'ru', p.title->>'en')) as "titleFolded",
           coalesce(p.title->>'ru', '') as "titleRu",
           coalesce(p.title->>'en', '') as "titleEn",
           search_fold(concat_ws(' ', p.brand, c.names)) as "labelsFolded",
           coalesce(c.names_ru, '') as "labelsRu",
           search_fold(concat_ws(' ', a.names, v.option_values, array_to_string(p.tags, ' '))) as "attributesFolded",
           -- SKUs ride with the description (weight D): findable, but kept out of the typo lexicon (weights A-C), which
           -- a million part numbers would swamp.
           search_fold(concat_ws(' ', v.skus, left(regexp_replace(concat_ws(' ', p.description->>'uz', p.description->>'ru',
                                                                  p.description->>'en'), '<[^>]*>', ' ', 'g'), 2000)))
             as "descriptionFolded"
      from products p
      cross join lateral (
        select min(pv.price_amount)::bigint as min_price, max(pv.price_amount)::bigint as max_price,
               coalesce(bool_or(s.in_stock), false) as in_stock,
               string_agg(distinct ov.value, ' ') as option_values,
               array_agg(distinct ov.key || '=' || ov.value) filter (where ov.key is not null) as option_pairs,
               string_agg(distinct pv.sku, ' ') as skus
          from product_variants pv
          left join lateral (select bool_or(sl.on_hand > sl.reserved) as in_stock
                               from stock_levels sl where sl.variant_id = pv.id) s on true
          left join lateral jsonb_each_text(pv.options) ov on true
         where pv.product_id = p.id
      ) v
      cross join lateral (
        select string_agg(concat_ws(' ', cat.name->>'uz', cat.name->>'ru', cat.name->>'en'), ' ') as names,
               string_agg(cat.name->>'ru', ' ') as names_ru
          from categories cat
         where cat.id = any(string_to_array(trim(both '/' from p.category_path), '/')::uuid[])
      ) c
      cross join lateral (
        select string_agg(concat_ws(' ', value, o->'name'->>'uz', o->'name'->>'ru', o->'name'->>'en'), ' ') as names
          from jsonb_each_text(p.attributes) attr(key, value)
          left join lateral (
            select o from categories cat, jsonb_array_elements(cat.attributes) d, jsonb_array_elements(coalesce(d->'options', '[]')) o
             where cat.id = p.category_id and d->>'key' = attr.key and o->>'value' = attr.value limit 1
          ) opt on true
      ) a
     where p.status = 'published' and v.min_price is not null and ${where}
       ${options.afterId ? sql`and p.id > ${options.afterId}` : sql``}
     ${options.limit ? sql`order by p.id limit ${options.limit}` : sql``}`;
}

interface DocumentRow {
  productId: string;
  vendorId: string;
  categoryId: string;
  categoryIds: string[];
  brand: string | null;
  minPriceAmount: string | number;
  maxPriceAmount: string | number;
  currency: string;
  inStock: boolean;
  rating: number | null;
  ratingCount: number;
  popularity: string | number;
  publishedAt: Date | string;
  attributeValues: string[];
  titleFolded: string;
  titleRu: string;
  titleEn: string;
  labelsFolded: string;
  labelsRu: string;
  attributesFolded: string;
  descriptionFolded: string;
}

export function toDocument(row: DocumentRow): SearchDocument {
  return {
    productId: row.productId,
    vendorId: row.vendorId,
    categoryId: row.categoryId,
    categoryIds: row.categoryIds,
    brand: row.brand,
    minPriceAmount: Number(row.minPriceAmount),
    maxPriceAmount: Number(row.maxPriceAmount),
    currency: row.currency,
    inStock: row.inStock,
    rating: row.rating === null ? null : Number(row.rating),
    ratingCount: row.ratingCount,
    popularity: Number(row.popularity),
    publishedAt: new Date(row.publishedAt),
    attributeValues: row.attributeValues,
    text: {
      title: row.titleFolded,
      titleRu: row.titleRu,
      titleEn: row.titleEn,
      labels: row.labelsFolded,
      labelsRu: row.labelsRu,
      attributes: row.attributesFolded,
      description: row.descriptionFolded,
    },
  };
}

/** The documents of these products that are published (the others are to be removed from the index). */
export async function loadDocuments(db: DbExecutor, productIds: string[]): Promise<SearchDocument[]> {
  if (productIds.length === 0) return [];
  const rows = await db.execute(documentRowsSql(sql`p.id in ${productIds}`));
  return (rows as unknown as DocumentRow[]).map(toDocument);
}

/** A page of every published product's document in id order, for full rebuilds of engines outside Postgres. */
export async function loadDocumentPage(db: DbExecutor, afterId: string | null, limit: number): Promise<SearchDocument[]> {
  const rows = await db.execute(documentRowsSql(sql`true`, { afterId, limit }));
  return (rows as unknown as DocumentRow[]).map(toDocument);
}
