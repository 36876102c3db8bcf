-- Trigram and accent-insensitive matching for the Postgres search engine.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- The key-value store used when REDIS_URL is unset. UNLOGGED: like Redis without
-- persistence, it skips the WAL (fast) and is emptied after a crash (acceptable for
-- sessions, carts and cache). Expiry is checked on read and swept periodically.
CREATE UNLOGGED TABLE kv_strings (
  key text PRIMARY KEY,
  value text NOT NULL,
  expires_at timestamptz
);--> statement-breakpoint
CREATE INDEX kv_strings_expires_at_idx ON kv_strings (expires_at) WHERE expires_at IS NOT NULL;--> statement-breakpoint
CREATE UNLOGGED TABLE kv_hashes (
  key text PRIMARY KEY,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  expires_at timestamptz
);--> statement-breakpoint
CREATE INDEX kv_hashes_expires_at_idx ON kv_hashes (expires_at) WHERE expires_at IS NOT NULL;
