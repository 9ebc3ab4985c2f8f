/**
 * Privacy (issue 3): find, export and erase one resident's personal data on request, and the retention job.
 *
 * Erasure keeps the rows (anonymous counts stay right) but sets every personal column to null and `erased_at` to
 * now, and deletes the outbox messages about the record. Messages are tied to a record by `outbox.subject_ref`
 * "<kind>:<id>": registration:<id>, referral:<id>, appointment:<id>, home_visit:<id>, device_application:<id>
 * (every module tags them "<kind>:<id>").
 *
 * Course registrations keep their row too (attendance and completion hang on it) and their name is required: erasure
 * sets it to "(gewist)", clears the contact data, needs and UiTPAS number, makes every secret link stop working
 * (registration_links deleted, token hashes replaced) and sets `erased_at`. The department is kept: it is what the
 * staff-awareness figures count per department, it says where someone works rather than who they are, and without a
 * name or contact the row cannot be tied back to a person.
 *
 * Free text staff typed about a device loan (return notes, gift reason, contact-history notes) and the decline
 * reason of an application can name or describe the person: they are cleared with the application.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import {
  appointmentLinks,
  appointments,
  courseRuns,
  courses,
  deviceApplications,
  deviceLoans,
  devices,
  helpPoints,
  helpSettings,
  homeVisits,
  loanContacts,
  outbox,
  referralEvents,
  referrals,
  registrationLinks,
  registrations,
  type Translated,
} from "~/db/schema";
import { translated } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { TARGET_LABELS } from "~/modules/referrals/referral-schema";

export interface Actor {
  id: string;
  email: string;
}

export const RECORD_KINDS = ["appointment", "home_visit", "referral", "registration", "device_application"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const KIND_LABELS: Record<RecordKind, string> = {
  appointment: "Afspraak",
  home_visit: "Huisbezoek",
  referral: "Doorverwijzing",
  registration: "Inschrijving voor een cursus",
  device_application: "Aanvraag voor een toestel",
};

export const DEFAULT_RETENTION_MONTHS = 6;

/** "<kind>:<id>": the outbox subjectRef of a record, and the value of a checkbox on the privacy page. */
export const recordRef = (kind: RecordKind, id: string) => `${kind}:${id}`;

export function parseRef(ref: string): { kind: RecordKind; id: string } | null {
  const [kind, id] = ref.split(":");
  if (!(RECORD_KINDS as readonly string[]).includes(kind) || !id || !isUuid(id)) return null;
  return { kind: kind as RecordKind, id };
}


// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const searchInput = z
  .object({
    phone: z.string().trim(),
    email: z.string().trim().toLowerCase(),
    name: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email && !v.name) ctx.addIssue({ code: "custom", path: ["phone"], message: "Vul een telefoonnummer, een e-mailadres of een naam in." });
    if (v.phone && v.phone.replace(/\D/g, "").length < 9) ctx.addIssue({ code: "custom", path: ["phone"], message: "Vul het volledige telefoonnummer in, zoals 0470 12 34 56." });
    if (v.email && !v.email.includes("@")) ctx.addIssue({ code: "custom", path: ["email"], message: "Vul een e-mailadres in zoals naam@voorbeeld.be." });
    if (v.name && v.name.length < 3) ctx.addIssue({ code: "custom", path: ["name"], message: "Vul minstens 3 letters van de naam in." });
  });
export type PersonQuery = z.output<typeof searchInput>;

