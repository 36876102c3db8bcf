import { z } from "zod";

import { createTRPCRouter, publicProcedure } from "../core/trpc";
import * as system from "./service";

// Open until the identity issue adds sign-in; then ADMIN-gated. The dev mailbox exists
// only when no SMTP_URL is set, i.e. on demo and development machines.
export const systemRouter = createTRPCRouter({
  dashboard: publicProcedure.query(({ ctx }) => system.dashboardCounts(ctx)),
  devMailbox: publicProcedure
    .input(z.strictObject({ cursor: z.string().max(500).optional(), limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => system.devMailbox(ctx, input)),
  devMailboxMessage: publicProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ ctx, input }) => system.devMailboxMessage(ctx, input)),
});
