import { z } from "zod";

import { loadEnv } from "@ultramarket/db/env";

import { serverEnvSchema } from "../../core/config";

/**
 * The Meilisearch server the engine's integration tests run against (MEILI_URL and MEILI_API_KEY, as the apps read
 * them through core/config.ts). Unset: those tests skip and say why.
 */
export const meiliTestEnv = loadEnv(
  z.object({ MEILI_URL: serverEnvSchema.shape.MEILI_URL, MEILI_API_KEY: serverEnvSchema.shape.MEILI_API_KEY }),
  process.env,
);