/** The last 9 digits: 0470 12 34 56, +32 470 12 34 56 and 0032470123456 are the same number. */
const phoneDigits = (phone: string) => phone.replace(/\D/g, "").slice(-9);
const samePhone = (column: SQL | unknown, digits: string) => sql`right(regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g'), 9) = ${digits}`;
const likeName = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function matchAny(query: PersonQuery, cols: { phones: unknown[]; emails: unknown[]; names: unknown[] }): SQL {
  const parts: SQL[] = [];
  if (query.phone) for (const c of cols.phones) parts.push(samePhone(c, phoneDigits(query.phone)));
  if (query.email) for (const c of cols.emails) parts.push(sql`lower(${c}) = ${query.email}`);
  if (query.name) for (const c of cols.names) parts.push(sql`${c} ILIKE ${likeName(query.name)}`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

export interface PersonRecord {
  ref: string;
  kind: RecordKind;
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** What the record is about, in a few words (no other person's data). */
  about: string;
  createdAt: Date;
  lastActivityAt: Date;
  erased: boolean;
  /** Why it cannot be erased now, in plain Dutch; null when it can. */
  blocker: string | null;
}

const ACTIVE_LOAN = sql`exists (select 1 from device_loans l where l.application_id = device_applications.id and l.status in ('reserved', 'on_loan'))`;
const RUN_NOT_OVER = sql`exists (select 1 from course_sessions s where s.run_id = registrations.run_id and s.ends_at > now())`;

/** Every record in the municipality that matches the phone number, e-mail address or name. */
export async function findPersonData(db: Db, municipalityId: string, query: PersonQuery): Promise<PersonRecord[]> {
  const [a, h, r, reg, d] = await Promise.all([
    db
      .select({ id: appointments.id, name: appointments.name, phone: appointments.phone, email: appointments.email, startsAt: appointments.startsAt, status: appointments.status, point: helpPoints.name, createdAt: appointments.createdAt, lastActivityAt: appointments.lastActivityAt, erasedAt: appointments.erasedAt })
      .from(appointments)
      .leftJoin(helpPoints, eq(helpPoints.id, appointments.helpPointId))
      .where(and(eq(appointments.municipalityId, municipalityId), matchAny(query, { phones: [appointments.phone], emails: [appointments.email], names: [appointments.name] }))),
    db
      .select({ id: homeVisits.id, name: homeVisits.residentName, phone: homeVisits.phone, status: homeVisits.status, scheduledAt: homeVisits.scheduledAt, createdAt: homeVisits.createdAt, lastActivityAt: homeVisits.lastActivityAt, erasedAt: homeVisits.erasedAt })
      .from(homeVisits)
      .where(and(eq(homeVisits.municipalityId, municipalityId), matchAny(query, { phones: [homeVisits.phone, homeVisits.requesterPhone], emails: [], names: [homeVisits.residentName, homeVisits.requesterName] }))),
    db
      .select({ id: referrals.id, name: referrals.residentName, phone: referrals.phone, email: referrals.email, target: referrals.target, status: referrals.status, createdAt: referrals.createdAt, lastActivityAt: referrals.lastActivityAt, erasedAt: referrals.erasedAt })
      .from(referrals)
      .where(and(eq(referrals.municipalityId, municipalityId), matchAny(query, { phones: [referrals.phone], emails: [referrals.email], names: [referrals.residentName] }))),
    db
      .select({ id: registrations.id, name: registrations.name, phone: registrations.phone, email: registrations.email, status: registrations.status, course: courses.title, createdAt: registrations.createdAt, lastActivityAt: registrations.updatedAt, erasedAt: registrations.erasedAt, active: sql<boolean>`(${registrations.status} in ('registered', 'waiting', 'offered') and ${RUN_NOT_OVER})` })
      .from(registrations)
      .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
      .innerJoin(courses, eq(courses.id, courseRuns.courseId))
      .where(and(eq(courses.municipalityId, municipalityId), matchAny(query, { phones: [registrations.phone], emails: [registrations.email], names: [registrations.name] }))),
    db
      .select({ id: deviceApplications.id, name: deviceApplications.applicantName, phone: deviceApplications.phone, email: deviceApplications.email, status: deviceApplications.status, code: deviceApplications.code, createdAt: deviceApplications.createdAt, lastActivityAt: deviceApplications.lastActivityAt, erasedAt: deviceApplications.erasedAt, activeLoan: sql<boolean>`${ACTIVE_LOAN}` })
      .from(deviceApplications)
      .where(and(eq(deviceApplications.municipalityId, municipalityId), matchAny(query, { phones: [deviceApplications.phone], emails: [deviceApplications.email], names: [deviceApplications.applicantName] }))),
  ]);
  const records: PersonRecord[] = [
    ...a.map((x) => ({
      ref: recordRef("appointment", x.id), kind: "appointment" as const, id: x.id, name: x.name, phone: x.phone, email: x.email,
      about: `${x.point ?? "Hulppunt"}, ${dutchDateTime(x.startsAt)}`, createdAt: x.createdAt, lastActivityAt: x.lastActivityAt, erased: x.erasedAt !== null,
      blocker: x.erasedAt === null && x.status === "booked" && x.startsAt > new Date() ? "De afspraak moet nog plaatsvinden. Annuleer ze eerst." : null,
    })),
    ...h.map((x) => ({
      ref: recordRef("home_visit", x.id), kind: "home_visit" as const, id: x.id, name: x.name, phone: x.phone, email: null,
      about: x.scheduledAt ? `Gepland op ${dutchDateTime(x.scheduledAt)}` : "Aangevraagd", createdAt: x.createdAt, lastActivityAt: x.lastActivityAt, erased: x.erasedAt !== null,
      blocker: x.erasedAt === null && (x.status === "requested" || x.status === "planned") ? "Het huisbezoek staat nog open. Annuleer het eerst." : null,
    })),
    ...r.map((x) => ({
      ref: recordRef("referral", x.id), kind: "referral" as const, id: x.id, name: x.name, phone: x.phone, email: x.email,
      about: `Naar: ${TARGET_LABELS[x.target].toLowerCase()}`, createdAt: x.createdAt, lastActivityAt: x.lastActivityAt, erased: x.erasedAt !== null, blocker: null,
    })),
    ...reg.map((x) => ({
      ref: recordRef("registration", x.id), kind: "registration" as const, id: x.id, name: x.erasedAt ? null : x.name, phone: x.phone, email: x.email,
      about: translated(x.course as Translated, "nl"), createdAt: x.createdAt, lastActivityAt: x.lastActivityAt,
      erased: x.erasedAt !== null,
      blocker: x.erasedAt === null && x.active ? "De persoon is nog ingeschreven voor een cursus die nog loopt. Schrijf de persoon eerst uit." : null,
    })),
    ...d.map((x) => ({
      ref: recordRef("device_application", x.id), kind: "device_application" as const, id: x.id, name: x.name, phone: x.phone, email: x.email,
      about: `Aanvraag ${x.code}`, createdAt: x.createdAt, lastActivityAt: x.lastActivityAt, erased: x.erasedAt !== null,
      blocker: x.erasedAt === null && x.activeLoan ? "Er is een toestel uitgeleend of gereserveerd voor deze persoon. Wis pas als het toestel terug is." : null,
    })),
  ];
  return records.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
}

/** What an anonymised course registration is called (the column is required). */
export const ERASED_NAME = "(gewist)";

/** Log a privacy search: which records were shown, never the search term itself. */
export async function auditSearch(db: Db, municipalityId: string, actor: Actor, query: PersonQuery, found: PersonRecord[]): Promise<void> {
  await recordAudit(db, {
    actor,
    municipalityId,
    action: "privacy.search",
    entityType: "person",
    after: { by: (["phone", "email", "name"] as const).filter((k) => query[k]), records: found.map((f) => f.ref) },
  });
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const byKind = (refs: string[]) => {
  const ids: Record<RecordKind, string[]> = { appointment: [], home_visit: [], referral: [], registration: [], device_application: [] };
  for (const ref of refs) {
    const parsed = parseRef(ref);
    if (parsed) ids[parsed.kind].push(parsed.id);
  }
  return ids;
};
const day = (d: Date | null) => (d ? d.toISOString() : null);
const none = sql`false`;

/** One person's data as a JSON document with readable (Dutch) field names; audit-logged. */
export async function exportPersonData(db: Db, municipalityId: string, refs: string[], actor: Actor, now: Date = new Date()) {
  const ids = byKind(refs);
  const inIds = (col: Parameters<typeof inArray>[0], list: string[]) => (list.length ? inArray(col, list) : none);
  const [a, h, r, events, reg, d, loans] = await Promise.all([
    db.select().from(appointments).where(and(eq(appointments.municipalityId, municipalityId), inIds(appointments.id, ids.appointment))),
    db.select().from(homeVisits).where(and(eq(homeVisits.municipalityId, municipalityId), inIds(homeVisits.id, ids.home_visit))),
    db.select().from(referrals).where(and(eq(referrals.municipalityId, municipalityId), inIds(referrals.id, ids.referral))),
    db.select().from(referralEvents).where(inIds(referralEvents.referralId, ids.referral)).orderBy(asc(referralEvents.at)),
    db
      .select({ reg: registrations, course: courses.title })
      .from(registrations)
      .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
      .innerJoin(courses, eq(courses.id, courseRuns.courseId))
      .where(and(eq(courses.municipalityId, municipalityId), inIds(registrations.id, ids.registration))),
    db.select().from(deviceApplications).where(and(eq(deviceApplications.municipalityId, municipalityId), inIds(deviceApplications.id, ids.device_application))),
    db
      .select({ loan: deviceLoans, assetTag: devices.assetTag, kind: devices.kind })
      .from(deviceLoans)
      .innerJoin(devices, eq(devices.id, deviceLoans.deviceId))
      .where(inIds(deviceLoans.applicationId, ids.device_application)),
  ]);
  const document = {
    uitgevoerd_op: now.toISOString(),
    uitleg: "Alle gegevens die Digibrug over deze persoon bewaart, op vraag van de persoon (AVG artikel 15).",
    afspraken: a.map((x) => ({ naam: x.name, telefoon: x.phone, e_mail: x.email, notitie: x.note, taal: x.language, begin: day(x.startsAt), einde: day(x.endsAt), stand: x.status, manier_van_boeken: x.channel, code: x.code, gemaakt_op: day(x.createdAt), gewist_op: day(x.erasedAt) })),
    huisbezoeken: h.map((x) => ({ naam: x.residentName, adres: x.address, postcode: x.postcode, telefoon: x.phone, aangevraagd_door: x.requesterName, telefoon_aanvrager: x.requesterPhone, organisatie_aanvrager: x.requesterOrganization, wanneer_past_het: x.whenSuits, waarom_niet_verplaatsen: x.whyNoTravel, notitie: x.note, taal: x.language, stand: x.status, gepland_op: day(x.scheduledAt), code: x.code, gemaakt_op: day(x.createdAt), gewist_op: day(x.erasedAt) })),
    doorverwijzingen: r.map((x) => ({ naam: x.residentName, telefoon: x.phone, e_mail: x.email, reden: x.reason, taal: x.language, naar: x.target, stand: x.status, akkoord_gegeven_op: day(x.consentAt), opgepikt_op: day(x.pickedUpAt), gemaakt_op: day(x.createdAt), gewist_op: day(x.erasedAt), geschiedenis: events.filter((e) => e.referralId === x.id).map((e) => ({ stand: e.status, notitie: e.note, op: day(e.at) })) })),
    cursusinschrijvingen: reg.map(({ reg: x, course }) => ({ cursus: translated(course, "nl"), naam: x.name, telefoon: x.phone, e_mail: x.email, taal: x.language, noden: x.needs, uitpas: x.uitpasNumber, dienst: x.department, stand: x.status, code: x.code, voltooid_op: day(x.completedAt), gemaakt_op: day(x.createdAt), gewist_op: day(x.erasedAt) })),
    toestelaanvragen: d.map((x) => ({ naam: x.applicantName, telefoon: x.phone, e_mail: x.email, adres: x.address, postcode: x.postcode, gezinsgrootte: x.householdSize, doel: x.purpose, uitleg: x.reason, doorverwezen_door: x.referrerName, contact_doorverwijzer: x.referrerContact, taal: x.language, stand: x.status, code: x.code, gemaakt_op: day(x.createdAt), gewist_op: day(x.erasedAt), leningen: loans.filter((l) => l.loan.applicationId === x.id).map((l) => ({ toestel: l.assetTag, soort: l.kind, stand: l.loan.status, van: l.loan.startsOn, tot: l.loan.endsOn, terug_op: day(l.loan.returnedAt) })) })),
  };
  const exported = [...a.map((x) => recordRef("appointment", x.id)), ...h.map((x) => recordRef("home_visit", x.id)), ...r.map((x) => recordRef("referral", x.id)), ...reg.map((x) => recordRef("registration", x.reg.id)), ...d.map((x) => recordRef("device_application", x.id))];
  await recordAudit(db, { actor, municipalityId, action: "privacy.export", entityType: "person", after: { records: exported } });
  return { document, count: exported.length };
}

// ---------------------------------------------------------------------------------------------
// Erase
// ---------------------------------------------------------------------------------------------

const ERASE = {
  appointment: { name: null, phone: null, email: null, contactKey: null, note: null },
  home_visit: { residentName: null, address: null, phone: null, requesterName: null, requesterPhone: null, requesterOrganization: null, whenSuits: null, whyNoTravel: null, note: null },
  referral: { residentName: null, phone: null, email: null, reason: null },
  device_application: {
    applicantName: null, phone: null, email: null, address: null, reason: null, referrerName: null, referrerContact: null, householdKey: null,
    // A declined application must keep a reason (CHECK device_application_declined).
    declineReason: sql`case when ${deviceApplications.status} = 'declined' then ${ERASED_NAME} else null end`,
  },
  // The department stays (see the top of this file). The token hashes get a value no SHA-256 hex can equal (unique
  // per row), so the link at registration no longer opens the record; the follow-up job skips rows without contact.
  registration: {
    name: ERASED_NAME, phone: null, email: null, contactKey: null, uitpasNumber: null, needs: [] as string[],
    manageTokenHash: sql`'erased:' || ${registrations.id}`, followupTokenHash: null,
  },
} as const;

/** Clear the free text on the loans of erased device applications (return notes, gift reason, contact notes). */
async function eraseLoanNotes(tx: Db, applicationIds: string[]) {
  for (let i = 0; i < applicationIds.length; i += 500) {
    const ids = applicationIds.slice(i, i + 500);
    await tx.update(deviceLoans).set({ missingAccessories: null, damageNote: null, giftReason: null }).where(inArray(deviceLoans.applicationId, ids));
    await tx
      .update(loanContacts)
      .set({ note: null })
      .where(inArray(loanContacts.loanId, tx.select({ id: deviceLoans.id }).from(deviceLoans).where(inArray(deviceLoans.applicationId, ids))));
  }
}

/** Secret links to erased registrations stop working. */
async function eraseRegistrationLinks(tx: Db, registrationIds: string[]) {
  for (let i = 0; i < registrationIds.length; i += 500) await tx.delete(registrationLinks).where(inArray(registrationLinks.registrationId, registrationIds.slice(i, i + 500)));
}

export type EraseResult = { ok: true; erased: number } | { ok: false; reasons: string[] };

/** Erase these records of one person, in one transaction; refused (nothing erased) when one of them is still in use. */
export async function erasePersonData(db: Db, municipalityId: string, refs: string[], actor: Actor, now: Date = new Date()): Promise<EraseResult> {
  const ids = byKind(refs);
  return db.transaction(async (tx) => {
    // Lock what is about to change, so a loan or booking cannot start halfway through.
    const inIds = (col: Parameters<typeof inArray>[0], list: string[]) => (list.length ? inArray(col, list) : none);
    const apps = await tx.select({ id: deviceApplications.id }).from(deviceApplications).where(and(eq(deviceApplications.municipalityId, municipalityId), inIds(deviceApplications.id, ids.device_application))).for("update");
    const reasons = new Set<string>();
    if (apps.length) {
      const active = await tx.select({ id: deviceLoans.id }).from(deviceLoans).where(and(inArray(deviceLoans.applicationId, apps.map((x) => x.id)), inArray(deviceLoans.status, ["reserved", "on_loan"])));
      if (active.length) reasons.add("Er is een toestel uitgeleend of gereserveerd voor deze persoon. Wis pas als het toestel terug is.");
    }
    const appts = await tx.select({ id: appointments.id, status: appointments.status, startsAt: appointments.startsAt }).from(appointments).where(and(eq(appointments.municipalityId, municipalityId), inIds(appointments.id, ids.appointment))).for("update");
    if (appts.some((x) => x.status === "booked" && x.startsAt > now)) reasons.add("Een afspraak moet nog plaatsvinden. Annuleer ze eerst.");
    const visits = await tx.select({ id: homeVisits.id, status: homeVisits.status }).from(homeVisits).where(and(eq(homeVisits.municipalityId, municipalityId), inIds(homeVisits.id, ids.home_visit))).for("update");
    if (visits.some((x) => x.status === "requested" || x.status === "planned")) reasons.add("Een huisbezoek staat nog open. Annuleer het eerst.");
    const refRows = await tx.select({ id: referrals.id }).from(referrals).where(and(eq(referrals.municipalityId, municipalityId), inIds(referrals.id, ids.referral))).for("update");
    const regs = ids.registration.length
      ? await tx
          .select({ id: registrations.id, status: registrations.status, runOpen: sql<boolean>`exists (select 1 from course_sessions s where s.run_id = ${registrations.runId} and s.ends_at > ${now.toISOString()}::timestamptz)` })
          .from(registrations)
          .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
          .innerJoin(courses, eq(courses.id, courseRuns.courseId))
          .where(and(eq(courses.municipalityId, municipalityId), inArray(registrations.id, ids.registration)))
          .for("update", { of: registrations })
      : [];
    if (regs.some((x) => ["registered", "waiting", "offered"].includes(x.status) && x.runOpen)) reasons.add("De persoon is nog ingeschreven voor een cursus die nog loopt. Schrijf de persoon eerst uit.");
    if (reasons.size) return { ok: false, reasons: [...reasons] };

    const erased = { erasedAt: now };
    if (appts.length) {
      await tx.update(appointments).set({ ...ERASE.appointment, ...erased }).where(inArray(appointments.id, appts.map((x) => x.id)));
      // The secret links sent to the person go with the personal data (the row stays, so no FK cascade).
      await tx.delete(appointmentLinks).where(inArray(appointmentLinks.appointmentId, appts.map((x) => x.id)));
    }
    if (visits.length) await tx.update(homeVisits).set({ ...ERASE.home_visit, ...erased }).where(inArray(homeVisits.id, visits.map((x) => x.id)));
    if (refRows.length) {
      await tx.update(referrals).set({ ...ERASE.referral, ...erased }).where(inArray(referrals.id, refRows.map((x) => x.id)));
      await tx.update(referralEvents).set({ note: null }).where(inArray(referralEvents.referralId, refRows.map((x) => x.id)));
    }
    if (apps.length) {
      await tx.update(deviceApplications).set({ ...ERASE.device_application, ...erased }).where(inArray(deviceApplications.id, apps.map((x) => x.id)));
      await eraseLoanNotes(tx, apps.map((x) => x.id));
    }
    if (regs.length) {
      await tx.update(registrations).set({ ...ERASE.registration, ...erased, updatedAt: now }).where(inArray(registrations.id, regs.map((x) => x.id)));
      await eraseRegistrationLinks(tx, regs.map((x) => x.id));
    }
    const done = [
      ...appts.map((x) => recordRef("appointment", x.id)),
      ...visits.map((x) => recordRef("home_visit", x.id)),
      ...refRows.map((x) => recordRef("referral", x.id)),
      ...apps.map((x) => recordRef("device_application", x.id)),
      ...regs.map((x) => recordRef("registration", x.id)),
    ];
    if (done.length) await tx.delete(outbox).where(inArray(outbox.subjectRef, done));
    await recordAudit(tx, { actor, municipalityId, action: "privacy.erase", entityType: "person", after: { records: done } });
    return { ok: true, erased: done.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Retention
// ---------------------------------------------------------------------------------------------

export async function getRetentionMonths(db: Db, municipalityId: string): Promise<number> {
  const [row] = await db.select({ months: helpSettings.retentionMonths }).from(helpSettings).where(eq(helpSettings.municipalityId, municipalityId));
  return row?.months ?? DEFAULT_RETENTION_MONTHS;
}

export const retentionInput = z.coerce
  .number("Vul een aantal maanden in, van 1 tot 60.")
  .int("Vul een heel aantal maanden in, van 1 tot 60.")
  .min(1, "Vul een aantal maanden in, van 1 tot 60.")
  .max(60, "Vul een aantal maanden in, van 1 tot 60.");

export async function setRetentionMonths(db: Db, municipalityId: string, months: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getRetentionMonths(tx, municipalityId);
    await tx
      .insert(helpSettings)
      .values({ municipalityId, retentionMonths: months })
      .onConflictDoUpdate({ target: helpSettings.municipalityId, set: { retentionMonths: months } });
    await recordAudit(tx, { actor, municipalityId, action: "privacy.retention", entityType: "help_settings", entityId: municipalityId, before: { retentionMonths: before }, after: { retentionMonths: months } });
  });
}

/** Advisory lock key of the retention job ("retain" in digits, arbitrary but fixed). */
const RETENTION_LOCK = 7_384_246;
/** Rows of tx.execute: an array with postgres-js, { rows } with PGlite. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

/** The moment before which activity is old enough to erase, per row's municipality (raw SQL: a correlated subquery). */
const cutoffFor = (municipalityId: SQL, now: Date) =>
  sql`(${now.toISOString()}::timestamptz - make_interval(months => coalesce((select hs.retention_months from help_settings hs where hs.municipality_id = ${municipalityId}), ${DEFAULT_RETENTION_MONTHS})::int))`;
const cutoff = (table: string, now: Date) => cutoffFor(sql.raw(`${table}.municipality_id`), now);
/** A registration has no municipality of its own: it is the course's. */
const REGISTRATION_MUNICIPALITY = sql`(select c.municipality_id from course_runs r join courses c on c.id = r.course_id where r.id = registrations.run_id)`;
const LAST_SESSION_END = sql`(select max(s.ends_at) from course_sessions s where s.run_id = registrations.run_id)`;

/**
 * The daily retention job: erase the personal data of appointments, home visits, referrals and device applications
 * whose last activity is older than the municipality's retention period, and of course registrations whose run's
 * last session ended longer ago than that. Idempotent (only rows not yet erased) and
 * safe in several processes at once (each row is updated once; a second run finds nothing). Open things are left
 * alone: a booked appointment still to come, a device application with a reservation or loan running.
 */
export async function eraseExpiredPersonalData(db: Db, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    // One run at a time across processes (a second run would find nothing anyway, but could deadlock on row order).
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as ok`));
    if (!lock?.ok) return { appointments: 0, homeVisits: 0, referrals: 0, deviceApplications: 0, registrations: 0 };
    const apps = await tx
      .update(appointments)
      .set({ ...ERASE.appointment, erasedAt: now })
      .where(and(isNull(appointments.erasedAt), sql`greatest(appointments.last_activity_at, appointments.ends_at) < ${cutoff("appointments", now)}`))
      .returning({ id: appointments.id });
    for (let i = 0; i < apps.length; i += 500) await tx.delete(appointmentLinks).where(inArray(appointmentLinks.appointmentId, apps.slice(i, i + 500).map((x) => x.id)));
    const visits = await tx
      .update(homeVisits)
      .set({ ...ERASE.home_visit, erasedAt: now })
      .where(and(isNull(homeVisits.erasedAt), sql`greatest(home_visits.last_activity_at, coalesce(home_visits.scheduled_at, home_visits.last_activity_at)) < ${cutoff("home_visits", now)}`))
      .returning({ id: homeVisits.id });
    const refs = await tx
      .update(referrals)
      .set({ ...ERASE.referral, erasedAt: now })
      .where(and(isNull(referrals.erasedAt), sql`referrals.last_activity_at < ${cutoff("referrals", now)}`))
      .returning({ id: referrals.id });
    if (refs.length) await tx.update(referralEvents).set({ note: null }).where(inArray(referralEvents.referralId, refs.map((r) => r.id)));
    const applications = await tx
      .update(deviceApplications)
      .set({ ...ERASE.device_application, erasedAt: now })
      .where(
        and(
          isNull(deviceApplications.erasedAt),
          sql`not ${ACTIVE_LOAN}`,
          sql`greatest(device_applications.last_activity_at, coalesce((select max(coalesce(l.returned_at, l.gifted_at, l.handed_over_at, l.created_at)) from device_loans l where l.application_id = device_applications.id), device_applications.last_activity_at)) < ${cutoff("device_applications", now)}`,
        ),
      )
      .returning({ id: deviceApplications.id });
    if (applications.length) await eraseLoanNotes(tx, applications.map((x) => x.id));
    const regs = await tx
      .update(registrations)
      .set({ ...ERASE.registration, erasedAt: now, updatedAt: now })
      .where(
        and(
          isNull(registrations.erasedAt),
          // The run is over: no session still to end (and someone still registered or waiting needs a run with dates).
          sql`not exists (select 1 from course_sessions s where s.run_id = registrations.run_id and s.ends_at > ${now.toISOString()}::timestamptz)`,
          sql`(registrations.status not in ('registered', 'waiting', 'offered') or ${LAST_SESSION_END} is not null)`,
          sql`greatest(registrations.updated_at, coalesce(${LAST_SESSION_END}, registrations.updated_at)) < ${cutoffFor(REGISTRATION_MUNICIPALITY, now)}`,
        ),
      )
      .returning({ id: registrations.id });
    if (regs.length) await eraseRegistrationLinks(tx, regs.map((x) => x.id));
    const done = [
      ...apps.map((x) => recordRef("appointment", x.id)),
      ...visits.map((x) => recordRef("home_visit", x.id)),
      ...refs.map((x) => recordRef("referral", x.id)),
      ...applications.map((x) => recordRef("device_application", x.id)),
      ...regs.map((x) => recordRef("registration", x.id)),
    ];
    for (let i = 0; i < done.length; i += 500) await tx.delete(outbox).where(inArray(outbox.subjectRef, done.slice(i, i + 500)));
    return { appointments: apps.length, homeVisits: visits.length, referrals: refs.length, deviceApplications: applications.length, registrations: regs.length };
  });
}
