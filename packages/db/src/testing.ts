import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

import { MIGRATIONS_FOLDER, runMigrations } from "./migrate";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A name that changes whenever a committed migration changes, so stale templates are never reused. */
function templateName(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (!file.endsWith(".sql") && !file.endsWith(".json")) continue;
    hash.update(file).update(readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return `um_template_${hash.digest("hex").slice(0, 12)}`;
}

/**
 * Migrates once into a template database that every test file clones
 * (`CREATE DATABASE … TEMPLATE …` copies files, far faster than migrating per file).
 * An advisory lock makes concurrent callers (parallel CI jobs) build it once.
 */
export async function prepareTemplateDatabase(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin`select pg_advisory_lock(hashtext(${name}))`;
    const existing = await admin`select 1 from pg_database where datname = ${name}`;
    if (existing.length === 0) {
      const building = `${name}_building`;
      await admin.unsafe(`drop database if exists "${building}" with (force)`);
      await admin.unsafe(`create database "${building}"`);
      await runMigrations(withDatabase(serverUrl, building));
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  } finally {
    await admin.end();
  }
  return name;
}

export interface IsolatedDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export async function createIsolatedDatabase(serverUrl: string, template: string): Promise<IsolatedDatabase> {
  const name = `um_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
