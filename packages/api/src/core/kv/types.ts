/**
 * The key-value store behind sessions, carts, rate limits, cache and live events.
 * Redis when REDIS_URL is set; otherwise PostgreSQL tables with the same semantics.
 * Both implementations pass kv/contract.ts. TTLs are whole seconds, as in Redis.
 */
export interface KeyValueStore {
  readonly backend: "redis" | "postgres";
  get(key: string): Promise<string | null>;
  /** Returns false only when `onlyIfAbsent` is set and a live value already exists. */
  set(key: string, value: string, options?: { ttlSeconds?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  del(...keys: string[]): Promise<number>;
  /** Atomic; the TTL applies when the counter is created, like INCR + EXPIRE NX. */
  incrBy(key: string, by?: number, options?: { ttlSeconds?: number }): Promise<number>;
  expire(key: string, ttlSeconds: number): Promise<boolean>;
  /** Seconds left; -1 when the key has no expiry, -2 when it does not exist. */
  ttl(key: string): Promise<number>;
  hSet(key: string, fields: Record<string, string>): Promise<void>;
  hGet(key: string, field: string): Promise<string | null>;
  hGetAll(key: string): Promise<Record<string, string>>;
  hDel(key: string, ...fields: string[]): Promise<number>;
  hIncrBy(key: string, field: string, by: number): Promise<number>;
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function ends it. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  /** Whether the backing server answers; used by readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
