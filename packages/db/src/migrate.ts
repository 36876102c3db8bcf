import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";

import { createDb } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function runMigrations(url: string): Promise<void> {
  const { db, client } = createDb(url, { max: 1, applicationName: "ultramarket-migrate" });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}
