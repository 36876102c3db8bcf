import { port, requireMailSender, serverEnvSchema } from "@ultramarket/api/config";
import { loadEnv } from "@ultramarket/db/env";

export const env = loadEnv(serverEnvSchema.extend({ WORKER_PORT: port.default(3002) }).superRefine(requireMailSender), process.env);
