import { and, asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";

import { schema } from "@ultramarket/db";
import type { Context, VendorContext } from "../core/context";
import { withTransaction } from "../core/context";
import { NotFound, ValidationFailed } from "../core/errors";
import { inspectUpload } from "../files/storage";
import { imageRenditionsJob } from "../jobs/definitions/image-renditions";
import { catalogChanged } from "./cache";

const { products, productImages, productVariants } = schema;

export const IMAGE_MAX_BYTES = 15 * 1024 * 1024;
/** 40 megapixels: a decompression bomb (e.g. 30,000 × 30,000) is refused from its header, before decoding. */
export const IMAGE_MAX_PIXELS = 40_000_000;
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const RENDITION_WIDTHS = [160, 480, 1200] as const;

/**
 * Stores a product picture: type checked by content, size and pixel count bounded before
 * decoding, re-encoded to WebP (which drops EXIF, GPS included, after applying its
 * orientation). The row and the job that makes the smaller sizes commit together.
 */
export async function uploadProductImage(ctx: VendorContext, input: { productId: string; variantId?: string; bytes: Uint8Array }) {
  const [product] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.vendorId, ctx.vendorId)));
  if (!product) throw new NotFound("Product not found");
  if (input.variantId) {
    const [variant] = await ctx.db
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.id, input.variantId), eq(productVariants.productId, product.id)));
    if (!variant) throw new NotFound("Variant not found");
  }
  await inspectUpload(input.bytes, { allowed: IMAGE_TYPES, maxBytes: IMAGE_MAX_BYTES, field: "file" });
  // Header only (no decode), without sharp's own pixel cap, so an oversized picture gets our clear message.
  const meta = await sharp(input.bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) throw new ValidationFailed("Unreadable image", { file: ["The picture could not be read"] });
  if (meta.width * meta.height > IMAGE_MAX_PIXELS) {
    throw new ValidationFailed("Image too large", { file: [`The picture has more than ${IMAGE_MAX_PIXELS / 1_000_000} megapixels`] });
  }
  const { data, info } = await sharp(input.bytes, { limitInputPixels: IMAGE_MAX_PIXELS })
    .rotate()
    .webp({ quality: 85 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new ValidationFailed("Unreadable image", { file: ["The picture could not be read"] });
    });
  const stored = await ctx.files.put({
    folder: `products/${product.id}`,
    bytes: data,
    contentType: "image/webp",
    extension: "webp",
    visibility: "public",
  });
  return withTransaction(ctx, async (tx) => {
    const [{ next }] = (await tx.db
      .select({ next: sql<number>`coalesce(max(${productImages.position}) + 1, 0)::int` })
      .from(productImages)
      .where(eq(productImages.productId, product.id))) as [{ next: number }];
    const [image] = await tx.db
      .insert(productImages)
      .values({
        productId: product.id,
        variantId: input.variantId ?? null,
        position: next,
        storageKey: stored.storageKey,
        width: info.width,
        height: info.height,
      })
      .returning();
    await tx.jobs.enqueue(tx.db, imageRenditionsJob, { imageId: image!.id });
    await catalogChanged(tx, { productIds: [product.id], listings: true });
    return image!;
  });
}

/** Makes the WebP sizes of one image and records them; safe to run twice. */
export async function makeRenditions(ctx: Context, imageId: string) {
  const [image] = await ctx.db.select().from(productImages).where(eq(productImages.id, imageId));
  if (!image) return null; // deleted meanwhile: nothing to do
  const original = await ctx.files.read(image.storageKey);
  if (!original) throw new Error(`image ${imageId}: original file is missing`);
  const renditions: { width: number; height: number; storageKey: string }[] = [];
  for (const width of RENDITION_WIDTHS) {
    if (width >= image.width) break;
    const { data, info } = await sharp(original).resize({ width }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const stored = await ctx.files.put({
      folder: `products/${image.productId}`,
      bytes: data,
      contentType: "image/webp",
      extension: "webp",
      visibility: "public",
    });
    renditions.push({ width: info.width, height: info.height, storageKey: stored.storageKey });
  }
  await withTransaction(ctx, async (tx) => {
    await tx.db.update(productImages).set({ renditions }).where(eq(productImages.id, image.id));
    await catalogChanged(tx, { productIds: [image.productId] });
  });
  return renditions;
}

export async function listProductImages(ctx: VendorContext, input: { productId: string }) {
  return ctx.db
    .select()
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(and(eq(productImages.productId, input.productId), eq(products.vendorId, ctx.vendorId)))
    .orderBy(asc(productImages.position))
    .then((rows) => rows.map((r) => r.product_images));
}

/**
 * Sets the gallery's order and each picture's alt text in one go: `images` lists every
 * picture of the product, first to last. A list that leaves one out or names another
 * product's picture is refused, so two editors cannot silently drop each other's uploads.
 */
export async function arrangeImages(
  ctx: VendorContext,
  input: { productId: string; images: { id: string; alt: { uz: string; ru: string; en: string } }[] },
) {
  return withTransaction(ctx, async (tx) => {
    const [product] = await tx.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.vendorId, ctx.vendorId)))
      .for("update");
    if (!product) throw new NotFound("Product not found");
    const current = await tx.db.select({ id: productImages.id }).from(productImages).where(eq(productImages.productId, product.id));
    const given = input.images.map((i) => i.id);
    if (given.length !== current.length || new Set(given).size !== given.length || !current.every((c) => given.includes(c.id))) {
      throw new ValidationFailed("The gallery changed", { images: ["Pictures were added or removed meanwhile; reload and try again"] });
    }
    for (const [position, image] of input.images.entries()) {
      await tx.db.update(productImages).set({ position, alt: image.alt }).where(eq(productImages.id, image.id));
    }
    await catalogChanged(tx, { productIds: [product.id], listings: true });
    return tx.db.select().from(productImages).where(eq(productImages.productId, product.id)).orderBy(asc(productImages.position));
  });
}

/** Removes a picture from the gallery. The stored files stay (pages cached elsewhere may still name them). */
export async function deleteImage(ctx: VendorContext, input: { imageId: string }) {
  const [image] = await ctx.db
    .select({ id: productImages.id, productId: productImages.productId })
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(and(eq(productImages.id, input.imageId), eq(products.vendorId, ctx.vendorId)));
  if (!image) throw new NotFound("Image not found");
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(productImages).where(eq(productImages.id, image.id));
    await catalogChanged(tx, { productIds: [image.productId], listings: true });
  });
  return { deleted: true };
}
