/**
 * Applications for a device: made at a help point with a digihelper or by a social worker (also from a referral),
 * decided by the device bank (approved, waiting list with a position, declined with a reason in plain words).
 *
 * Household limit: at most `max_devices_per_household` devices per household (household_key: postcode + street +
 * number). Counted are the devices on loan or reserved for the household, plus the devices an approved application
 * still waits for. Every change that can add to that count takes a transaction-level advisory lock on the
 * household key first, so two desks approving for one household at the same moment are serialised.
 * No copies of income documents are stored: staff tick the criteria they checked.
 * Every message (to the resident, and to the referrer) is written to the outbox in the transaction of the change.
 */
import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { courseRuns, courses, deviceApplications, deviceLoans, devices, helpPoints, municipalities, referrals, registrations } from "~/db/schema";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { isUuid, type Actor } from "~/modules/offer/help-points.server";
import { phoneNumber } from "~/modules/offer/schema";
import { newCode, pgError } from "~/modules/shared/secrets.server";
import { firstSent, insertOnce } from "~/modules/shared/submission.server";
import { APPLICATION_STATUS_LABELS, DEVICE_KINDS, PURPOSES } from "./lending-labels";
import { getSettings, listCriteria } from "./settings.server";

export type Application = typeof deviceApplications.$inferSelect;
export type { ApplicationStatus, DeviceKind, Purpose } from "./lending-labels";
import type { ApplicationStatus, DeviceKind, Purpose } from "./lending-labels";

export { APPLICATION_STATUS_LABELS, DEVICE_KINDS, KIND_LABELS, PURPOSE_LABELS, PURPOSES } from "./lending-labels";

// ---------------------------------------------------------------------------------------------
// Household key
// ---------------------------------------------------------------------------------------------

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

/**
 * "2140" + "Turnhoutsebaan 12 bus 3" → "2140|turnhoutsebaan|12|3". Spaces, dots, dashes, accents and case do not
 * matter; "bus 3", "/3" and "b3" are the same flat. Null when there is no street and house number.
 */
export function householdKey(postcode: string | null | undefined, address: string | null | undefined): string | null {
  const pc = (postcode ?? "").replace(/\D/g, "");
  const text = fold(address ?? "").replace(/[.,;]/g, " ");
  const match = /^(.*?[a-z].*?)\s*(\d+)\s*([a-z](?![a-z]))?\s*(?:(?:bus|bte|boite|box|b|\/|-)\s*([0-9a-z]+))?\s*$/.exec(text.trim());
  if (!pc || !match) return null;
  const street = match[1].replace(/[^a-z]/g, "").replace(/(straat|str)$/, "straat");
  if (!street) return null;
  const number = `${match[2]}${match[3] ?? ""}`;
  return [pc, street, number, match[4] ?? ""].join("|").replace(/\|$/, "");
}

/** Devices that count for a household now: reserved or on loan, plus what approved applications still wait for. */
async function householdCount(tx: Db, municipalityId: string, key: string, exceptApplicationId?: string): Promise<number> {
  const [row] = await tx
    .select({
      loans: sql<number>`(select count(*)::int from device_loans l join device_applications a2 on a2.id = l.application_id
        where a2.municipality_id = ${municipalityId} and a2.household_key = ${key} and l.status in ('reserved', 'on_loan'))`,
      approved: sql<number>`(select coalesce(sum(greatest(0, cardinality(a3.kinds) - (select count(*) from device_loans l3 where l3.application_id = a3.id and l3.status <> 'cancelled'))), 0)::int
        from device_applications a3 where a3.municipality_id = ${municipalityId} and a3.household_key = ${key} and a3.status = 'approved'
        ${exceptApplicationId ? sql`and a3.id <> ${exceptApplicationId}` : sql``})`,
    })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return Number(row?.loans ?? 0) + Number(row?.approved ?? 0);
}

