/**
 * Help at home for people who cannot travel: the request (public page or staff), planning by a coordinator
 * (digihelper and time, SMS to a mobile number and a printable letter), and closing it through the help log.
 * Personal data is erased by the retention job after `lastActivityAt`; every change moves it.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { homeVisits, municipalities, roleAssignments, topics, users } from "~/db/schema";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage, translated, type Language } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { brusselsInstant } from "~/modules/learning/catalogue.server";
import { formatClock, formatDateTime, formatLongDate } from "~/modules/learning/registration-format";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { newCode, pgError } from "~/modules/shared/secrets.server";
import { insertOnce } from "~/modules/shared/submission.server";
import type { HomeVisitInput } from "./schema";

export { REQUESTER_LABELS, STATUS_LABELS } from "./labels";

export type HomeVisitStatus = (typeof homeVisits.$inferSelect)["status"];
export type HomeVisitRow = typeof homeVisits.$inferSelect;

export interface Actor {
  id: string;
  email: string;
}

/** The mobile number a message about the visit goes to: the resident's, else the requester's. */
function mobileFor(visit: Pick<HomeVisitRow, "phone" | "requesterPhone">): string | null {
  if (visit.phone && isMobileNumber(visit.phone)) return visit.phone;
  if (visit.requesterPhone && isMobileNumber(visit.requesterPhone)) return visit.requesterPhone;
  return null;
}

async function municipalityPhone(db: Db, municipalityId: string): Promise<{ name: string; phone: string }> {
  const [m] = await db
    .select({ name: municipalities.name, phone: municipalities.phone })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return { name: m?.name ?? "", phone: m?.phone ?? "" };
}

export type CreateResult = { ok: true; id: string; code: string } | { ok: false; errors: Record<string, string> };

/**
 * A new request, from the public page (actor null) or entered by staff. The resident (or the requester) gets an
 * SMS with the code when there is a mobile number. The same form sent twice (same `submissionKey`) is one request:
 * the second answer is the first request and its code, with no second SMS or audit entry.
 */
export async function createHomeVisit(
  db: Db,
  municipalityId: string,
  input: HomeVisitInput,
  options: { language?: string; actor?: Actor | null; now?: Date; submissionKey?: string | null } = {},
): Promise<CreateResult> {
  let topicId: string | null = null;
  if (input.topic) {
    const [topic] = isUuid(input.topic)
      ? await db
          .select({ id: topics.id })
          .from(topics)
          .where(and(eq(topics.id, input.topic), eq(topics.municipalityId, municipalityId)))
      : [];
    if (!topic) return { ok: false, errors: { topic: "homeVisit.errors.topic" } };
    topicId = topic.id;
  }
  const language = isLanguage(options.language) ? options.language : DEFAULT_LANGUAGE;
  const now = options.now ?? new Date();
  const actor = options.actor ?? null;
  const city = await municipalityPhone(db, municipalityId);
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    try {
      const created = await db.transaction(async (tx) => {
        const { row, repeated } = await insertOnce(tx as unknown as Db, homeVisits, {
          municipalityId,
          requesterKind: input.requesterKind,
          topicId,
          postcode: input.postcode,
          residentName: input.residentName,
          address: input.address,
          phone: input.phone,
          requesterName: input.requesterKind === "resident" ? null : input.requesterName,
          requesterPhone: input.requesterKind === "resident" ? null : input.requesterPhone,
          requesterOrganization: input.requesterKind === "social_worker" ? input.requesterOrganization : null,
          whenSuits: input.whenSuits,
          whyNoTravel: input.whyNoTravel,
          language,
          code,
          createdByUserId: actor?.id ?? null,
          lastActivityAt: now,
          createdAt: now,
          submissionKey: options.submissionKey ?? null,
        });
        // Sent before: that request and its code stand; no second SMS, no second audit entry.
        if (repeated) return { id: row.id, code: row.code };
        const mobile = mobileFor(row);
        if (mobile) {
          await enqueueMessage(tx as unknown as Db, {
            municipalityId,
            to: { phone: mobile },
            language,
            template: "homeVisitReceived",
            params: { code, phone: city.phone, municipality: city.name },
            subjectRef: `home_visit:${row.id}`,
          });
        }
        if (actor)
          await recordAudit(tx as unknown as Db, {
            actor,
            municipalityId,
            action: "home_visit.create",
            entityType: "home_visit",
            entityId: row.id,
            after: { code, postcode: row.postcode },
          });
        return { id: row.id, code };
      });
      return { ok: true, ...created };
    } catch (error) {
      if (pgError(error).code === "23505" && attempt < 3) continue;
      throw error;
    }
  }
}

