import { z } from "zod";

import { loadEnv, postgresUrl } from "../env";

export const env = loadEnv(
  z.object({
    DATABASE_URL: postgresUrl.optional(),
    FILES_DIR: z.string().optional().describe("a folder for uploaded and generated files"),
  }),
  process.env,
);
