import { z } from "zod";

import { localeSchema } from "../core/locale";
import { normalizeUzPhone } from "../core/phone";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "./password";

export const emailSchema = z
  .email({ error: "Enter a valid email address" })
  .max(254, "Email addresses are at most 254 characters")
  .transform((email) => email.toLowerCase());

/** Length is checked on the raw string and never truncated; common passwords are refused. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), "This password is too common; choose another");

/** A password being checked (sign-in): only bounded, so a 10 KB string is refused before hashing. */
export const passwordSchema = z.string().min(1, "Enter your password").max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const phoneSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const phone = normalizeUzPhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "Enter an Uzbek phone number, e.g. +998 90 123 45 67" });
      return z.NEVER;
    }
    return phone;
  });

export const nameSchema = z.string().trim().min(1, "Enter your name").max(100, "At most 100 characters");
export const tokenSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[a-z2-7]+$/, "This link is not valid");
export const totpCodeSchema = z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");
export const recoveryCodeSchema = z.string().regex(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/, "Enter a recovery code like abcd-efgh-jkmn");

export const registerInput = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema,
  phone: phoneSchema.optional(),
  locale: localeSchema.default("uz"),
});

export const loginInput = z.strictObject({ email: emailSchema, password: passwordSchema });

export const secondFactorInput = z.strictObject({
  challenge: tokenSchema,
  code: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});

export const changePasswordInput = z.strictObject({ currentPassword: passwordSchema, newPassword: newPasswordSchema });
export const requestPasswordResetInput = z.strictObject({ email: emailSchema, locale: localeSchema.default("uz") });
export const resetPasswordInput = z.strictObject({ token: tokenSchema, newPassword: newPasswordSchema, code: totpCodeSchema.optional() });
export const issueTokensInput = z.strictObject({ email: emailSchema, password: passwordSchema, code: totpCodeSchema.optional() });
export const refreshTokensInput = z.strictObject({ refreshToken: z.string().min(16).max(128) });
