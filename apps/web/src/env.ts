import { z } from "zod";

import { requireMailSender, serverEnvSchema } from "@ultramarket/api/config";
import { loadEnv } from "@ultramarket/db/env";

/** The storefront's configuration: the only place this app reads process.env. */
export const env = loadEnv(
  serverEnvSchema
    .extend({
      PUBLIC_WEB_URL: z.url().default("http://localhost:3000").describe("the storefront's public URL"),
    })
    .superRefine(requireMailSender),
  process.env,
);
