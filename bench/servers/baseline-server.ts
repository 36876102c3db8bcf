// The baseline: plain node:http answering the same SQL as catalog.productBySlug, through the
// same driver (postgres.js) and pool size, with no framework, validation or serializer.
import { createServer } from "node:http";
import postgres from "postgres";

const [databaseUrl, port] = process.argv.slice(2);
if (!databaseUrl || !port) throw new Error("usage: baseline-server <database-url> <port>");
const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined });

interface ProductRow {
  id: string;
  slug: string;
  title: Record<string, string>;
  description: Record<string, string>;
  brand: string | null;
  category_path: string;
  min_price_amount: string;
  currency: string;
  vendor_id: string;
  vendor_slug: string;
  vendor_name: string;
}

createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const slug = url.searchParams.get("slug") ?? "";
    const locale = (url.searchParams.get("locale") ?? "uz") as "uz" | "ru" | "en";
    const [product] = await sql<ProductRow[]>`
      select p.id, p.slug, p.title, p.description, p.brand, p.category_path, p.min_price_amount, p.currency,
             v.id as vendor_id, v.slug as vendor_slug, v.name as vendor_name
      from products p join vendors v on v.id = p.vendor_id
      where p.slug = ${slug} and p.status = 'published'`;
    if (!product) {
      res.writeHead(404).end();
      return;
    }
    const ancestors = product.category_path.split("/").filter(Boolean);
    const [variants, images, trail] = await Promise.all([
      sql`select pv.id, pv.sku, pv.options, pv.price_amount, pv.compare_at_amount, pv.currency,
                 coalesce(sum(s.on_hand - s.reserved), 0)::int as available
          from product_variants pv left join stock_levels s on s.variant_id = pv.id
          where pv.product_id = ${product.id} group by pv.id order by pv.position`,
      sql`select storage_key, width, height, alt from product_images where product_id = ${product.id} order by position`,
      sql`select id, slug, name, depth from categories where id = any(${ancestors}::uuid[]) order by depth`,
    ]);
    const body = JSON.stringify({
      id: product.id,
      slug: product.slug,
      title: product.title[locale],
      description: product.description[locale],
      brand: product.brand,
      priceAmount: Number(product.min_price_amount),
      currency: product.currency,
      vendor: { id: product.vendor_id, slug: product.vendor_slug, name: product.vendor_name },
      breadcrumbs: trail.map((c) => ({ slug: c.slug as string, title: (c.name as Record<string, string>)[locale] })),
      variants,
      images,
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  })().catch((error: unknown) => res.writeHead(500).end(String(error)));
}).listen(Number(port), () => console.log("listening"));
