import { z } from "zod";

import { defineJob } from "../define";

export const imageRenditionsJob = defineJob({
  name: "image-renditions",
  schema: z.strictObject({ imageId: z.uuid() }),
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 },
  async handle(ctx, payload) {
    // Imported here so the job registry does not pull sharp into every process that only enqueues.
    const { makeRenditions } = await import("../../catalog/media");
    const renditions = await makeRenditions(ctx, payload.imageId);
    ctx.log.info({ imageId: payload.imageId, sizes: renditions?.map((r) => r.width) }, "image renditions made");
  },
});
