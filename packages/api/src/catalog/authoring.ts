import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";

import type { ProductStatus } from "@ultramarket/db";
import { LOCALES, schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import { pageByLastId } from "../core/cursor";
import type { Context, VendorContext } from "../core/context";
import { withTransaction } from "../core/context";
import type { FieldErrors } from "../core/errors";
import { Conflict, NotFound, ValidationFailed } from "../core/errors";
import { containsPattern } from "../core/like";
import { slugify } from "../core/slug";
import type {
  createProductInput,
  listVendorProductsInput,
  setSlugInput,
  updateProductInput,
  updateVariantInput,
  variantInput,
  warehouseInput,
} from "./authoring-schema";
import { checkAttributes } from "./attributes";
import { catalogChanged } from "./cache";
import { assertTransition } from "./moderation";
import { sanitizeDescriptions } from "./rich-text";

const { products, productVariants, productSlugs, categories, stockLevels, vendors, warehouses } = schema;

/** The vendor's own product, or NOT_FOUND: another vendor's id reveals nothing. */
async function ownProduct(ctx: VendorContext, productId: string) {
  const [product] = await ctx.db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.vendorId, ctx.vendorId)));
  if (!product) throw new NotFound("Product not found");
  return product;
}

async function liveCategory(ctx: Pick<Context, "db">, categoryId: string) {
  const [category] = await ctx.db.select().from(categories).where(eq(categories.id, categoryId));
  if (!category || category.archivedAt)
    throw new ValidationFailed("Choose a category", { categoryId: ["This category does not exist or is archived"] });
  return category;
}

/** Variants must use exactly the product's options, each combination once, each SKU once. */
function checkVariants(options: { key: string; values: string[] }[], variants: z.infer<typeof variantInput>[]): FieldErrors {
  const errors: FieldErrors = {};
  const combos = new Set<string>();
  const skus = new Set<string>();
  variants.forEach((variant, index) => {
    const keys = Object.keys(variant.options).sort();
    const expected = options.map((o) => o.key).sort();
    if (keys.join() !== expected.join())
      errors[`variants.${index}.options`] = [`Give a value for each option: ${expected.join(", ") || "none"}`];
    for (const option of options) {
      const value = variant.options[option.key];
      if (value !== undefined && !option.values.includes(value))
        errors[`variants.${index}.options.${option.key}`] = [`"${value}" is not one of this option's values`];
    }
    const combo = expected.map((k) => variant.options[k]).join("\u0000");
    if (combos.has(combo)) errors[`variants.${index}.options`] = ["Another variant has the same options"];
    combos.add(combo);
    const sku = variant.sku.toUpperCase();
    if (skus.has(sku)) errors[`variants.${index}.sku`] = ["This SKU is used twice"];
    skus.add(sku);
    if (variant.compareAtAmount !== undefined && variant.compareAtAmount <= variant.priceAmount) {
      errors[`variants.${index}.compareAtAmount`] = ["The old price must be higher than the price"];
    }
  });
  return errors;
}

/** A slug not used by any product in any language, derived from the title. */
export async function freeSlug(ctx: Pick<Context, "db">, base: string): Promise<string> {
  const root = base || "product";
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = attempt === 0 ? root : `${root}-${Math.random().toString(36).slice(2, 7)}`;
    const [{ taken }] = (await ctx.db.execute(
      sql`select exists (select 1 from ${productSlugs} where ${productSlugs.slug} = ${candidate})
              or exists (select 1 from ${products} where ${products.slug} = ${candidate}) as taken`,
    )) as unknown as [{ taken: boolean }];
    if (!taken) return candidate;
  }
  throw new Conflict("Could not find a free URL for this product; change the title");
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause =
    (error as { cause?: { code?: string; constraint_name?: string } }).cause ?? (error as { code?: string; constraint_name?: string });
  return cause?.code === "23505" && (cause.constraint_name ?? "").includes(constraint);
}

