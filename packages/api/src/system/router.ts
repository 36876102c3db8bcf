import { z } from "zod";

import { createTRPCRouter, permissionProcedure } from "../core/trpc";
import * as system from "./service";

// The dev mailbox exists only when no SMTP_URL is set, i.e. on demo and development machines.
export const systemRouter = createTRPCRouter({
  dashboard: permissionProcedure("system:read").query(({ ctx }) => system.dashboardCounts(ctx)),
  devMailbox: permissionProcedure("system:read")
    .input(z.strictObject({ cursor: z.string().max(500).optional(), limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => system.devMailbox(ctx, input)),
  devMailboxMessage: permissionProcedure("system:read")
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ ctx, input }) => system.devMailboxMessage(ctx, input)),
});
