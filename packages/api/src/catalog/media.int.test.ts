import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD, seedDatabase } from "@ultramarket/db/seed";
import { createAppRoutes } from "../core/app-server";
import { createContextInner } from "../core/context";
import type { TestHarness } from "../testing";
import { createTestHarness } from "../testing";
import { makeRenditions } from "./media";

let h: TestHarness;
let filesDir: string;
let routes: ReturnType<typeof createAppRoutes>;
let vendorToken: string;
let otherVendorToken: string;
let vendorId: string;
let productId: string;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "um-media-"));
  h = await createTestHarness({ filesDir });
  await seedDatabase(h.database.url, { products: 20, filesDir });
  routes = createAppRoutes(async () => h.runtime, { exposeInternals: false, sessionCookieName: "c" });
  vendorToken = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).token;
  otherVendorToken = (await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD)).token;
  vendorId = ((await h.runtime.sql`select id from vendors where slug = 'toshkent-elektron'`) as unknown as [{ id: string }])[0].id;
  productId = ((await h.runtime.sql`select id from products where vendor_id = ${vendorId} limit 1`) as unknown as [{ id: string }])[0].id;
});
afterAll(async () => {
  await h?.close();
});

async function upload(bytes: Uint8Array, options: { name?: string; token?: string; vendor?: string; declaredLength?: number } = {}) {
  const form = new FormData();
  form.set("vendorId", options.vendor ?? vendorId);
  form.set("productId", productId);
  form.set("file", new File([new Uint8Array(bytes)], options.name ?? "photo.jpg"));
  const headers: Record<string, string> = { cookie: `c=${options.token ?? vendorToken}`, origin: "http://localhost:3001" };
  const request = new Request("http://localhost:3001/api/uploads/product-image", { method: "POST", body: form, headers });
  if (options.declaredLength) {
    const body = await request.arrayBuffer();
    return routes.uploadProductImage(
      new Request(request.url, {
        method: "POST",
        body,
        headers: { ...headers, "content-type": request.headers.get("content-type")!, "content-length": String(options.declaredLength) },
      }),
    );
  }
  return routes.uploadProductImage(request);
}

const storedFiles = () =>
  readdir(path.join(filesDir, "products"), { recursive: true }).then(
    (files) => files.length,
    () => 0,
  );
const imageRows = async () =>
  ((await h.runtime.sql`select count(*)::int as n from product_images where product_id = ${productId}`) as unknown as [{ n: number }])[0].n;

/** A real 1×1 PNG whose header claims width × height: a decompression bomb's calling card. */
async function pngClaiming(width: number, height: number): Promise<Uint8Array> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29); // IHDR type + data
  return png;
}

describe("product image upload hardening", () => {
  it("refuses a PHP file renamed .jpg, an SVG with script, a 30,000 × 30,000 PNG and a 50 MB file, storing nothing", async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await imageRows();

    const php = await upload(new TextEncoder().encode("<?php echo shell_exec($_GET['c']); ?>"), { name: "photo.jpg" });
    expect(php.status).toBe(400);
    expect(((await php.json()) as { error: { fieldErrors: { file: string[] } } }).error.fieldErrors.file[0]).toMatch(/JPEG, PNG, WEBP/);

    const svg = await upload(
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
      { name: "x.png" },
    );
    expect(svg.status).toBe(400);

    const bomb = await upload(await pngClaiming(30_000, 30_000), { name: "bomb.png" });
    expect(bomb.status).toBe(400);
    expect(((await bomb.json()) as { error: { fieldErrors: { file: string[] } } }).error.fieldErrors.file[0]).toMatch(/megapixels/);

    const huge = await upload(new Uint8Array(1024), { declaredLength: 50 * 1024 * 1024 });
    expect(huge.status).toBe(400);
    const hugeReal = await upload(new Uint8Array(16 * 1024 * 1024));
    expect(hugeReal.status).toBe(400);

    expect(await storedFiles()).toBe(filesBefore);
    expect(await imageRows()).toBe(rowsBefore);
  });

  it("refuses another vendor's product as not found", async () => {
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#f00" } })
      .jpeg()
      .toBuffer();
    expect((await upload(jpeg, { token: otherVendorToken })).status).toBe(404);
  });

  it("stores a JPEG as WebP without EXIF, and the job makes the smaller sizes", async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#2563eb" } })
      .jpeg()
      .withExif({ IFD0: { Make: "SpyCam", Model: "GPS-9000", Copyright: "secret" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const response = await upload(jpeg);
    expect(response.status).toBe(200);
    const image = (await response.json()) as { id: string; storageKey: string; width: number; height: number };
    expect(image).toMatchObject({ width: 1600, height: 1200 });
    const stored = await h.runtime.files.read(image.storageKey);
    const meta = await sharp(stored!).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();

    const jobs = (await h.runtime.sql`select data from pgboss.job where name = 'image-renditions'`) as unknown as {
      data: { imageId: string };
    }[];
    expect(jobs.map((j) => j.data.imageId)).toContain(image.id);
    const renditions = await makeRenditions(createContextInner(h.runtime), image.id);
    expect(renditions?.map((r) => [r.width, r.height])).toEqual([
      [160, 120],
      [480, 360],
      [1200, 900],
    ]);
    const [row] = (await h.runtime.sql`select renditions from product_images where id = ${image.id}`) as unknown as [
      { renditions: { width: number }[] },
    ];
    expect(row.renditions).toHaveLength(3);
  });
});

describe("gallery order and alt text", () => {
  it("reorders pictures and sets alt text per language; refuses a list that leaves one out; other vendors get NOT_FOUND", async () => {
    const vendor = (await h.signIn("vendor@ultramarket.uz", DEMO_PASSWORD)).caller;
    const other = (await h.signIn("vendor2@ultramarket.uz", DEMO_PASSWORD)).caller;
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#e11" } })
      .png()
      .toBuffer();
    expect((await upload(picture, { name: "a.png" })).status).toBe(200);
    expect((await upload(picture, { name: "b.png" })).status).toBe(200);
    const before = await vendor.vendorCatalog.images({ vendorId, productId });
    expect(before.length).toBeGreaterThanOrEqual(2);
    const reversed = [...before].reverse().map((image, i) => ({ id: image.id, alt: { uz: `Rasm ${i}`, ru: `Фото ${i}`, en: "" } }));
    const after = await vendor.vendorCatalog.arrangeImages({ vendorId, productId, images: reversed });
    expect(after.map((i) => i.id)).toEqual(reversed.map((i) => i.id));
    expect(after[0]!.alt).toEqual({ uz: "Rasm 0", ru: "Фото 0", en: "" });

    await expect(vendor.vendorCatalog.arrangeImages({ vendorId, productId, images: reversed.slice(1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(other.vendorCatalog.arrangeImages({ vendorId, productId, images: reversed })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherVendorId = ((await h.runtime.sql`select id from vendors where slug = 'samarqand-savdo'`) as unknown as [{ id: string }])[0]
      .id;
    await expect(other.vendorCatalog.deleteImage({ vendorId: otherVendorId, imageId: after[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await vendor.vendorCatalog.deleteImage({ vendorId, imageId: after[0]!.id });
    expect((await vendor.vendorCatalog.images({ vendorId, productId })).map((i) => i.id)).toEqual(after.slice(1).map((i) => i.id));
  });
});
