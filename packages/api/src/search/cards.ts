import { sql } from "drizzle-orm";

import type { Locale, schema } from "@ultramarket/db";
import type { Context } from "../core/context";
import { preparedRows } from "../core/prepared";
import type { ProductCard } from "../catalog/service";
import { toCard } from "../catalog/service";

export interface SearchCard {
  card: ProductCard;
  rating: number | null;
  ratingCount: number;
  maxPriceAmount: number;
}

interface CardRecord {
  id: string;
  slug: string;
  title: schema.LocalizedText;
  brand: string | null;
  min_price_amount: string | number;
  currency: string;
  rating_average: number | null;
  rating_count: number;
  max_price_amount: string | number | null;
  image_key: string | null;
  image_width: number | null;
  image_height: number | null;
  image_alt: schema.LocalizedText | null;
  in_stock: boolean;
}

/**
 * Cards for search results and suggestions, in the order of `productIds`, read live from the catalog in one prepared
 * statement (the index may lag by a moment: a product unpublished since is left out, never shown). Search asks for
 * this on every request, so it is one round trip that PostgreSQL plans once per connection.
 */
export async function searchCards(ctx: Pick<Context, "db">, productIds: string[], locale: Locale): Promise<SearchCard[]> {
  if (productIds.length === 0) return [];
  const rows = await preparedRows<CardRecord>(
    ctx.db,
    sql`
    select p.id, p.slug, p.title, p.brand, p.min_price_amount, p.currency, p.rating_average, p.rating_count,
           (select max(v.price_amount) from product_variants v where v.product_id = p.id) as max_price_amount,
           i.storage_key as image_key, i.width as image_width, i.height as image_height, i.alt as image_alt,
           exists (select 1 from product_variants v join stock_levels s on s.variant_id = v.id
                    where v.product_id = p.id and s.on_hand > s.reserved) as in_stock
      from products p
      left join lateral (select storage_key, width, height, alt from product_images pi
                          where pi.product_id = p.id order by pi.position limit 1) i on true
     where p.id = any(${`{${productIds.join(",")}}`}::uuid[]) and p.status = 'published'`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return productIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const card = toCard(
      {
        id: row.id,
        slug: row.slug,
        title: row.title,
        brand: row.brand,
        minPriceAmount: Number(row.min_price_amount),
        currency: row.currency,
      },
      row.image_key ? { key: row.image_key, width: row.image_width!, height: row.image_height!, alt: row.image_alt } : null,
      row.in_stock,
      locale,
    );
    return [
      {
        card,
        rating: row.rating_average === null ? null : Number(row.rating_average),
        ratingCount: row.rating_count,
        maxPriceAmount: Number(row.max_price_amount ?? 0),
      },
    ];
  });
}