export interface HomeVisitListItem {
  id: string;
  status: HomeVisitStatus;
  code: string;
  postcode: string | null;
  residentName: string | null;
  topic: string | null;
  scheduledAt: Date | null;
  helperName: string | null;
  createdAt: Date;
}

/** Visits of the municipality with these statuses; only those assigned to `assignedTo` when given (a digihelper's own). */
export async function listHomeVisits(db: Db, municipalityId: string, statuses: HomeVisitStatus[], assignedTo?: string): Promise<HomeVisitListItem[]> {
  const rows = await db
    .select({
      id: homeVisits.id,
      status: homeVisits.status,
      code: homeVisits.code,
      postcode: homeVisits.postcode,
      residentName: homeVisits.residentName,
      topic: topics.name,
      scheduledAt: homeVisits.scheduledAt,
      helperName: users.name,
      createdAt: homeVisits.createdAt,
    })
    .from(homeVisits)
    .leftJoin(topics, eq(topics.id, homeVisits.topicId))
    .leftJoin(users, eq(users.id, homeVisits.assignedUserId))
    .where(
      and(
        eq(homeVisits.municipalityId, municipalityId),
        inArray(homeVisits.status, statuses),
        assignedTo ? eq(homeVisits.assignedUserId, assignedTo) : undefined,
      ),
    )
    .orderBy(sql`${homeVisits.scheduledAt} NULLS FIRST`, desc(homeVisits.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    topic: r.topic ? translated(r.topic, "nl") : null,
  }));
}

export async function getHomeVisit(db: Db, municipalityId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ visit: homeVisits, topic: topics.name, helperName: users.name })
    .from(homeVisits)
    .leftJoin(topics, eq(topics.id, homeVisits.topicId))
    .leftJoin(users, eq(users.id, homeVisits.assignedUserId))
    .where(and(eq(homeVisits.id, id), eq(homeVisits.municipalityId, municipalityId)));
  if (!row) return null;
  return {
    ...row.visit,
    topicName: row.topic ? translated(row.topic, "nl") : null,
    helperName: row.helperName,
  };
}

/** Staff who can go on a home visit: digihelpers, organisation managers and coordinators of the municipality. */
export async function helperOptions(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(eq(roleAssignments.municipalityId, municipalityId), inArray(roleAssignments.role, ["digihelper", "organization_manager", "coordinator"])),
    )
    .orderBy(asc(users.name));
  return rows;
}

export const firstName = (name: string | null | undefined) => (name ?? "").trim().split(/\s+/)[0] ?? "";

export type PlanResult = { ok: true; sms: boolean } | { ok: false; field: string; message: string };

/**
 * Assign a digihelper and a time (also to move a planned visit). The resident gets an SMS when a mobile number
 * is known; the letter page is always there to print.
 */
