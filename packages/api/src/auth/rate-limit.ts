import { Redis } from "ioredis";
import { RateLimiterDrizzle, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterAbstract } from "rate-limiter-flexible";

import type { Database } from "@ultramarket/db";
import { schema } from "@ultramarket/db";
import { RateLimited } from "../core/errors";

/** Attempts allowed per window. Keys are an IP address, an email or a user id. */
export const RATE_LIMITS = {
  loginByIp: { points: 30, duration: 15 * 60 },
  loginByAccount: { points: 10, duration: 15 * 60 },
  registerByIp: { points: 10, duration: 60 * 60 },
  resetByIp: { points: 10, duration: 60 * 60 },
  resetByAccount: { points: 3, duration: 60 * 60 },
  totpByUser: { points: 5, duration: 30 * 60 },
  tokensByIp: { points: 60, duration: 15 * 60 },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

export interface RateLimiters {
  /** Counts one attempt; throws RateLimited (429) once the window's attempts are used up. */
  consume(name: RateLimitName, key: string): Promise<void>;
  reset(name: RateLimitName, key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * rate-limiter-flexible on Redis, or on PostgreSQL through its Drizzle store (the
 * `rate_limits` UNLOGGED table) when REDIS_URL is unset. Limits can be overridden (tests).
 */
export function createRateLimiters(options: {
  redisUrl?: string;
  db: Database;
  prefix: string;
  limits?: Partial<Record<RateLimitName, { points: number; duration: number }>>;
}): RateLimiters {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const name of Object.keys(RATE_LIMITS) as RateLimitName[]) {
    const limit = options.limits?.[name] ?? RATE_LIMITS[name];
    const keyPrefix = `${options.prefix}rl:${name}`;
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...limit })
        : new RateLimiterDrizzle({ storeClient: options.db, schema: schema.rateLimits, keyPrefix, ...limit }),
    );
  }
  return {
    async consume(name, key) {
      try {
        await limiters.get(name)!.consume(key.toLowerCase());
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const seconds = Math.ceil(error.msBeforeNext / 1000);
          throw new RateLimited(`Too many attempts. Try again in ${Math.ceil(seconds / 60)} min.`);
        }
        throw error;
      }
    },
    async reset(name, key) {
      await limiters.get(name)!.delete(key.toLowerCase());
    },
    async close() {
      redis?.disconnect();
    },
  };
}
