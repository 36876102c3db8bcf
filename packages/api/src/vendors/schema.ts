import { z } from "zod";

import { emailSchema, nameSchema, phoneSchema } from "../auth/schema";

/**
 * STIR (INN), the Uzbek taxpayer number: 9 digits; companies start with 2, people with 4-7.
 * The check digit's algorithm is not published, so only the shape is validated here.
 */
export const stirSchema = z.string().regex(/^[24-7]\d{8}$/, "A STIR has 9 digits and starts with 2 (companies) or 4-7 (individuals)");

export const applyInput = z.strictObject({
  storeName: z.string().trim().min(2, "Enter the store name").max(80),
  legalName: z.string().trim().min(2, "Enter the legal name").max(200),
  stir: stirSchema,
  bankName: z.string().trim().min(2, "Enter the bank").max(120),
  bankAccount: z.string().regex(/^\d{20}$/, "A settlement account has 20 digits"),
  bankMfo: z.string().regex(/^\d{5}$/, "An MFO code has 5 digits"),
  contactName: nameSchema,
  contactPhone: phoneSchema,
  contactEmail: emailSchema,
  documentIds: z
    .array(z.uuid())
    .min(1, "Attach at least one document (e.g. the state registration certificate)")
    .max(5, "At most 5 documents"),
});

export const reviewInput = z
  .strictObject({
    applicationId: z.uuid(),
    decision: z.enum(["approve", "reject", "request_changes"]),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((input) => input.decision === "approve" || (input.note?.length ?? 0) >= 5, {
    path: ["note"],
    message: "Explain the decision to the applicant (at least 5 characters)",
  });

export const listApplicationsInput = z.strictObject({
  status: z.enum(["pending", "changes_requested", "approved", "rejected"]).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