export async function createProduct(ctx: VendorContext, input: z.infer<typeof createProductInput>) {
  const category = await liveCategory(ctx, input.categoryId);
  const errors = { ...checkAttributes(category.attributes, input.attributes), ...checkVariants(input.options, input.variants) };
  if (Object.keys(errors).length) throw new ValidationFailed("Check the highlighted fields", errors);
  try {
    return await withTransaction(ctx, async (tx) => {
      const slug = await freeSlug(tx, slugify(input.title.uz));
      const [product] = await tx.db
        .insert(products)
        .values({
          vendorId: ctx.vendorId,
          categoryId: category.id,
          categoryPath: category.path,
          slug,
          status: "draft",
          title: input.title,
          description: sanitizeDescriptions(input.description),
          brand: input.brand ?? null,
          tags: input.tags,
          attributes: input.attributes,
          options: input.options.map((o) => ({ key: o.key, name: o.name, values: o.values })),
          ikpuCode: input.ikpuCode ?? null,
          seo: input.seo,
          minPriceAmount: Math.min(...input.variants.map((v) => v.priceAmount)),
        })
        .returning();
      const slugRows = [{ slug, productId: product!.id, locale: "uz" }];
      for (const locale of LOCALES.filter((l) => l !== "uz")) {
        const title = input.title[locale];
        if (title) slugRows.push({ slug: await freeSlug(tx, slugify(title)), productId: product!.id, locale });
      }
      await tx.db.insert(productSlugs).values(slugRows);
      await tx.db.insert(productVariants).values(
        input.variants.map((variant, position) => ({
          productId: product!.id,
          vendorId: ctx.vendorId,
          sku: variant.sku,
          barcode: variant.barcode ?? null,
          options: variant.options,
          position,
          priceAmount: variant.priceAmount,
          compareAtAmount: variant.compareAtAmount ?? null,
          weightGrams: variant.weightGrams ?? null,
          dimensions: variant.dimensions ?? null,
        })),
      );
      return product!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "sku")) {
      const taken = await ctx.db
        .select({ sku: productVariants.sku })
        .from(productVariants)
        .where(
          and(
            eq(productVariants.vendorId, ctx.vendorId),
            inArray(
              productVariants.sku,
              input.variants.map((v) => v.sku),
            ),
          ),
        );
      const fields: FieldErrors = {};
      input.variants.forEach((v, i) => {
        if (taken.some((t) => t.sku === v.sku)) fields[`variants.${i}.sku`] = ["You already have a product with this SKU"];
      });
      throw new Conflict("SKU already in use", fields);
    }
    throw error;
  }
}

const MATERIAL_FIELDS = ["categoryId", "title", "description", "attributes"] as const;

/** Edits a product; a material edit of a published product sends it back to review. */
export async function updateProduct(ctx: VendorContext, input: z.infer<typeof updateProductInput>) {
  const product = await ownProduct(ctx, input.productId);
  const category = input.categoryId ? await liveCategory(ctx, input.categoryId) : null;
  if (input.attributes || category) {
    const definitions = category?.attributes ?? (await liveCategory(ctx, product.categoryId)).attributes;
    const errors = checkAttributes(definitions, input.attributes ?? product.attributes);
    if (Object.keys(errors).length) throw new ValidationFailed("Check the highlighted fields", errors);
  }
  const material = MATERIAL_FIELDS.some((field) => input[field] !== undefined);
  return withTransaction(ctx, async (tx) => {
    // The status is decided from the locked row: a moderator's decision committed meanwhile is never overwritten.
    const [current] = await tx.db.select({ status: products.status }).from(products).where(eq(products.id, product.id)).for("update");
    if (!current) throw new NotFound("Product not found");
    const status: ProductStatus = material && current.status === "published" ? "pending_review" : current.status;
    const [updated] = await tx.db
      .update(products)
      .set({
        categoryId: category?.id,
        categoryPath: category?.path,
        title: input.title,
        description: input.description && sanitizeDescriptions(input.description),
        brand: input.brand,
        tags: input.tags,
        ikpuCode: input.ikpuCode,
        attributes: input.attributes,
        seo: input.seo,
        status,
      })
      .where(and(eq(products.id, product.id), eq(products.vendorId, ctx.vendorId)))
      .returning();
    if (status !== current.status) await recordAudit(tx, { action: "product.resubmitted", targetType: "product", targetId: product.id });
    await catalogChanged(tx, { productIds: [product.id], listings: current.status === "published" });
    return updated!;
  });
}

