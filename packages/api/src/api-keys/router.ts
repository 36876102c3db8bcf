import { z } from "zod";

import { API_KEY_SCOPES } from "../core/permissions";
import { createTRPCRouter, staffProcedure } from "../core/trpc";
import * as apiKeys from "./service";

export const apiKeysRouter = createTRPCRouter({
  list: staffProcedure("api-keys:manage").query(({ ctx }) => apiKeys.listApiKeys(ctx)),
  create: staffProcedure("api-keys:manage")
    .input(
      z.strictObject({
        name: z.string().trim().min(2, "Name the key after the service that uses it").max(80),
        scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope"),
      }),
    )
    .mutation(({ ctx, input }) => apiKeys.createApiKey(ctx, input)),
  revoke: staffProcedure("api-keys:manage")
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => apiKeys.revokeApiKey(ctx, input)),
});
