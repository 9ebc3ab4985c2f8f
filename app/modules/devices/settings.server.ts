/**
 * The rules of a municipality's device bank (device_bank_settings) and the eligibility criteria staff tick when
 * they check an application. A coordinator or device officer sets them; every change is audited.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { deviceBankSettings, eligibilityCriteria, helpPoints } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import type { Actor } from "~/modules/offer/help-points.server";
import { isUuid } from "~/modules/offer/help-points.server";

export type DeviceBankSettings = Omit<typeof deviceBankSettings.$inferSelect, "municipalityId">;

/** The rules when a coordinator has not set any yet (the column defaults). */
export const DEFAULT_SETTINGS: DeviceBankSettings = {
  maxDevicesPerHousehold: 1,
  requiresReferral: false,
  requiresCourse: false,
  loanWeeks: 12,
  extensionWeeks: 4,
  maxExtensions: 2,
  reminderDaysBefore: 3,
  auditPeriodDays: 180,
  returnHelpPointId: null,
};

export async function getSettings(db: Db, municipalityId: string): Promise<DeviceBankSettings> {
  const [row] = await db.select().from(deviceBankSettings).where(eq(deviceBankSettings.municipalityId, municipalityId));
  if (!row) return { ...DEFAULT_SETTINGS };
  const { municipalityId: _ignored, ...settings } = row;
  return settings;
}

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ message: `Vul bij "${label}" een getal in.` })
      .int(`Vul bij "${label}" een geheel getal in.`)
      .min(min, `Vul bij "${label}" een getal van ${min} tot ${max} in.`)
      .max(max, `Vul bij "${label}" een getal van ${min} tot ${max} in.`),
  );

/** The settings form, with the same limits as the CHECK constraints on the table. */
export const settingsInput = z.object({
  maxDevicesPerHousehold: wholeNumber("Toestellen per gezin", 1, 10),
  requiresReferral: z.boolean(),
  requiresCourse: z.boolean(),
  loanWeeks: wholeNumber("Weken lenen", 1, 104),
  extensionWeeks: wholeNumber("Weken per verlenging", 1, 52),
  maxExtensions: wholeNumber("Aantal verlengingen", 0, 10),
  reminderDaysBefore: wholeNumber("Dagen vooraf herinneren", 1, 14),
  auditPeriodDays: wholeNumber("Controle na dagen", 7, 730),
  returnHelpPointId: z
    .string()
    .transform((v) => v || null)
    .nullable()
    .refine((v) => v === null || isUuid(v), { message: "Kies een hulppunt uit de lijst." }),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export async function saveSettings(db: Db, municipalityId: string, input: SettingsInput, actor: Actor): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
  return db.transaction(async (tx) => {
    if (input.returnHelpPointId) {
      const [point] = await tx
        .select({ id: helpPoints.id })
        .from(helpPoints)
        .where(and(eq(helpPoints.id, input.returnHelpPointId), eq(helpPoints.municipalityId, municipalityId)));
      if (!point) return { ok: false, field: "returnHelpPointId", message: "Kies een hulppunt uit de lijst." } as const;
    }
    const before = await getSettings(tx, municipalityId);
    await tx
      .insert(deviceBankSettings)
      .values({ municipalityId, ...input })
      .onConflictDoUpdate({ target: deviceBankSettings.municipalityId, set: input });
    await recordAudit(tx, { actor, municipalityId, action: "device-settings.update", entityType: "device_bank_settings", entityId: municipalityId, before, after: input });
    return { ok: true } as const;
  });
}

export interface Criterion {
  id: string;
  label: string;
  required: boolean;
  active: boolean;
}

export async function listCriteria(db: Db, municipalityId: string, options: { activeOnly?: boolean } = {}): Promise<Criterion[]> {
  const rows = await db
    .select()
    .from(eligibilityCriteria)
    .where(and(eq(eligibilityCriteria.municipalityId, municipalityId), options.activeOnly ? eq(eligibilityCriteria.active, true) : undefined))
    .orderBy(asc(eligibilityCriteria.position), asc(eligibilityCriteria.label));
  return rows.map((r) => ({ id: r.id, label: r.label.nl ?? Object.values(r.label)[0] ?? "", required: r.required, active: r.active }));
}

export const criterionInput = z.object({
  label: z.string().trim().min(3, "Schrijf kort wat u nakijkt, bijvoorbeeld: inkomen onder de grens (attest gezien).").max(200, "Houd het korter: hoogstens 200 tekens."),
  required: z.boolean(),
});

export async function addCriterion(db: Db, municipalityId: string, input: z.infer<typeof criterionInput>, actor: Actor): Promise<string> {
  return db.transaction(async (tx) => {
    const existing = await listCriteria(tx, municipalityId);
    const [row] = await tx
      .insert(eligibilityCriteria)
      .values({ municipalityId, label: { nl: input.label }, required: input.required, position: existing.length + 1 })
      .returning({ id: eligibilityCriteria.id });
    await recordAudit(tx, { actor, municipalityId, action: "device-criterion.create", entityType: "eligibility_criterion", entityId: row.id, after: input });
    return row.id;
  });
}

/** Switch a criterion off (old applications keep their ticks) or on again. */
export async function setCriterionActive(db: Db, municipalityId: string, criterionId: string, active: boolean, actor: Actor): Promise<boolean> {
  if (!isUuid(criterionId)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(eligibilityCriteria)
      .set({ active })
      .where(and(eq(eligibilityCriteria.id, criterionId), eq(eligibilityCriteria.municipalityId, municipalityId)))
      .returning({ id: eligibilityCriteria.id });
    if (!rows.length) return false;
    await recordAudit(tx, { actor, municipalityId, action: active ? "device-criterion.activate" : "device-criterion.deactivate", entityType: "eligibility_criterion", entityId: criterionId });
    return true;
  });
}
