import { createDb } from "@ultramarket/db";
import type { Database, SqlClient } from "@ultramarket/db";

import type { RateLimiters } from "../auth/rate-limit";
import { createRateLimiters } from "../auth/rate-limit";
import type { FileStorage } from "../files/storage";
import { createFileStorage } from "../files/storage";
import type { JobDefinition } from "../jobs/define";
import { generateToken } from "./crypto";
import type { JobQueue } from "../jobs/queue";
import { startJobQueue } from "../jobs/queue";
import { JOB_DEFINITIONS } from "../jobs/registry";
import type { Mailer } from "../notifications/mailer";
import { SearchLogWriter } from "../search/analytics/log";
import type { SearchEngine } from "../search/engine";
import { createSearchEngine } from "../search/engines";
import { createMailer } from "../notifications/mailer";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import type { KeyValueStore } from "./kv";
import { createKeyValueStore } from "./kv";
import type { Logger } from "./logger";
import { createLogger } from "./logger";

export interface RuntimeConfig {
  service: string;
  appEnv: "development" | "production" | "test";
  databaseUrl: string;
  /** Whether DATABASE_URL pointed at a server or the run command started the embedded one. */
  databaseSource: "external" | "embedded";
  redisUrl?: string;
  meiliUrl?: string;
  meiliApiKey?: string;
  smtpUrl?: string;
  mailFrom?: string;
  filesDir: string;
  uploadthingToken?: string;
  /** Where links in mail point. */
  publicWebUrl: string;
  publicAdminUrl: string;
  /** Signs access tokens. When unset, one random secret is created and shared through the KV store. */
  authSecret?: string;
  rateLimits?: Parameters<typeof createRateLimiters>[0]["limits"];
  logLevel?: string;
  kvPrefix?: string;
  /** Cache catalog reads in the KV store (default on; tests turn it on where they test it). */
  catalogCache?: boolean;
  /** Minutes after which a cash-on-delivery vendor order nobody confirmed is cancelled (default 2880 = 48 h). */
  orderAutoCancelMinutes?: number;
  dbPoolSize?: number;
  jobs?: { supervise: boolean; maintenanceIntervalSeconds?: number; extraDefinitions?: JobDefinition[] };
  clock?: Clock;
  logger?: Logger;
}

/** The long-lived connections one process holds; a request's Context is cut from it. */
export interface Runtime {
  config: RuntimeConfig;
  db: Database;
  sql: SqlClient;
  kv: KeyValueStore;
  jobs: JobQueue;
  mailer: Mailer;
  limiters: RateLimiters;
  files: FileStorage;
  search: SearchEngine;
  searchLog: SearchLogWriter;
  authSecret: Uint8Array;
  logger: Logger;
  clock: Clock;
  stores: Record<string, string>;
  close(): Promise<void>;
}

export async function createRuntime(config: RuntimeConfig): Promise<Runtime> {
  const logger = config.logger ?? createLogger({ service: config.service, level: config.logLevel });
  const { db, client } = createDb(config.databaseUrl, {
    max: config.dbPoolSize ?? 10,
    applicationName: `ultramarket-${config.service}`,
  });
  const kv = createKeyValueStore({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, prefix: config.kvPrefix });
  const jobs = await startJobQueue(
    {
      databaseUrl: config.databaseUrl,
      supervise: config.jobs?.supervise ?? false,
      maintenanceIntervalSeconds: config.jobs?.maintenanceIntervalSeconds,
      onError: (error) => logger.error({ err: error }, "job queue error"),
    },
    [...JOB_DEFINITIONS, ...(config.jobs?.extraDefinitions ?? [])],
  );
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom ?? "UltraMarket <no-reply@ultramarket.uz>" });
  const limiters = createRateLimiters({ redisUrl: config.redisUrl, db, prefix: config.kvPrefix ?? "um:", limits: config.rateLimits });
  const files = createFileStorage({ filesDir: config.filesDir, uploadthingToken: config.uploadthingToken });
  const authSecret = await loadAuthSecret(kv, config.authSecret);
  const search = createSearchEngine({ meiliUrl: config.meiliUrl, meiliApiKey: config.meiliApiKey });
  const searchLog = new SearchLogWriter(db, logger);
  const stores = {
    database: `postgres (${config.databaseSource})`,
    kv: kv.backend,
    search: search.name,
    jobs: "pg-boss (postgres)",
    mail: mailer.transport,
    files: files.backend,
    rateLimits: config.redisUrl ? "redis" : "postgres",
  };
  logger.info(
    { stores },
    `stores: ${Object.entries(stores)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  return {
    config,
    db,
    sql: client,
    kv,
    jobs,
    mailer,
    limiters,
    files,
    search,
    searchLog,
    authSecret,
    logger,
    clock: config.clock ?? systemClock,
    stores,
    async close() {
      await jobs.stop({ graceful: true, timeoutMs: 10_000 }).catch(() => undefined);
      await searchLog.close().catch(() => undefined);
      await search.close?.().catch(() => undefined);
      await limiters.close();
      await kv.close();
      await client.end({ timeout: 5 });
    },
  };
}

/** Readiness: every store this process depends on answers. */
export async function checkReadiness(runtime: Runtime): Promise<{ ok: boolean; checks: Record<string, boolean> }> {
  const database = await runtime.sql`select 1`.then(
    () => true,
    () => false,
  );
  const kv = await runtime.kv.ping();
  const search = runtime.search.healthy ? await runtime.search.healthy().catch(() => false) : database;
  const checks = { database, kv, search };
  return { ok: database && kv && search, checks };
}

/**
 * The access-token signing secret: AUTH_SECRET, or else one random secret that the first
 * process to start puts in the KV store and every other process reads, so tokens signed
 * by the storefront verify in the console. Losing it only expires outstanding 15-minute tokens.
 */
async function loadAuthSecret(kv: KeyValueStore, configured: string | undefined): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  await kv.set("auth:jwt-secret", generateToken(32), { onlyIfAbsent: true });
  const secret = await kv.get("auth:jwt-secret");
  if (!secret) throw new Error("could not load the access-token secret");
  return new TextEncoder().encode(secret);
}
