import { sql } from "drizzle-orm";

import type { Context } from "../core/context";

/** How far back popular queries are counted, and how often one must have been searched to be offered. */
const POPULAR_QUERY_DAYS = 30;
const POPULAR_QUERY_MIN = 2;

/**
 * Rebuilds what the search box offers besides products: categories (weighted by their published products), brands
 * (by product count) and queries shoppers ran that found something. One transaction, so the box never sees it empty.
 */
export async function refreshSuggestions(ctx: Pick<Context, "db">): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_suggestions`);
    await tx.execute(sql`
      insert into search_suggestions (kind, key, label, target, weight)
      select distinct on (key) 'category', key, c.name, c.slug, coalesce(n.count, 0)
        from categories c
        cross join lateral (select search_fold(concat_ws(' ', c.name->>'uz', c.name->>'ru', c.name->>'en')) as key) k
        left join lateral (select count(*) as count from product_listings l where l.category_id = c.id) n on true
       where c.archived_at is null and not exists (
               select 1 from categories a where a.archived_at is not null and c.path like a.path || '%')
         and key <> ''
       order by key, n.count desc nulls last`);
    await tx.execute(sql`
      insert into search_suggestions (kind, key, label, target, weight)
      select distinct on (key) 'brand', key, jsonb_build_object('uz', brand, 'ru', brand, 'en', brand), brand, count
        from (select brand, search_fold(brand) as key, count(*) as count from products
               where status = 'published' and brand is not null group by brand) b
       where key <> ''
       order by key, count desc`);
    await tx.execute(sql`
      insert into search_suggestions (kind, key, label, target, weight)
      select 'query', folded_text, jsonb_build_object('uz', text, 'ru', text, 'en', text), text, searches
        from (select folded_text, mode() within group (order by text) as text, count(*) as searches
                from search_queries
               where created_at > now() - make_interval(days => ${POPULAR_QUERY_DAYS})
                 and result_count > 0 and folded_text <> '' and corrected_text is null
               group by folded_text having count(*) >= ${POPULAR_QUERY_MIN}) q
      on conflict do nothing`);
  });
}
