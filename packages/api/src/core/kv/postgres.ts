import { createHash } from "node:crypto";
import postgres from "postgres";

import type { KeyValueStore } from "./types";

const LIVE = "(expires_at is null or expires_at > now())";

/** LISTEN/NOTIFY channel names are identifiers: at most 63 bytes. */
function channelName(full: string): string {
  return Buffer.byteLength(full) <= 63 ? full : `kv_${createHash("sha256").update(full).digest("hex").slice(0, 56)}`;
}

/**
 * The KeyValueStore on PostgreSQL, for running without Redis: UNLOGGED tables
 * (kv_strings, kv_hashes; migration 0001) for values, expiry checked on every read and
 * swept once a minute, LISTEN/NOTIFY for pub/sub. Every operation is a single statement,
 * so counters and conditional sets are as atomic as their Redis twins.
 */
export function createPostgresStore(url: string, options: { prefix?: string; sweepSeconds?: number } = {}): KeyValueStore {
  const prefix = options.prefix ?? "um:";
  const sql = postgres(url, { max: 10, onnotice: () => undefined, connection: { application_name: "ultramarket-kv" } });
  const k = (key: string) => prefix + key;
  const interval = (seconds: number | undefined) => (seconds && seconds > 0 ? seconds : null);

  const sweep = setInterval(
    () => {
      void sql`delete from kv_strings where expires_at <= now()`.catch(() => undefined);
      void sql`delete from kv_hashes where expires_at <= now()`.catch(() => undefined);
    },
    (options.sweepSeconds ?? 60) * 1000,
  );
  sweep.unref();

  return {
    backend: "postgres",
    async get(key) {
      const [row] = await sql<{ value: string }[]>`select value from kv_strings where key = ${k(key)} and ${sql.unsafe(LIVE)}`;
      return row?.value ?? null;
    },
    async set(key, value, { ttlSeconds, onlyIfAbsent } = {}) {
      const ttl = interval(ttlSeconds);
      const rows = onlyIfAbsent
        ? await sql`
            insert into kv_strings (key, value, expires_at)
            values (${k(key)}, ${value}, now() + make_interval(secs => ${ttl}::int))
            on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at
              where kv_strings.expires_at is not null and kv_strings.expires_at <= now()
            returning 1`
        : await sql`
            insert into kv_strings (key, value, expires_at)
            values (${k(key)}, ${value}, now() + make_interval(secs => ${ttl}::int))
            on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at
            returning 1`;
      return rows.length === 1;
    },
    async del(...keys) {
      if (keys.length === 0) return 0;
      const full = keys.map(k);
      const [row] = await sql<{ count: number }[]>`
        with s as (delete from kv_strings where key = any(${full}) and ${sql.unsafe(LIVE)} returning 1),
             h as (delete from kv_hashes where key = any(${full}) and ${sql.unsafe(LIVE)} returning 1)
        select ((select count(*) from s) + (select count(*) from h))::int as count`;
      return row?.count ?? 0;
    },
    async incrBy(key, by = 1, { ttlSeconds } = {}) {
      const ttl = interval(ttlSeconds);
      const [row] = await sql<{ value: string }[]>`
        insert into kv_strings as kv (key, value, expires_at)
        values (${k(key)}, ${String(by)}, now() + make_interval(secs => ${ttl}::int))
        on conflict (key) do update set
          value = (case when kv.expires_at <= now() then 0 else kv.value::bigint end + ${by}::bigint)::text,
          expires_at = case when kv.expires_at <= now() then excluded.expires_at
                            else coalesce(kv.expires_at, excluded.expires_at) end
        returning value`;
      return Number(row?.value);
    },
    async expire(key, ttlSeconds) {
      const [row] = await sql<{ count: number }[]>`
        with s as (update kv_strings set expires_at = now() + make_interval(secs => ${ttlSeconds}::int)
                   where key = ${k(key)} and ${sql.unsafe(LIVE)} returning 1),
             h as (update kv_hashes set expires_at = now() + make_interval(secs => ${ttlSeconds}::int)
                   where key = ${k(key)} and ${sql.unsafe(LIVE)} returning 1)
        select ((select count(*) from s) + (select count(*) from h))::int as count`;
      return (row?.count ?? 0) > 0;
    },
    async ttl(key) {
      const [row] = await sql<{ ttl: number | null }[]>`
        select ceil(extract(epoch from expires_at - now()))::int as ttl from kv_strings where key = ${k(key)} and ${sql.unsafe(LIVE)}
        union all
        select ceil(extract(epoch from expires_at - now()))::int from kv_hashes where key = ${k(key)} and ${sql.unsafe(LIVE)}
        limit 1`;
      if (!row) return -2;
      return row.ttl ?? -1;
    },
    async hSet(key, fields) {
      if (Object.keys(fields).length === 0) return;
      await sql`
        insert into kv_hashes as kv (key, fields) values (${k(key)}, ${sql.json(fields)})
        on conflict (key) do update set
          fields = case when kv.expires_at <= now() then excluded.fields else kv.fields || excluded.fields end,
          expires_at = case when kv.expires_at <= now() then null else kv.expires_at end`;
    },
    async hGet(key, field) {
      const [row] = await sql<{ value: string | null }[]>`
        select fields ->> ${field} as value from kv_hashes where key = ${k(key)} and ${sql.unsafe(LIVE)}`;
      return row?.value ?? null;
    },
    async hGetAll(key) {
      const [row] = await sql<{ fields: Record<string, string> }[]>`
        select fields from kv_hashes where key = ${k(key)} and ${sql.unsafe(LIVE)}`;
      return row?.fields ?? {};
    },
    async hDel(key, ...fields) {
      if (fields.length === 0) return 0;
      const [row] = await sql<{ removed: number }[]>`
        with before as (select fields from kv_hashes where key = ${k(key)} and ${sql.unsafe(LIVE)} for update),
             updated as (update kv_hashes set fields = fields - ${fields}::text[] where key = ${k(key)} returning fields)
        select coalesce((select count(*) from before, jsonb_object_keys(before.fields) f where f = any(${fields}::text[])), 0)::int as removed`;
      // A hash with no fields left does not exist, as in Redis.
      await sql`delete from kv_hashes where key = ${k(key)} and fields = '{}'::jsonb`;
      return row?.removed ?? 0;
    },
    async hIncrBy(key, field, by) {
      const [row] = await sql<{ value: string }[]>`
        insert into kv_hashes as kv (key, fields) values (${k(key)}, jsonb_build_object(${field}::text, ${String(by)}::text))
        on conflict (key) do update set
          fields = case when kv.expires_at <= now() then excluded.fields
                        else kv.fields || jsonb_build_object(${field}::text, (coalesce((kv.fields ->> ${field})::bigint, 0) + ${by}::bigint)::text) end,
          expires_at = case when kv.expires_at <= now() then null else kv.expires_at end
        returning fields ->> ${field} as value`;
      return Number(row?.value);
    },
    async publish(channel, message) {
      await sql`select pg_notify(${channelName(k(channel))}, ${message})`;
    },
    async subscribe(channel, onMessage) {
      const listener = await sql.listen(channelName(k(channel)), onMessage);
      return () => listener.unlisten();
    },
    async ping() {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      clearInterval(sweep);
      await sql.end({ timeout: 2 });
    },
  };
}
