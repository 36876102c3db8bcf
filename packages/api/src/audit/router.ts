import { z } from "zod";

import { createTRPCRouter, permissionProcedure } from "../core/trpc";
import { AUDIT_ACTIONS, listAudit } from "./service";

export const auditRouter = createTRPCRouter({
  actions: permissionProcedure("audit:read").query(() => AUDIT_ACTIONS),
  list: permissionProcedure("audit:read")
    .input(
      z.strictObject({
        action: z.enum(AUDIT_ACTIONS).optional(),
        actorId: z.uuid().optional(),
        targetId: z.string().max(100).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        cursor: z.uuid().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx, input)),
});
