import { z } from "zod";

import { authedProcedure, createTRPCRouter, permissionProcedure, staffProcedure } from "../core/trpc";
import { applyInput, listApplicationsInput, reviewInput } from "./schema";
import * as vendors from "./service";

export const vendorsRouter = createTRPCRouter({
  // `apply` itself is reserved by tRPC (it would shadow Function.prototype.apply on the client proxy).
  submitApplication: authedProcedure.input(applyInput).mutation(({ ctx, input }) => vendors.apply(ctx, input)),
  myApplication: authedProcedure.query(({ ctx }) => vendors.myApplication(ctx)),
  mine: authedProcedure.query(({ ctx }) => vendors.myVendors(ctx)),
  listApplications: permissionProcedure("vendor-applications:review")
    .input(listApplicationsInput)
    .query(({ ctx, input }) => vendors.listApplications(ctx, input)),
  getApplication: permissionProcedure("vendor-applications:review")
    .input(z.strictObject({ applicationId: z.uuid() }))
    .query(({ ctx, input }) => vendors.getApplication(ctx, input)),
  reviewApplication: staffProcedure("vendor-applications:review")
    .input(reviewInput)
    .mutation(({ ctx, input }) => vendors.reviewApplication(ctx, input)),
});
