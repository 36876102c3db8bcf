import { requireMailSender, serverEnvSchema } from "@ultramarket/api/config";
import { loadEnv } from "@ultramarket/db/env";

/** The storefront's configuration: the only place this app reads process.env. */
export const env = loadEnv(serverEnvSchema.superRefine(requireMailSender), process.env);
