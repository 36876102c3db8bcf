import { z } from "zod";

import { authedProcedure, createTRPCRouter, permissionProcedure, publicProcedure, staffProcedure } from "../core/trpc";
import { REGIONS } from "../geo/regions";
import { addressInput, changeRoleInput, deleteAccountInput, listUsersInput, updateAddressInput, updateProfileInput } from "./schema";
import * as users from "./service";

export const usersRouter = createTRPCRouter({
  regions: publicProcedure.query(() => REGIONS),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => users.updateProfile(ctx, input)),
  addresses: authedProcedure.query(({ ctx }) => users.listAddresses(ctx)),
  createAddress: authedProcedure.input(addressInput).mutation(({ ctx, input }) => users.createAddress(ctx, input)),
  updateAddress: authedProcedure.input(updateAddressInput).mutation(({ ctx, input }) => users.updateAddress(ctx, input)),
  deleteAddress: authedProcedure.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => users.deleteAddress(ctx, input)),
  sessions: authedProcedure.query(({ ctx }) => users.mySessions(ctx)),
  revokeSession: authedProcedure
    .input(z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }))
    .mutation(({ ctx, input }) => users.revokeMySession(ctx, input)),
  exportData: authedProcedure.mutation(({ ctx }) => users.exportMyData(ctx)),
  deleteAccount: authedProcedure.input(deleteAccountInput).mutation(({ ctx, input }) => users.deleteMyAccount(ctx, input)),

  list: permissionProcedure("users:read")
    .input(listUsersInput)
    .query(({ ctx, input }) => users.listUsers(ctx, input)),
  get: permissionProcedure("users:read")
    .input(z.strictObject({ userId: z.uuid() }))
    .query(({ ctx, input }) => users.getUser(ctx, input)),
  changeRole: staffProcedure("users:manage")
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => users.changeRole(ctx, input)),
  setDisabled: staffProcedure("users:manage")
    .input(z.strictObject({ userId: z.uuid(), disabled: z.boolean() }))
    .mutation(({ ctx, input }) => users.setDisabled(ctx, input)),
  endSessions: staffProcedure("users:manage")
    .input(z.strictObject({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => users.endUserSessions(ctx, input)),
});
