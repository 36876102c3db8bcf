import { z } from "zod";

import { defineJob } from "../define";

export const catalogImportJob = defineJob({
  name: "catalog-import",
  schema: z.strictObject({ importId: z.uuid() }),
  // A rerun starts the file over; the import is idempotent by SKU, so that is safe.
  options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  async handle(ctx, payload) {
    const { runImport } = await import("../../catalog/import/import");
    await runImport(ctx, payload.importId);
    ctx.log.info({ importId: payload.importId }, "catalog import finished");
  },
});
