import { randomBytes } from "node:crypto";
import { inject } from "vitest";

import type { IsolatedDatabase } from "@ultramarket/db/testing";
import { createIsolatedDatabase } from "@ultramarket/db/testing";
import type { Session } from "./core/context";
import { createContextInner } from "./core/context";
import type { Runtime, RuntimeConfig } from "./core/runtime";
import { createRuntime } from "./core/runtime";
import { createLogger } from "./core/logger";
import { createCaller } from "./root";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    redisUrl: string;
  }
}

export interface TestHarness {
  runtime: Runtime;
  database: IsolatedDatabase;
  kvPrefix: string;
  caller: (session?: Session | null) => ReturnType<typeof createCaller>;
  close: () => Promise<void>;
}

/**
 * A test file's own world: a fresh database cloned from the migrated template, a Redis key
 * prefix of its own (Redis when the run has REDIS_URL, else the PostgreSQL twin), and a
 * caller for the app router. Call in beforeAll; close in afterAll.
 */
export async function createTestHarness(overrides: Partial<RuntimeConfig> = {}): Promise<TestHarness> {
  const database = await createIsolatedDatabase(inject("pgServerUrl"), inject("pgTemplate"));
  const kvPrefix = `test:${randomBytes(6).toString("hex")}:`;
  const redisUrl = inject("redisUrl") || undefined;
  const runtime = await createRuntime({
    service: "test",
    appEnv: "test",
    databaseUrl: database.url,
    databaseSource: "external",
    redisUrl,
    filesDir: "/tmp/ultramarket-test-files",
    kvPrefix,
    dbPoolSize: 20,
    logger: createLogger({ service: "test", level: "silent" }),
    ...overrides,
  });
  return {
    runtime,
    database,
    kvPrefix,
    caller: (session = null) => createCaller({ ...createContextInner(runtime, { session }), exposeInternals: false }),
    async close() {
      await runtime.close();
      await database.drop();
    },
  };
}
