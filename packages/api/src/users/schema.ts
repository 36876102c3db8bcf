import { z } from "zod";

import { nameSchema, passwordSchema, phoneSchema } from "../auth/schema";
import { localeSchema } from "../core/locale";
import { REGION_CODES } from "../geo/regions";

export const updateProfileInput = z.strictObject({
  name: nameSchema.optional(),
  phone: phoneSchema.nullable().optional(),
  locale: localeSchema.optional(),
  currency: z.enum(["UZS"]).optional(),
});

export const addressInput = z.strictObject({
  label: z.string().trim().max(50).optional(),
  recipientName: nameSchema,
  phone: phoneSchema,
  region: z.enum(REGION_CODES, { error: "Choose a region" }),
  city: z.string().trim().min(1, "Enter a city or district").max(100),
  street: z.string().trim().min(3, "Enter the street, house and apartment").max(300),
  postalCode: z
    .string()
    .regex(/^\d{6}$/, "Postal codes have 6 digits")
    .optional(),
  isDefault: z.boolean().default(false),
});

export const updateAddressInput = addressInput.partial().extend({ id: z.uuid() }).strict();
export const deleteAccountInput = z.strictObject({
  password: passwordSchema,
  confirm: z.literal("DELETE", { error: 'Type "DELETE" to confirm' }),
});

export const listUsersInput = z.strictObject({
  query: z.string().trim().max(200).optional(),
  role: z.enum(["CUSTOMER", "VENDOR", "ADMIN", "SUPER_ADMIN"]).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const changeRoleInput = z.strictObject({ userId: z.uuid(), role: z.enum(["CUSTOMER", "VENDOR", "ADMIN", "SUPER_ADMIN"]) });
