import path from "node:path";
import type { TestProject } from "vitest/node";
import { z } from "zod";

import { startEmbeddedPostgres } from "@ultramarket/db/embedded";
import { loadEnv, postgresUrl, redisUrl } from "@ultramarket/db/env";
import { dataDir } from "@ultramarket/db/paths";
import { prepareTemplateDatabase } from "@ultramarket/db/testing";
import type {} from "@ultramarket/api/testing";

const env = loadEnv(z.object({ DATABASE_URL: postgresUrl.optional(), REDIS_URL: redisUrl.optional() }), process.env);

/**
 * Once per run: find a PostgreSQL (DATABASE_URL, or a test-only embedded server when it is
 * unset) and migrate the template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  let serverUrl = env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir(), "postgres-test"),
      port: 54339,
      database: "ultramarket_test",
    });
    serverUrl = server.url;
    stop = server.stop;
    console.log("tests: DATABASE_URL is unset, so integration tests use an embedded PostgreSQL on port 54339");
  }
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", await prepareTemplateDatabase(serverUrl));
  project.provide("redisUrl", env.REDIS_URL ?? "");
  return async () => {
    await stop?.();
  };
}
