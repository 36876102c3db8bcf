import { readFile, stat } from "node:fs/promises";
import path from "node:path";

import { handleTrpcRequest } from "./http";
import { renderMetrics } from "./metrics";
import type { Runtime, RuntimeConfig } from "./runtime";
import { checkReadiness, createRuntime } from "./runtime";

const KEY = Symbol.for("ultramarket.runtime");

/**
 * The process's one Runtime, created on first use. Kept on globalThis because Next.js
 * may load this module once per route bundle (and again on every dev reload), and each
 * copy must share one pool of connections.
 */
export function sharedRuntime(config: () => RuntimeConfig): Promise<Runtime> {
  const holder = globalThis as unknown as { [KEY]?: Promise<Runtime> };
  holder[KEY] ??= createRuntime(config());
  return holder[KEY];
}

const CONTENT_TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".pdf": "application/pdf",
};

/**
 * Route handlers every Next.js app mounts: the tRPC endpoint, liveness, readiness,
 * Prometheus metrics and local-disk files.
 */
export function createAppRoutes(getRuntime: () => Promise<Runtime>, options: { exposeInternals: boolean }) {
  return {
    async trpc(request: Request): Promise<Response> {
      return handleTrpcRequest(await getRuntime(), request, { endpoint: "/api/trpc", exposeInternals: options.exposeInternals });
    },
    /** Liveness: the process answers. Never touches a store, so a slow database cannot get it killed. */
    health(): Response {
      return Response.json({ status: "ok" });
    },
    async ready(): Promise<Response> {
      const readiness = await checkReadiness(await getRuntime());
      return Response.json(readiness, { status: readiness.ok ? 200 : 503 });
    },
    metrics: renderMetrics,
    async file(segments: string[]): Promise<Response> {
      const runtime = await getRuntime();
      const root = path.resolve(/* turbopackIgnore: true */ runtime.config.filesDir);
      const target = path.resolve(/* turbopackIgnore: true */ root, ...segments);
      const type = CONTENT_TYPES[path.extname(target).toLowerCase()];
      if (!target.startsWith(root + path.sep) || !type) return new Response("Not found", { status: 404 });
      try {
        const info = await stat(target);
        if (!info.isFile()) return new Response("Not found", { status: 404 });
        return new Response(new Uint8Array(await readFile(target)), {
          headers: {
            "content-type": type,
            "content-length": String(info.size),
            // Stored files never change under a key (a new upload gets a new key).
            "cache-control": "public, max-age=31536000, immutable",
            "x-content-type-options": "nosniff",
          },
        });
      } catch {
        return new Response("Not found", { status: 404 });
      }
    },
  };
}
