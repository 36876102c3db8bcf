import { requireMailSender, serverEnvSchema } from "@ultramarket/api/config";
import { loadEnv } from "@ultramarket/db/env";

/** The run and test scripts' configuration: the only place they read process.env. */
export const env = loadEnv(serverEnvSchema.superRefine(requireMailSender), process.env);
/** What children inherit: the caller's environment, unchanged except where a script says. */
export const inheritedEnv = (): Record<string, string | undefined> => ({ ...process.env });
