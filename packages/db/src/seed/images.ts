import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export const SEED_IMAGE_SIZE = 800;
const PER_CATEGORY = 3;

function artwork(hue: number, variant: number): string {
  const size = SEED_IMAGE_SIZE;
  const shapes = [
    `<circle cx="400" cy="420" r="220" fill="hsl(${hue},70%,45%)"/><circle cx="400" cy="420" r="120" fill="hsl(${hue},70%,85%)"/>`,
    `<rect x="190" y="170" width="420" height="500" rx="48" fill="hsl(${hue},65%,40%)"/><rect x="240" y="230" width="320" height="300" rx="16" fill="hsl(${hue},60%,88%)"/>`,
    `<polygon points="400,150 650,640 150,640" fill="hsl(${hue},70%,50%)"/><circle cx="400" cy="480" r="90" fill="hsl(${hue},70%,90%)"/>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},45%,96%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,86%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>${shapes[variant % shapes.length]}</svg>`;
}

/**
 * Draws a small, licence-free pool of product pictures locally with sharp (no downloads),
 * a few per leaf category; products reuse them, so 1M products need no more files.
 * Returns storage keys per category slug.
 */
export async function ensureSeedImages(filesDir: string, leafSlugs: string[]): Promise<Map<string, string[]>> {
  const folder = path.join(filesDir, "seed");
  await mkdir(folder, { recursive: true });
  const keys = new Map<string, string[]>();
  await Promise.all(
    leafSlugs.map(async (slug, index) => {
      const hue = Math.round((index * 360) / leafSlugs.length);
      const list: string[] = [];
      for (let i = 0; i < PER_CATEGORY; i++) {
        const key = `seed/${slug}-${i}.webp`;
        const file = path.join(filesDir, key);
        if (!existsSync(file)) {
          const image = await sharp(Buffer.from(artwork(hue, i)))
            .webp({ quality: 80 })
            .toBuffer();
          await writeFile(file, image);
        }
        list.push(key);
      }
      keys.set(slug, list);
    }),
  );
  return keys;
}
