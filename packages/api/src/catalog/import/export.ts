import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import type { VendorContext } from "../../core/context";
import { NotFound } from "../../core/errors";
import { ATTRIBUTE_PREFIX, BASE_COLUMNS, formatMoney } from "./csv-format";

const { categories, products, productVariants, stockLevels, warehouses } = schema;
const PAGE = 500;

/**
 * The vendor's catalog as CSV rows in the import format (header first), one row per
 * variant, with the stock of one warehouse (the first one unless asked): importing the
 * file back changes nothing. Products without a reference get their id as one, so the
 * round trip keeps them together. Reads in pages, so a large catalog streams.
 */
export async function* exportCatalog(ctx: VendorContext, input: { warehouseId?: string }): AsyncGenerator<string[]> {
  const vendorWarehouses = await ctx.db
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.vendorId, ctx.vendorId))
    .orderBy(asc(warehouses.createdAt));
  const warehouse = input.warehouseId ? vendorWarehouses.find((w) => w.id === input.warehouseId) : vendorWarehouses[0];
  if (input.warehouseId && !warehouse) throw new NotFound("Warehouse not found");

  const keys = (await ctx.db.execute(
    sql`select distinct jsonb_object_keys(${products.attributes}) as key from ${products} where ${products.vendorId} = ${ctx.vendorId} order by 1`,
  )) as unknown as { key: string }[];
  const attributeKeys = Array.from(keys, (k) => k.key);
  yield [...BASE_COLUMNS, ...attributeKeys.map((k) => `${ATTRIBUTE_PREFIX}${k}`)];

  let after: string | null = null;
  for (;;) {
    const page = await ctx.db
      .select({ product: products, categorySlug: categories.slug })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.vendorId, ctx.vendorId), sql`${products.status} <> 'archived'`, after ? gt(products.id, after) : undefined))
      .orderBy(asc(products.id))
      .limit(PAGE);
    if (!page.length) return;
    const ids = page.map((p) => p.product.id);
    const variants = await ctx.db
      .select({ variant: productVariants, onHand: stockLevels.onHand })
      .from(productVariants)
      .leftJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.warehouseId, warehouse?.id ?? sql`null`)))
      .where(inArray(productVariants.productId, ids))
      .orderBy(asc(productVariants.productId), asc(productVariants.position));
    for (const { product: p, categorySlug } of page) {
      const optionKeys = p.options.map((o) => o.key);
      for (const { variant: v, onHand } of variants.filter((row) => row.variant.productId === p.id)) {
        const options = [1, 2, 3].flatMap((n) => {
          const key = optionKeys[n - 1];
          return key ? [key, v.options[key] ?? ""] : ["", ""];
        });
        yield [
          p.externalRef ?? p.id,
          categorySlug,
          p.title.uz,
          p.title.ru,
          p.title.en,
          p.description.uz,
          p.description.ru,
          p.description.en,
          p.brand ?? "",
          p.tags.join("|"),
          p.ikpuCode ?? "",
          ...options,
          v.sku,
          v.barcode ?? "",
          formatMoney(v.priceAmount),
          v.compareAtAmount === null ? "" : formatMoney(v.compareAtAmount),
          v.weightGrams === null ? "" : String(v.weightGrams),
          warehouse && onHand !== null ? warehouse.name : "",
          onHand === null ? "" : String(onHand),
          ...attributeKeys.map((k) => (p.attributes[k] === undefined ? "" : String(p.attributes[k]))),
        ];
      }
    }
    after = page.at(-1)!.product.id;
  }
}
