import path from "node:path";
import { z } from "zod";

import { logLevel, port, postgresUrl, redisUrl } from "@ultramarket/db/env";
import { EMBEDDED_DATABASE, EMBEDDED_PG_PORT, findRepoRoot } from "@ultramarket/db/paths";
import type { RuntimeConfig } from "./runtime";

/** Variables every server process (storefront, console, worker) understands. See .env.example. */
export const serverEnvSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  MEILI_URL: z.url({ error: "must be a URL" }).optional().describe("a Meilisearch URL, e.g. http://127.0.0.1:7700"),
  MEILI_API_KEY: z.string().min(1).optional().describe("a Meilisearch API key (the master key or one allowed to manage indexes)"),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
    .optional()
    .describe("an SMTP URL, e.g. smtp://user:pass@host:587"),
  MAIL_FROM: z.string().min(3).optional().describe("a From address, e.g. UltraMarket <no-reply@ultramarket.uz>"),
  FILES_DIR: z.string().min(1).optional().describe("a folder for stored files"),
  LOG_LEVEL: logLevel.default("info"),
  APP_ENV: z.enum(["development", "production", "test"]).default("production").describe("development, production or test"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe("a whole number of connections, 1-200"),
  UPLOADTHING_TOKEN: z.string().min(20).optional().describe("an uploadthing API token"),
  AUTH_SECRET: z.string().min(32).optional().describe("at least 32 random characters"),
  PUBLIC_WEB_URL: z.url().default("http://localhost:3000").describe("the storefront's public URL, e.g. https://ultramarket.uz"),
  PUBLIC_ADMIN_URL: z.url().default("http://localhost:3001").describe("the console's public URL"),
  CATALOG_CACHE: z.enum(["on", "off"]).default("on").describe("on or off: cache product and category reads in the key-value store"),
  ORDER_AUTO_CANCEL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(2880)
    .describe("whole minutes, 5-43200: how long a cash-on-delivery order may wait for the vendor's confirmation"),
  KV_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]{1,40}$/)
    .default("um:")
    .describe("a key prefix for the key-value store and rate limits, e.g. um: (lowercase, digits, : _ -)"),
});

/** Rules between variables, checked after each variable is valid on its own. */
export function requireMailSender<T extends { SMTP_URL?: string; MAIL_FROM?: string }>(env: T, ctx: z.RefinementCtx): void {
  if (env.SMTP_URL && !env.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set (real mail needs a real sender)" });
  }
}
export type ServerEnv = z.infer<typeof serverEnvSchema>;
export { port };

export const EMBEDDED_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;

/** Turns validated variables into a runtime config; unset stores fall back to the embedded defaults. */
export function runtimeConfigFromEnv(env: ServerEnv, service: string): RuntimeConfig {
  return {
    service,
    appEnv: env.APP_ENV,
    databaseUrl: env.DATABASE_URL ?? EMBEDDED_DATABASE_URL,
    databaseSource: env.DATABASE_URL ? "external" : "embedded",
    redisUrl: env.REDIS_URL,
    meiliUrl: env.MEILI_URL,
    meiliApiKey: env.MEILI_API_KEY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    filesDir: env.FILES_DIR ?? path.join(findRepoRoot(), ".data", "files"),
    uploadthingToken: env.UPLOADTHING_TOKEN,
    authSecret: env.AUTH_SECRET,
    publicWebUrl: env.PUBLIC_WEB_URL,
    publicAdminUrl: env.PUBLIC_ADMIN_URL,
    logLevel: env.LOG_LEVEL,
    dbPoolSize: env.DB_POOL_SIZE,
    kvPrefix: env.KV_PREFIX,
    catalogCache: env.CATALOG_CACHE === "on",
    orderAutoCancelMinutes: env.ORDER_AUTO_CANCEL_MINUTES,
  };
}
