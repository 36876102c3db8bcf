import path from "node:path";
import postgres from "postgres";

import { startEmbeddedPostgres } from "../embedded";
import { EMBEDDED_DATABASE, EMBEDDED_PG_PORT, dataDir } from "../paths";

export const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;

async function answers(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/**
 * DATABASE_URL when set; otherwise the project's embedded PostgreSQL, reusing it when the
 * run command already started it, starting it (and stopping it afterwards) when not.
 */
export async function openDatabase(databaseUrl: string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  if (databaseUrl) return { url: databaseUrl, close: async () => undefined };
  if (await answers(embeddedUrl)) return { url: embeddedUrl, close: async () => undefined };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(), "postgres"),
    port: EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE,
  });
  return { url: server.url, close: server.stop };
}
