import { z } from "zod";

import { authedProcedure, createTRPCRouter, publicProcedure } from "../core/trpc";
import {
  changePasswordInput,
  issueTokensInput,
  loginInput,
  refreshTokensInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  secondFactorInput,
  tokenSchema,
  totpCodeSchema,
} from "./schema";
import * as auth from "./service";
import * as twoFactor from "./two-factor";

/** Sign-in results never carry the session token in the body: it travels only in the HttpOnly cookie. */
type WithoutToken<T> = T extends unknown ? Omit<T, "token"> : never;
const withoutToken = <T extends { status: string }>(result: T): WithoutToken<T> => {
  const { token: _token, ...rest } = result as T & { token?: string };
  return rest as WithoutToken<T>;
};

export const authRouter = createTRPCRouter({
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => auth.register(ctx, input)),
  verifyEmail: publicProcedure.input(z.strictObject({ token: tokenSchema })).mutation(({ ctx, input }) => auth.verifyEmail(ctx, input)),
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => withoutToken(await auth.login(ctx, input))),
  logout: authedProcedure.mutation(({ ctx }) => auth.logout(ctx)),
  logoutEverywhere: authedProcedure.mutation(({ ctx }) => auth.logoutEverywhere(ctx)),
  me: publicProcedure.query(({ ctx }) => auth.me(ctx)),
  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => auth.changePassword(ctx, input)),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => auth.requestPasswordReset(ctx, input)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => auth.resetPassword(ctx, input)),
  issueTokens: publicProcedure.input(issueTokensInput).mutation(({ ctx, input }) => auth.issueTokens(ctx, input)),
  refreshTokens: publicProcedure.input(refreshTokensInput).mutation(({ ctx, input }) => auth.refreshTokens(ctx, input)),
  totp: createTRPCRouter({
    status: authedProcedure.query(({ ctx }) => twoFactor.twoFactorStatus(ctx)),
    enroll: authedProcedure.mutation(({ ctx }) => twoFactor.startEnrolment(ctx)),
    confirm: authedProcedure
      .input(z.strictObject({ code: totpCodeSchema }))
      .mutation(({ ctx, input }) => twoFactor.confirmEnrolment(ctx, input)),
    disable: authedProcedure
      .input(z.strictObject({ code: totpCodeSchema }))
      .mutation(({ ctx, input }) => twoFactor.disableTwoFactor(ctx, input)),
    regenerateRecoveryCodes: authedProcedure
      .input(z.strictObject({ code: totpCodeSchema }))
      .mutation(({ ctx, input }) => twoFactor.regenerateRecoveryCodes(ctx, input)),
    verifyLogin: publicProcedure
      .input(secondFactorInput)
      .mutation(async ({ ctx, input }) => withoutToken(await auth.completeTwoFactorLogin(ctx, input))),
  }),
});