export async function updateVariant(ctx: VendorContext, input: z.infer<typeof updateVariantInput>) {
  return withTransaction(ctx, async (tx) => {
    const [variant] = await tx.db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.id, input.variantId), eq(productVariants.vendorId, ctx.vendorId)));
    if (!variant) throw new NotFound("Variant not found");
    const price = input.priceAmount ?? variant.priceAmount;
    const compareAt = input.compareAtAmount === undefined ? variant.compareAtAmount : input.compareAtAmount;
    if (compareAt !== null && compareAt <= price)
      throw new ValidationFailed("Check the prices", { compareAtAmount: ["The old price must be higher than the price"] });
    const [updated] = await tx.db
      .update(productVariants)
      .set({
        priceAmount: input.priceAmount,
        compareAtAmount: input.compareAtAmount,
        barcode: input.barcode,
        weightGrams: input.weightGrams,
      })
      .where(eq(productVariants.id, variant.id))
      .returning();
    await tx.db
      .update(products)
      .set({
        minPriceAmount: sql`(select min(${productVariants.priceAmount}) from ${productVariants} where ${productVariants.productId} = ${variant.productId})`,
      })
      .where(eq(products.id, variant.productId));
    await catalogChanged(tx, { productIds: [variant.productId], listings: true });
    return updated!;
  });
}

export async function getVendorProduct(ctx: VendorContext, input: { productId: string }) {
  const product = await ownProduct(ctx, input.productId);
  const [variants, slugs] = await Promise.all([
    ctx.db.select().from(productVariants).where(eq(productVariants.productId, product.id)).orderBy(asc(productVariants.position)),
    ctx.db.select().from(productSlugs).where(eq(productSlugs.productId, product.id)),
  ]);
  return { ...product, variants, slugs };
}

export async function listVendorProducts(ctx: VendorContext, input: z.infer<typeof listVendorProductsInput>) {
  return listProductsFor(ctx, { ...input, vendorId: ctx.vendorId });
}

/** Available units of a product: on hand less reserved, over all its variants and warehouses. */
const availableUnits = sql<number>`(select coalesce(sum(${stockLevels.onHand} - ${stockLevels.reserved}), 0)::int
  from ${productVariants} join ${stockLevels} on ${stockLevels.variantId} = ${productVariants.id}
  where ${productVariants.productId} = ${products.id})`;

/**
 * The console's product list: newest first, filtered by vendor, status, category, stock,
 * and a search over titles and SKUs. Vendors see their own; staff see every vendor's.
 */
export async function listProductsFor(
  ctx: Pick<Context, "db">,
  input: Omit<z.infer<typeof listVendorProductsInput>, "vendorId"> & { vendorId?: string },
) {
  const search = input.search ? containsPattern(input.search) : null;
  const rows = await ctx.db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      status: products.status,
      minPriceAmount: products.minPriceAmount,
      updatedAt: products.updatedAt,
      vendor: { id: vendors.id, name: vendors.name, slug: vendors.slug },
      available: availableUnits,
    })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(
      and(
        input.vendorId ? eq(products.vendorId, input.vendorId) : undefined,
        input.status ? eq(products.status, input.status) : undefined,
        input.categoryId ? eq(products.categoryId, input.categoryId) : undefined,
        input.stock === "in_stock" ? sql`${availableUnits} > 0` : input.stock === "out_of_stock" ? sql`${availableUnits} = 0` : undefined,
        search
          ? or(
              ilike(sql`${products.title} ->> 'uz'`, search),
              ilike(sql`${products.title} ->> 'ru'`, search),
              sql`exists (select 1 from ${productVariants} where ${productVariants.productId} = ${products.id} and ${productVariants.sku} ilike ${search})`,
            )
          : undefined,
        input.cursor ? lt(products.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(products.id))
    .limit(input.limit + 1);
  return pageByLastId(rows, input.limit);
}

async function moveStatus(
  ctx: VendorContext,
  productId: string,
  to: ProductStatus,
  action: "product.submitted" | "product.withdrawn" | "product.archived",
) {
  const product = await ownProduct(ctx, productId);
  assertTransition(product.status, to, "vendor");
  return withTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(products)
      .set({ status: to })
      .where(and(eq(products.id, product.id), eq(products.status, product.status)))
      .returning();
    if (!updated) throw new Conflict("The product changed meanwhile; reload and try again");
    await recordAudit(tx, { action, targetType: "product", targetId: product.id, metadata: { from: product.status, to } });
    await catalogChanged(tx, { productIds: [product.id], listings: product.status === "published" });
    return updated;
  });
}

