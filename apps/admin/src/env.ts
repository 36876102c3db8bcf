import { z } from "zod";

import { requireMailSender, serverEnvSchema } from "@ultramarket/api/config";
import { loadEnv } from "@ultramarket/db/env";

/** The console's configuration: the only place this app reads process.env. */
export const env = loadEnv(
  serverEnvSchema
    .extend({
      PUBLIC_ADMIN_URL: z.url().default("http://localhost:3001").describe("the console's public URL"),
    })
    .superRefine(requireMailSender),
  process.env,
);
