/** Form fields for how we reach a resident, shared by the forms that ask for them (bookings, registrations). */
import { z } from "zod";
import { phoneNumber } from "~/modules/offer/schema";

/** Trimmed text, or null when nothing was typed. */
export const emptyToNull = (v: string | null | undefined) => {
  const value = (v ?? "").trim();
  return value ? value : null;
};

/** A Belgian phone number, or null when left empty; `message` when it is not one. */
export const optionalPhone = (message: string) =>
  z
    .string()
    .optional()
    .transform(emptyToNull)
    .refine((v) => phoneNumber.safeParse(v).success, { message });

/** An e-mail address (at most 254 characters), or null when left empty; `message` when it is not one. */
export const optionalEmail = (message: string) =>
  z
    .string()
    .optional()
    .transform(emptyToNull)
    .refine((v) => !v || (v.length <= 254 && z.email().safeParse(v).success), { message });