export async function planHomeVisit(
  db: Db,
  municipalityId: string,
  id: string,
  input: { assignedUserId: string; date: string; time: string },
  actor: Actor,
  now: Date = new Date(),
): Promise<PlanResult> {
  const helpers = await helperOptions(db, municipalityId);
  const helper = helpers.find((h) => h.id === input.assignedUserId);
  if (!helper)
    return {
      ok: false,
      field: "assignedUserId",
      message: "Kies een digihelper uit de lijst.",
    };
  const scheduledAt = brusselsInstant(input.date, input.time);
  if (Number.isNaN(scheduledAt.getTime())) return { ok: false, field: "date", message: "Vul een bestaande datum in." };
  if (scheduledAt.getTime() < now.getTime())
    return {
      ok: false,
      field: "date",
      message: "Kies een moment in de toekomst.",
    };
  const city = await municipalityPhone(db, municipalityId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(homeVisits)
      .where(and(eq(homeVisits.id, id), eq(homeVisits.municipalityId, municipalityId)))
      .for("update");
    if (!before || before.erasedAt)
      return {
        ok: false as const,
        field: "form",
        message: "Dit huisbezoek bestaat niet meer.",
      };
    if (before.status !== "requested" && before.status !== "planned") {
      return {
        ok: false as const,
        field: "form",
        message: `Dit huisbezoek is al ${before.status === "done" ? "gedaan" : "geannuleerd"}.`,
      };
    }
    const [after] = await tx
      .update(homeVisits)
      .set({
        status: "planned",
        assignedUserId: helper.id,
        scheduledAt,
        lastActivityAt: now,
      })
      .where(eq(homeVisits.id, id))
      .returning();
    const mobile = mobileFor(after);
    const lang = (isLanguage(after.language) ? after.language : DEFAULT_LANGUAGE) as Language;
    if (mobile) {
      await enqueueMessage(tx as unknown as Db, {
        municipalityId,
        to: { phone: mobile },
        language: lang,
        template: before.status === "planned" ? "homeVisitMoved" : "homeVisitPlanned",
        params: {
          date: formatLongDate(scheduledAt, lang),
          time: formatClock(scheduledAt, lang),
          helper: firstName(helper.name),
          phone: city.phone,
          code: after.code,
        },
        subjectRef: `home_visit:${id}`,
      });
    }
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "home_visit.plan",
      entityType: "home_visit",
      entityId: id,
      before: {
        status: before.status,
        assignedUserId: before.assignedUserId,
        scheduledAt: before.scheduledAt,
      },
      after: {
        status: after.status,
        assignedUserId: after.assignedUserId,
        scheduledAt: after.scheduledAt,
      },
    });
    return { ok: true as const, sms: Boolean(mobile) };
  });
}

export async function cancelHomeVisit(
  db: Db,
  municipalityId: string,
  id: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ ok: boolean; message?: string }> {
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(homeVisits)
      .set({ status: "cancelled", lastActivityAt: now })
      .where(and(eq(homeVisits.id, id), eq(homeVisits.municipalityId, municipalityId), inArray(homeVisits.status, ["requested", "planned"])))
      .returning({ id: homeVisits.id });
    if (!after)
      return {
        ok: false,
        message: "Dit huisbezoek kan niet meer geannuleerd worden.",
      };
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: "home_visit.cancel",
      entityType: "home_visit",
      entityId: id,
      after: { status: "cancelled" },
    });
    return { ok: true };
  });
}

/** A staff member opened the personal data of a visit: logged, and the visit counts as active. */
export async function recordHomeVisitView(
  db: Db,
  municipalityId: string,
  id: string,
  actor: Actor,
  what: "view" | "letter",
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAudit(tx as unknown as Db, {
      actor,
      municipalityId,
      action: `home_visit.${what}`,
      entityType: "home_visit",
      entityId: id,
    });
    await tx
      .update(homeVisits)
      .set({ lastActivityAt: now })
      .where(and(eq(homeVisits.id, id), sql`${homeVisits.erasedAt} IS NULL`));
  });
}

/** The printable letter in the resident's language: plain words, date and time, the helper's first name, a phone. */
export function letterTexts(
  visit: Pick<HomeVisitRow, "language" | "scheduledAt" | "residentName" | "code">,
  helperName: string | null,
  city: { name: string; phone: string },
) {
  const lang = (isLanguage(visit.language) ? visit.language : DEFAULT_LANGUAGE) as Language;
  const t = i18nFor(lang).t;
  const at = visit.scheduledAt ?? new Date();
  const params = {
    name: visit.residentName ?? "",
    date: formatLongDate(at, lang),
    time: formatClock(at, lang),
    helper: firstName(helperName),
    phone: city.phone,
    municipality: city.name,
    code: visit.code,
  };
  return {
    lang,
    title: t("homeVisit.letter.title", params),
    greeting: t("homeVisit.letter.greeting", params),
    intro: t("homeVisit.letter.intro", params),
    whenLabel: t("homeVisit.letter.when"),
    when: formatDateTime(at, lang),
    whoLabel: t("homeVisit.letter.who"),
    who: t("homeVisit.letter.whoText", params),
    prepare: t("homeVisit.letter.prepare", params),
    change: t("homeVisit.letter.change", params),
    codeLabel: t("homeVisit.letter.code"),
    code: visit.code,
    closing: t("homeVisit.letter.closing", params),
  };
}

export { municipalityPhone };

/** Whether a code belongs to a request in this municipality (the confirmation page shows nothing else). */
export async function homeVisitCodeExists(db: Db, municipalityId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: homeVisits.id })
    .from(homeVisits)
    .where(and(eq(homeVisits.code, code), eq(homeVisits.municipalityId, municipalityId)));
  return Boolean(row);
}
