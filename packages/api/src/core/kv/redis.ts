import { Redis } from "ioredis";

import type { KeyValueStore } from "./types";

// INCRBY and, only when the key has no expiry yet, EXPIRE: one atomic step, so a crash
// between them cannot leave an immortal rate-limit counter.
const INCR_WITH_TTL = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and redis.call('TTL', KEYS[1]) == -1 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return value`;

export function createRedisStore(url: string, options: { prefix?: string } = {}): KeyValueStore {
  const prefix = options.prefix ?? "um:";
  // Auto-pipelining sends the commands that concurrent requests issue in one event-loop tick
  // as one write: a socket write per command was a tenth of the server's CPU in the checkout
  // benchmark (docs/benchmarks.md). Each command still gets its own reply, in order.
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableReadyCheck: true, enableAutoPipelining: true });
  let subscriber: Redis | undefined;
  const handlers = new Map<string, Set<(message: string) => void>>();
  const k = (key: string) => prefix + key;

  const subscriberClient = (): Redis => {
    if (subscriber) return subscriber;
    // Subscriber mode takes no other commands, so nothing to pipeline there.
    subscriber = client.duplicate({ enableAutoPipelining: false });
    subscriber.on("message", (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) handler(message);
    });
    return subscriber;
  };

  return {
    backend: "redis",
    get: (key) => client.get(k(key)),
    async set(key, value, { ttlSeconds, onlyIfAbsent } = {}) {
      const result =
        ttlSeconds && onlyIfAbsent
          ? await client.set(k(key), value, "EX", ttlSeconds, "NX")
          : ttlSeconds
            ? await client.set(k(key), value, "EX", ttlSeconds)
            : onlyIfAbsent
              ? await client.set(k(key), value, "NX")
              : await client.set(k(key), value);
      return result === "OK";
    },
    del: (...keys) => (keys.length ? client.del(...keys.map(k)) : Promise.resolve(0)),
    async incrBy(key, by = 1, { ttlSeconds } = {}) {
      const value = await client.eval(INCR_WITH_TTL, 1, k(key), by, ttlSeconds ?? 0);
      return Number(value);
    },
    expire: async (key, ttlSeconds) => (await client.expire(k(key), ttlSeconds)) === 1,
    ttl: (key) => client.ttl(k(key)),
    async hSet(key, fields) {
      if (Object.keys(fields).length) await client.hset(k(key), fields);
    },
    hGet: (key, field) => client.hget(k(key), field),
    hGetAll: (key) => client.hgetall(k(key)),
    hDel: (key, ...fields) => (fields.length ? client.hdel(k(key), ...fields) : Promise.resolve(0)),
    hIncrBy: (key, field, by) => client.hincrby(k(key), field, by),
    async publish(channel, message) {
      await client.publish(k(channel), message);
    },
    async subscribe(channel, onMessage) {
      const full = k(channel);
      const set = handlers.get(full) ?? new Set();
      handlers.set(full, set);
      set.add(onMessage);
      if (set.size === 1) await subscriberClient().subscribe(full);
      return async () => {
        set.delete(onMessage);
        if (set.size === 0) {
          handlers.delete(full);
          await subscriber?.unsubscribe(full);
        }
      };
    },
    async ping() {
      try {
        return (await client.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      subscriber?.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
