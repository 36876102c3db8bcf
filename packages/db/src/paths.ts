import { existsSync } from "node:fs";
import path from "node:path";

/** The workspace root (where pnpm-workspace.yaml is), whatever folder a process starts in. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(/* turbopackIgnore: true */ from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/* turbopackIgnore: true */ from);
    dir = parent;
  }
}

export const EMBEDDED_PG_PORT = 54329;
export const EMBEDDED_DATABASE = "ultramarket";
export const dataDir = (root = findRepoRoot()) => path.join(root, ".data");