/** Serialise every change that counts devices of one household (released at commit or rollback). */
async function lockHousehold(tx: Db, municipalityId: string, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`device-household:${municipalityId}:${key}`}))`);
}

function limitMessage(max: number, inUse: number): string {
  return max === 1
    ? `Dit gezin heeft al een toestel (geleend, gereserveerd of goedgekeurd). Per gezin kan maar één toestel tegelijk.`
    : `Dit gezin heeft al ${inUse} toestel${inUse === 1 ? "" : "len"} (geleend, gereserveerd of goedgekeurd). Per gezin kunnen er hoogstens ${max} tegelijk.`;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export interface MessageContext {
  municipalityId: string;
  municipalityPhone: string;
}

type Step = "submitted" | "approved" | "waiting" | "declined" | "ready";

export function kindsText(kinds: readonly string[], lang: string): string {
  const t = i18nFor(isLanguage(lang) ? lang : DEFAULT_LANGUAGE).t;
  return kinds.map((k) => t(`deviceLending.kind.${k}`)).join(", ");
}

/** A message to the resident in their language, and a short update to the referrer (when there is a contact). */
export async function notifyApplicant(
  tx: Db,
  ctx: MessageContext,
  app: Pick<Application, "id" | "applicantName" | "phone" | "email" | "language" | "code" | "kinds" | "referrerContact">,
  template: string,
  params: Record<string, string | number>,
  referrerStep?: Step,
): Promise<void> {
  const lang = isLanguage(app.language) ? app.language : DEFAULT_LANGUAGE;
  const base = { name: app.applicantName ?? "", code: app.code, phone: ctx.municipalityPhone, kinds: kindsText(app.kinds, lang) };
  await enqueueMessage(tx, {
    municipalityId: ctx.municipalityId,
    to: { phone: app.phone && isMobileNumber(app.phone) ? app.phone : null, email: app.email },
    language: lang,
    template,
    params: { ...base, ...params },
    subjectRef: `device_application:${app.id}`,
  });
  const contact = app.referrerContact?.trim();
  if (referrerStep && contact) {
    // A social worker reads Dutch; the update names the resident only by first name and code.
    const t = i18nFor("nl").t;
    const update = t(`deviceLending.referrer.${referrerStep}`, params);
    const isEmail = contact.includes("@");
    await enqueueMessage(tx, {
      municipalityId: ctx.municipalityId,
      to: { phone: !isEmail && isMobileNumber(contact) ? contact : null, email: isEmail ? contact : null },
      language: "nl",
      template: "device_referrer_update",
      params: { ...base, kinds: kindsText(app.kinds, "nl"), name: (app.applicantName ?? "").split(" ")[0], update },
      subjectRef: `device_application:${app.id}`,
    });
  }
}

async function messageContext(tx: Db, municipalityId: string): Promise<MessageContext> {
  const [m] = await tx.select({ phone: municipalities.phone }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return { municipalityId, municipalityPhone: m?.phone ?? "" };
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || null)
    .nullable()
    .optional();

export const applicationInput = z
  .object({
    applicantName: z.string().trim().min(2, "Vul de naam van de bewoner in.").max(120, "Houd de naam korter."),
    phone: phoneNumber,
    email: z
      .string()
      .trim()
      .transform((v) => v || null)
      .nullable()
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, { message: "Vul een e-mailadres in zoals naam@voorbeeld.be." }),
    language: z.enum(LANGUAGES, { message: "Kies de taal van de berichten." }),
    kinds: z.array(z.enum(DEVICE_KINDS as [DeviceKind, ...DeviceKind[]])).min(1, "Kies wat de bewoner nodig heeft."),
    purpose: z.enum(PURPOSES as [Purpose, ...Purpose[]], { message: "Kies waarvoor de bewoner het toestel nodig heeft." }),
    householdSize: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
      z.number({ message: "Vul in met hoeveel mensen de bewoner woont (1 als alleen)." }).int("Vul een geheel getal in.").min(1, "Vul een getal van 1 tot 20 in.").max(20, "Vul een getal van 1 tot 20 in."),
    ),
    postcode: z.string().trim().regex(/^\d{4}$/, "Vul een postcode van 4 cijfers in, zoals 2140."),
    address: z.string().trim().min(3, "Vul straat en huisnummer in, zoals Turnhoutsebaan 12 bus 3.").max(200, "Houd het adres korter."),
    reason: optionalText(1000, "Houd de uitleg korter: hoogstens 1000 tekens."),
    referrerName: optionalText(120, "Houd de naam korter."),
    referrerContact: optionalText(200, "Houd het contact korter.").refine(
      (v) => !v || (v.includes("@") ? z.email().safeParse(v).success : /^(\+32|0)[0-9 ./-]{7,15}$/.test(v)),
      { message: "Vul een e-mailadres of een Belgisch telefoonnummer in." },
    ),
    criteriaChecked: z.array(z.string().refine(isUuid, { message: "Onbekend criterium." })).default([]),
    helpPointId: z
      .string()
      .transform((v) => v || null)
      .nullable()
      .optional()
      .refine((v) => !v || isUuid(v), { message: "Kies een hulppunt uit de lijst." }),
    referralId: z
      .string()
      .transform((v) => v || null)
      .nullable()
      .optional()
      .refine((v) => !v || isUuid(v), { message: "Deze verwijzing bestaat niet." }),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email && !v.referrerContact) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Vul een telefoonnummer of e-mailadres in, van de bewoner of van de doorverwijzer. Zo kunnen we laten weten wat we beslissen." });
    }
    if (householdKey(v.postcode, v.address) === null) {
      ctx.addIssue({ code: "custom", path: ["address"], message: "Vul straat én huisnummer in, zoals Turnhoutsebaan 12 bus 3." });
    }
  });
export type ApplicationInput = z.infer<typeof applicationInput>;

// ---------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------

export type CreateResult = { ok: true; id: string; code: string } | { ok: false; field: string; message: string };

/**
 * A new application, entered by staff with the resident. `submissionKey` is the form's own key: the same form sent
 * twice is one application with one code and one message (the household limit does not count it against itself).
 */
export async function createApplication(
  db: Db,
  municipalityId: string,
  input: ApplicationInput & { submissionKey?: string | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<CreateResult> {
  const key = householdKey(input.postcode, input.address);
  if (!key) return { ok: false, field: "address", message: "Vul straat én huisnummer in, zoals Turnhoutsebaan 12 bus 3." };
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        if (input.helpPointId) {
          const [point] = await tx.select({ id: helpPoints.id }).from(helpPoints).where(and(eq(helpPoints.id, input.helpPointId), eq(helpPoints.municipalityId, municipalityId)));
          if (!point) return { ok: false, field: "helpPointId", message: "Kies een hulppunt uit de lijst." } as const;
        }
        if (input.referralId) {
          const [referral] = await tx.select({ id: referrals.id }).from(referrals).where(and(eq(referrals.id, input.referralId), eq(referrals.municipalityId, municipalityId)));
          if (!referral) return { ok: false, field: "referralId", message: "Deze verwijzing bestaat niet (meer)." } as const;
        }
        const criteria = await listCriteria(tx, municipalityId);
        const known = new Set(criteria.map((c) => c.id));
        const settings = await getSettings(tx, municipalityId);
        await lockHousehold(tx, municipalityId, key);
        // Sent before (the lock waited for it): answer with that application before counting the household.
        const earlier = await firstSent(tx, deviceApplications, municipalityId, input.submissionKey);
        if (earlier) return { ok: true, id: earlier.id, code: earlier.code } as const;
        const inUse = await householdCount(tx, municipalityId, key);
        if (inUse + input.kinds.length > settings.maxDevicesPerHousehold) {
          return { ok: false, field: inUse > 0 ? "address" : "kinds", message: inUse > 0 ? limitMessage(settings.maxDevicesPerHousehold, inUse) : `Per gezin kunnen er hoogstens ${settings.maxDevicesPerHousehold} toestellen tegelijk. Kies er minder.` } as const;
        }
        const code = newCode();
        const { row, repeated } = await insertOnce(tx, deviceApplications, {
          municipalityId,
          helpPointId: input.helpPointId ?? null,
          referralId: input.referralId ?? null,
          kinds: input.kinds,
          purpose: input.purpose,
          householdSize: input.householdSize,
          householdKey: key,
          postcode: input.postcode,
          criteriaChecked: input.criteriaChecked.filter((id) => known.has(id)),
          applicantName: input.applicantName,
          phone: input.phone ?? null,
          email: input.email ?? null,
          address: input.address,
          reason: input.reason ?? null,
          referrerName: input.referrerName ?? null,
          referrerContact: input.referrerContact ?? null,
          language: input.language,
          code,
          createdByUserId: actor.id,
          lastActivityAt: now,
          createdAt: now,
          submissionKey: input.submissionKey ?? null,
        });
        // Sent again with another address (another household lock): the first application stands, nothing more.
        if (repeated) return { ok: true, id: row.id, code: row.code } as const;
        await notifyApplicant(tx, await messageContext(tx, municipalityId), row, "device_application_submitted", {}, "submitted");
        await recordAudit(tx, {
          actor,
          municipalityId,
          action: "device-application.create",
          entityType: "device_application",
          entityId: row.id,
          after: { kinds: input.kinds, purpose: input.purpose, referralId: input.referralId ?? null, code },
        });
        return { ok: true, id: row.id, code } as const;
      });
    } catch (error) {
      const pg = pgError(error);
      if (pg.code === "23505" && pg.constraint === "device_application_code" && attempt < 3) continue;
      throw error;
    }
  }
}

/** Prefill of the application form from a referral to the device bank (name, phone, e-mail, language, reason). */
export async function referralPrefill(db: Db, municipalityId: string, referralId: string) {
  if (!isUuid(referralId)) return null;
  const [r] = await db
    .select({ id: referrals.id, name: referrals.residentName, phone: referrals.phone, email: referrals.email, language: referrals.language, reason: referrals.reason, erasedAt: referrals.erasedAt })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.municipalityId, municipalityId)));
  if (!r || r.erasedAt) return null;
  return { id: r.id, applicantName: r.name ?? "", phone: r.phone ?? "", email: r.email ?? "", language: isLanguage(r.language) ? r.language : "nl", reason: r.reason ?? "" };
}

// ---------------------------------------------------------------------------------------------
// Decide
// ---------------------------------------------------------------------------------------------

export type Decision = { decision: "approve"; criteriaChecked: string[] } | { decision: "wait"; criteriaChecked: string[] } | { decision: "decline"; reason: string };

export type DecideResult = { ok: true; status: ApplicationStatus; position?: number } | { ok: false; field: string; message: string };

async function waitingPosition(tx: Db, municipalityId: string, applicationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(deviceApplications)
    .where(
      and(
        eq(deviceApplications.municipalityId, municipalityId),
        eq(deviceApplications.status, "waiting"),
        lte(deviceApplications.waitingSince, sql`(select w.waiting_since from device_applications w where w.id = ${applicationId})`),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Has someone with this name and phone/e-mail completed a course of this municipality? */
async function completedCourse(tx: Db, municipalityId: string, app: Application): Promise<boolean> {
  const contacts = [app.phone, app.email].filter(Boolean) as string[];
  if (!contacts.length) return false;
  const rows = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(
      and(
        eq(courses.municipalityId, municipalityId),
        isNotNull(registrations.completedAt),
        sql`lower(${registrations.name}) = lower(${app.applicantName ?? ""})`,
        or(app.phone ? eq(registrations.phone, app.phone) : undefined, app.email ? sql`lower(${registrations.email}) = lower(${app.email})` : undefined),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function decideApplication(db: Db, municipalityId: string, applicationId: string, decision: Decision, actor: Actor, now: Date = new Date()): Promise<DecideResult> {
  if (!isUuid(applicationId)) return { ok: false, field: "decision", message: "Deze aanvraag bestaat niet." };
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ key: deviceApplications.householdKey }).from(deviceApplications).where(and(eq(deviceApplications.id, applicationId), eq(deviceApplications.municipalityId, municipalityId)));
    if (!found) return { ok: false, field: "decision", message: "Deze aanvraag bestaat niet." } as const;
    // Household first, then the row: the same order as every other change, so no deadlock.
    if (found.key && decision.decision === "approve") await lockHousehold(tx, municipalityId, found.key);
    const [app] = await tx.select().from(deviceApplications).where(eq(deviceApplications.id, applicationId)).for("update");
    const from = app.status;
    const allowed = decision.decision === "approve" ? ["submitted", "waiting"] : decision.decision === "wait" ? ["submitted"] : ["submitted", "waiting", "approved"];
    if (!allowed.includes(from)) {
      return { ok: false, field: "decision", message: `Deze aanvraag is al ${APPLICATION_STATUS_LABELS[from].toLowerCase()}; dat kan niet meer.` } as const;
    }
    if (decision.decision === "decline" && from === "approved") {
      const [active] = await tx.select({ id: deviceLoans.id }).from(deviceLoans).where(and(eq(deviceLoans.applicationId, app.id), inArray(deviceLoans.status, ["reserved", "on_loan"])));
      if (active) return { ok: false, field: "decision", message: "Er is al een toestel gereserveerd of meegegeven. Annuleer eerst de reservering." } as const;
    }
    const ctx = await messageContext(tx, municipalityId);
    const settings = await getSettings(tx, municipalityId);

    if (decision.decision === "decline") {
      const reason = decision.reason.trim();
      await tx.update(deviceApplications).set({ status: "declined", declineReason: reason, decidedAt: now, decidedByUserId: actor.id, lastActivityAt: now }).where(eq(deviceApplications.id, app.id));
      await notifyApplicant(tx, ctx, app, "device_application_declined", { reason }, "declined");
      await recordAudit(tx, { actor, municipalityId, action: "device-application.decline", entityType: "device_application", entityId: app.id, before: { status: from }, after: { status: "declined", reason } });
      return { ok: true, status: "declined" } as const;
    }

    const criteria = await listCriteria(tx, municipalityId, { activeOnly: true });
    const ticked = new Set(decision.criteriaChecked.filter((id) => criteria.some((c) => c.id === id)));
    const missing = criteria.filter((c) => c.required && !ticked.has(c.id));
    if (missing.length) {
      return { ok: false, field: "criteria", message: `Vink eerst aan wat u nagekeken hebt: ${missing.map((c) => c.label).join("; ")}.` } as const;
    }
    if (settings.requiresReferral && !app.referralId && !app.referrerName) {
      return { ok: false, field: "decision", message: "Een toestel lenen kan hier alleen na een doorverwijzing door het OCMW of een maatschappelijk werker. Vul eerst de doorverwijzer in." } as const;
    }
    if (decision.decision === "approve" && settings.requiresCourse && !(await completedCourse(tx, municipalityId, app))) {
      return { ok: false, field: "decision", message: "De bewoner moet eerst een cursus afronden. We vinden geen afgeronde cursus met deze naam en dit telefoonnummer of e-mailadres." } as const;
    }
    if (decision.decision === "approve" && app.householdKey) {
      const inUse = await householdCount(tx, municipalityId, app.householdKey, app.id);
      if (inUse + app.kinds.length > settings.maxDevicesPerHousehold) {
        return { ok: false, field: "decision", message: limitMessage(settings.maxDevicesPerHousehold, inUse) } as const;
      }
    }
    const checked = [...ticked];
    if (decision.decision === "approve") {
      await tx
        .update(deviceApplications)
        .set({ status: "approved", criteriaChecked: checked, decidedAt: now, decidedByUserId: actor.id, lastActivityAt: now })
        .where(eq(deviceApplications.id, app.id));
      await notifyApplicant(tx, ctx, app, "device_application_approved", {}, "approved");
      await recordAudit(tx, { actor, municipalityId, action: "device-application.approve", entityType: "device_application", entityId: app.id, before: { status: from }, after: { status: "approved", criteriaChecked: checked } });
      return { ok: true, status: "approved" } as const;
    }
    await tx
      .update(deviceApplications)
      .set({
        status: "waiting",
        criteriaChecked: checked,
        // After the lock: the waiting list is in the order decisions were made.
        waitingSince: sql`greatest(clock_timestamp(), (select max(w.waiting_since) + interval '1 microsecond' from device_applications w where w.municipality_id = ${municipalityId}))`,
        decidedAt: now,
        decidedByUserId: actor.id,
        lastActivityAt: now,
      })
      .where(eq(deviceApplications.id, app.id));
    const position = await waitingPosition(tx, municipalityId, app.id);
    await notifyApplicant(tx, ctx, app, "device_application_waiting", { position }, "waiting");
    await recordAudit(tx, { actor, municipalityId, action: "device-application.wait", entityType: "device_application", entityId: app.id, before: { status: from }, after: { status: "waiting", position } });
    return { ok: true, status: "waiting", position } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------

export async function listApplications(db: Db, municipalityId: string, options: { status?: ApplicationStatus | null; createdBy?: string | null } = {}) {
  const rows = await db
    .select({
      id: deviceApplications.id,
      status: deviceApplications.status,
      name: deviceApplications.applicantName,
      code: deviceApplications.code,
      kinds: deviceApplications.kinds,
      purpose: deviceApplications.purpose,
      createdAt: deviceApplications.createdAt,
      waitingSince: deviceApplications.waitingSince,
      referral: sql<boolean>`${deviceApplications.referralId} is not null or ${deviceApplications.referrerName} is not null`,
      helpPoint: helpPoints.name,
    })
    .from(deviceApplications)
    .leftJoin(helpPoints, eq(helpPoints.id, deviceApplications.helpPointId))
    .where(
      and(
        eq(deviceApplications.municipalityId, municipalityId),
        options.status ? eq(deviceApplications.status, options.status) : undefined,
        options.createdBy ? eq(deviceApplications.createdByUserId, options.createdBy) : undefined,
      ),
    )
    .orderBy(options.status === "waiting" ? asc(deviceApplications.waitingSince) : desc(deviceApplications.createdAt))
    .limit(300);
  return rows.map((r, i) => ({ ...r, position: options.status === "waiting" ? i + 1 : null }));
}

/**
 * Applications that could use a device of this kind now: approved but without an active reservation or loan, and
 * on the waiting list. Shown on a ready device, so the device officer offers it to the next person in line.
 */
export async function applicationsWaitingForKind(db: Db, municipalityId: string, kind: DeviceKind): Promise<{ approved: number; waiting: number }> {
  const [row] = await db
    .select({
      approved: sql<number>`count(*) filter (where ${deviceApplications.status} = 'approved' and not exists (
        select 1 from device_loans l where l.application_id = device_applications.id and l.status in ('reserved', 'on_loan')))`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${deviceApplications.status} = 'waiting')`.mapWith(Number),
    })
    .from(deviceApplications)
    .where(and(eq(deviceApplications.municipalityId, municipalityId), sql`${kind}::device_kind = any(${deviceApplications.kinds})`));
  return { approved: row?.approved ?? 0, waiting: row?.waiting ?? 0 };
}

export async function getApplication(db: Db, municipalityId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const [app] = await db
    .select({ application: deviceApplications, helpPoint: helpPoints.name })
    .from(deviceApplications)
    .leftJoin(helpPoints, eq(helpPoints.id, deviceApplications.helpPointId))
    .where(and(eq(deviceApplications.id, applicationId), eq(deviceApplications.municipalityId, municipalityId)));
  if (!app) return null;
  const position = app.application.status === "waiting" ? await waitingPosition(db, municipalityId, applicationId) : null;
  const loans = await db
    .select({ id: deviceLoans.id, status: deviceLoans.status, startsOn: deviceLoans.startsOn, endsOn: deviceLoans.endsOn, assetTag: devices.assetTag, kind: devices.kind })
    .from(deviceLoans)
    .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
    .where(eq(deviceLoans.applicationId, applicationId))
    .orderBy(desc(deviceLoans.createdAt));
  return { ...app.application, helpPointName: app.helpPoint, position, loans };
}
