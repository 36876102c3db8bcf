import { createPostgresStore } from "./postgres";
import { createRedisStore } from "./redis";
import type { KeyValueStore } from "./types";

export type { KeyValueStore } from "./types";

/** Redis when a URL is given; the PostgreSQL twin otherwise (the embedded default). */
export function createKeyValueStore(options: { redisUrl?: string; databaseUrl: string; prefix?: string }): KeyValueStore {
  return options.redisUrl
    ? createRedisStore(options.redisUrl, { prefix: options.prefix })
    : createPostgresStore(options.databaseUrl, { prefix: options.prefix });
}