export const submitForReview = (ctx: VendorContext, input: { productId: string }) =>
  moveStatus(ctx, input.productId, "pending_review", "product.submitted");
export const withdrawFromReview = (ctx: VendorContext, input: { productId: string }) =>
  moveStatus(ctx, input.productId, "draft", "product.withdrawn");
export const archiveProduct = (ctx: VendorContext, input: { productId: string }) =>
  moveStatus(ctx, input.productId, "archived", "product.archived");

/** Gives the product a new slug in one language; the old one stays as a redirect. */
export async function setSlug(ctx: VendorContext, input: z.infer<typeof setSlugInput>) {
  const product = await ownProduct(ctx, input.productId);
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(productSlugs).where(eq(productSlugs.slug, input.slug));
    if (existing && existing.productId !== product.id) throw new Conflict("This URL is taken", { slug: ["Another product uses this URL"] });
    await tx.db
      .update(productSlugs)
      .set({ isCurrent: false })
      .where(and(eq(productSlugs.productId, product.id), eq(productSlugs.locale, input.locale)));
    if (input.locale === "uz" && product.slug !== input.slug) {
      const [old] = await tx.db.select().from(productSlugs).where(eq(productSlugs.slug, product.slug));
      if (!old) await tx.db.insert(productSlugs).values({ slug: product.slug, productId: product.id, locale: "uz", isCurrent: false });
      await tx.db.update(products).set({ slug: input.slug }).where(eq(products.id, product.id));
    }
    await tx.db
      .insert(productSlugs)
      .values({ slug: input.slug, productId: product.id, locale: input.locale, isCurrent: true })
      .onConflictDoUpdate({ target: productSlugs.slug, set: { isCurrent: true } });
    await catalogChanged(tx, { productIds: [product.id], listings: product.status === "published" });
    return { slug: input.slug };
  });
}

/** The attribute definitions products in a category fill (the product editor's attribute fields). */
export async function categoryAttributes(ctx: VendorContext, input: { categoryId: string }) {
  const category = await liveCategory(ctx, input.categoryId);
  return category.attributes;
}

export async function listWarehouses(ctx: VendorContext) {
  return ctx.db.select().from(warehouses).where(eq(warehouses.vendorId, ctx.vendorId)).orderBy(asc(warehouses.createdAt));
}

export async function createWarehouse(ctx: VendorContext, input: z.infer<typeof warehouseInput>) {
  const [warehouse] = await ctx.db
    .insert(warehouses)
    .values({ vendorId: ctx.vendorId, name: input.name, region: input.region, address: input.address })
    .returning();
  return warehouse!;
}

export async function updateWarehouse(ctx: VendorContext, input: z.infer<typeof warehouseInput> & { warehouseId: string }) {
  const [warehouse] = await ctx.db
    .update(warehouses)
    .set({ name: input.name, region: input.region, address: input.address })
    .where(and(eq(warehouses.id, input.warehouseId), eq(warehouses.vendorId, ctx.vendorId)))
    .returning();
  if (!warehouse) throw new NotFound("Warehouse not found");
  return warehouse;
}
