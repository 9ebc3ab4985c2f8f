/**
 * Donations to the device bank: a company or organisation pledges devices (public form or staff), staff receive the
 * batch and register each device with an automatic asset tag, and the donor follows the impact of the donation on
 * a secret page (counts only, never anything about the residents who borrowed the devices).
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceEvents, deviceLoans, devices, donations, helpPoints, municipalities, organizations } from "~/db/schema";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages";
import { recordAudit } from "~/modules/auth/audit.server";
import { enqueueMessage } from "~/modules/notifications/outbox.server";
import type { Actor } from "~/modules/offer/help-points.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { appBaseUrl, hashToken, isTokenFormat, newToken, pgError } from "~/modules/shared/secrets.server";
import { firstSent, insertOnce } from "~/modules/shared/submission.server";
import { serialKey, type IntakeRow, type PledgeInput } from "./donation-schema";

export type DonationStatus = (typeof donations.$inferSelect)["status"];

export function impactPath(municipalitySlug: string, lang: string, token: string): string {
  return `/${municipalitySlug}/${lang}/schenking/${token}`;
}

/** "ANT" for antwerpen, "HAS" for hasselt: the asset tag prefix of a municipality. */
export function assetTagPrefix(slug: string): string {
  const letters = slug.normalize("NFKD").replace(/[^a-zA-Z]/g, "").toUpperCase();
  return (letters + "XXX").slice(0, 3);
}

export const formatAssetTag = (prefix: string, n: number) => `${prefix}-${String(n).padStart(5, "0")}`;

type Tx = Db;

/**
 * Reserve `n` consecutive asset tags for a municipality. Locks the municipality row (FOR NO KEY UPDATE: inserts that
 * reference it still go through), so two intakes at once take turns and never pick the same number; the unique
 * constraint device_asset_tag backs this up. Call inside the transaction that inserts the devices.
 */
export async function reserveAssetTags(tx: Tx, municipalityId: string, n: number): Promise<string[]> {
  const [m] = await tx.select({ slug: municipalities.slug }).from(municipalities).where(eq(municipalities.id, municipalityId)).for("no key update");
  if (!m) throw new Error("Unknown municipality");
  const prefix = assetTagPrefix(m.slug);
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(substring(${devices.assetTag} from '-([0-9]+)$')::int), 0)`.mapWith(Number) })
    .from(devices)
    .where(eq(devices.municipalityId, municipalityId));
  return Array.from({ length: n }, (_, i) => formatAssetTag(prefix, row.max + i + 1));
}

/** The donor organisation: an existing one with the same name (any case), else a new organisation of type company. */
async function donorOrganization(tx: Tx, municipalityId: string, name: string, contact: { email: string | null; phone: string | null }): Promise<string> {
  const clean = name.trim().replace(/\s+/g, " ");
  const find = () =>
    tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.municipalityId, municipalityId), sql`lower(${organizations.name}) = lower(${clean})`))
      .limit(1);
  const [existing] = await find();
  if (existing) return existing.id;
  const [created] = await tx
    .insert(organizations)
    .values({ municipalityId, name: clean, type: "company", email: contact.email, phone: contact.phone })
    .onConflictDoNothing()
    .returning({ id: organizations.id });
  if (created) return created.id;
  const [again] = await find();
  return again.id;
}

export interface PledgeOptions {
  /** Staff member who typed it in; null on the public form. */
  actor?: Actor | null;
  /** Language of the donor's messages and impact page. */
  language?: string;
  baseUrl?: string;
  now?: Date;
  /** The form's own key: the same form sent twice is one donation (see shared/submission.server.ts). */
  submissionKey?: string | null;
}

/**
 * Record a pledge. Creates or matches the donor organisation, stores only the hash of the impact link, and e-mails
 * the link to the contact person, all in one transaction. Returns the token once, for the redirect. The same form
 * sent twice is one donation: the second answer is the first donation without a token (only the link's hash is
 * stored, so it cannot be shown again; the page says the link is in the e-mail), and nothing is written again.
 */
export async function pledgeDonation(
  db: Db,
  municipalityId: string,
  input: PledgeInput,
  options: PledgeOptions = {},
): Promise<{ ok: true; id: string; token: string | null } | { ok: false; message: string }> {
  const [m] = await db
    .select({ name: municipalities.name, slug: municipalities.slug, languages: municipalities.languages })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  if (!m) return { ok: false, message: "Onbekende gemeente." };
  const language = isLanguage(options.language) ? options.language : DEFAULT_LANGUAGE;
  const linkLang = m.languages.includes(language) ? language : (m.languages[0] ?? DEFAULT_LANGUAGE);
  const { token, hash } = newToken();
  const now = options.now ?? new Date();
  const sentBefore = (row: { id: string }) => ({ id: row.id, token: null });
  const created = await db.transaction(async (tx) => {
    // Sent before (and committed): answer with that donation before anything else is written (a donor organisation).
    const earlier = await firstSent(tx, donations, municipalityId, options.submissionKey);
    if (earlier) return sentBefore(earlier);
    const donorId = await donorOrganization(tx, municipalityId, input.organizationName, { email: input.contactEmail, phone: input.contactPhone });
    const { row, repeated } = await insertOnce(tx, donations, {
      municipalityId,
      donorOrganizationId: donorId,
      pledged: input.pledged,
      minimumSpecs: input.minimumSpecs,
      pickupAddress: input.pickupAddress,
      pickupDate: input.pickupDate,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      note: input.note,
      impactTokenHash: hash,
      createdAt: now,
      submissionKey: options.submissionKey ?? null,
    });
    // Sent at the same moment by a second request: that one's donation stands, nothing more is written.
    if (repeated) return sentBefore(row);
    if (options.actor) {
      await recordAudit(tx, {
        actor: options.actor,
        municipalityId,
        action: "donation.create",
        entityType: "donation",
        entityId: row.id,
        after: { donor: input.organizationName, pledged: input.pledged },
      });
    }
    await enqueueMessage(tx, {
      municipalityId,
      to: { email: input.contactEmail },
      language,
      template: "donationPledged",
      params: {
        name: input.contactName,
        organization: input.organizationName,
        municipality: m.name,
        devices: input.pledged.reduce((sum, p) => sum + p.count, 0),
        link: `${options.baseUrl ?? appBaseUrl()}${impactPath(m.slug, linkLang, token)}`,
      },
      subjectRef: `donation:${row.id}`,
    });
    return { id: row.id, token };
  });
  return { ok: true, ...created };
}

/** A new impact link for a donation (the old one stops working), e-mailed to the contact person. */
export async function resendImpactLink(db: Db, municipalityId: string, donationId: string, actor: Actor, baseUrl: string): Promise<boolean> {
  const donation = await getDonation(db, municipalityId, donationId);
  if (!donation || !donation.contactEmail) return false;
  const [m] = await db.select({ name: municipalities.name, slug: municipalities.slug, languages: municipalities.languages }).from(municipalities).where(eq(municipalities.id, municipalityId));
  const { token, hash } = newToken();
  const lang = m.languages[0] ?? DEFAULT_LANGUAGE;
  await db.transaction(async (tx) => {
    await tx.update(donations).set({ impactTokenHash: hash }).where(eq(donations.id, donationId));
    await recordAudit(tx, { actor, municipalityId, action: "donation.impact_link", entityType: "donation", entityId: donationId });
    await enqueueMessage(tx, {
      municipalityId,
      to: { email: donation.contactEmail },
      language: lang,
      template: "donationImpactLink",
      params: { name: donation.contactName ?? "", organization: donation.donorName, municipality: m.name, link: `${baseUrl}${impactPath(m.slug, lang, token)}` },
      subjectRef: `donation:${donationId}`,
    });
  });
  return true;
}

export async function listDonations(db: Db, municipalityId: string) {
  const deviceCount = db
    .select({ donationId: devices.donationId, n: count().as("n") })
    .from(devices)
    .where(eq(devices.municipalityId, municipalityId))
    .groupBy(devices.donationId)
    .as("device_count");
  return db
    .select({
      id: donations.id,
      status: donations.status,
      donorName: organizations.name,
      pledged: donations.pledged,
      pickupDate: donations.pickupDate,
      createdAt: donations.createdAt,
      receivedAt: donations.receivedAt,
      devices: sql<number>`coalesce(${deviceCount.n}, 0)`.mapWith(Number),
    })
    .from(donations)
    .innerJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .leftJoin(deviceCount, eq(deviceCount.donationId, donations.id))
    .where(eq(donations.municipalityId, municipalityId))
    .orderBy(desc(donations.createdAt));
}

export async function getDonation(db: Db, municipalityId: string, donationId: string) {
  if (!isUuid(donationId)) return null;
  const [row] = await db
    .select({
      id: donations.id,
      municipalityId: donations.municipalityId,
      status: donations.status,
      donorOrganizationId: donations.donorOrganizationId,
      donorName: organizations.name,
      pledged: donations.pledged,
      minimumSpecs: donations.minimumSpecs,
      pickupAddress: donations.pickupAddress,
      pickupDate: donations.pickupDate,
      contactName: donations.contactName,
      contactEmail: donations.contactEmail,
      contactPhone: donations.contactPhone,
      note: donations.note,
      receivedAt: donations.receivedAt,
      createdAt: donations.createdAt,
    })
    .from(donations)
    .innerJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .where(and(eq(donations.id, donationId), eq(donations.municipalityId, municipalityId)));
  return row ?? null;
}

/** The devices of one donation, in asset-tag order. */
export function donationDevices(db: Db, donationId: string) {
  return db
    .select({
      id: devices.id,
      assetTag: devices.assetTag,
      kind: devices.kind,
      make: devices.make,
      model: devices.model,
      serial: devices.serial,
      status: devices.status,
      wiped: devices.wiped,
    })
    .from(devices)
    .where(eq(devices.donationId, donationId))
    .orderBy(asc(devices.assetTag));
}

export type IntakeResult =
  | { ok: true; devices: { id: string; assetTag: string }[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Register a batch of devices (from a donation, or bought): each gets the next asset tag of the municipality,
 * status "received" with a log line, in one transaction. A serial number that is already in the inventory is
 * flagged at its row (`index[i]` is the form row of `rows[i]`).
 */
export async function registerDevices(
  db: Db,
  municipalityId: string,
  source: { donationId: string } | { purchase: true },
  rows: IntakeRow[],
  actor: Actor | null,
  options: { homeHelpPointId?: string | null; index?: number[]; now?: Date } = {},
): Promise<IntakeResult> {
  const now = options.now ?? new Date();
  const rowName = (i: number) => `rows-${options.index?.[i] ?? i}-serial`;
  if (options.homeHelpPointId) {
    const [point] = isUuid(options.homeHelpPointId)
      ? await db.select({ id: helpPoints.id }).from(helpPoints).where(and(eq(helpPoints.id, options.homeHelpPointId), eq(helpPoints.municipalityId, municipalityId)))
      : [];
    if (!point) return { ok: false, errors: { homeHelpPointId: "Kies een hulppunt uit de lijst." } };
  }
  const serials = rows.map((r) => (r.serial ? serialKey(r.serial) : null));
  const known = serials.some(Boolean)
    ? await db
        .select({ serial: devices.serial, assetTag: devices.assetTag })
        .from(devices)
        .where(and(eq(devices.municipalityId, municipalityId), inArray(sql`upper(regexp_replace(${devices.serial}, '\\s+', '', 'g'))`, serials.filter((s): s is string => !!s))))
    : [];
  if (known.length) {
    const errors: Record<string, string> = {};
    for (const k of known) {
      const i = serials.indexOf(serialKey(k.serial ?? ""));
      if (i >= 0) errors[rowName(i)] = `Toestel ${(options.index?.[i] ?? i) + 1}: dit serienummer is al geregistreerd als ${k.assetTag}.`;
    }
    return { ok: false, errors };
  }
  try {
    const created = await db.transaction(async (tx) => {
      if ("donationId" in source) {
        const [donation] = await tx
          .select({ id: donations.id, status: donations.status })
          .from(donations)
          .where(and(eq(donations.id, source.donationId), eq(donations.municipalityId, municipalityId)))
          .for("update");
        if (!donation) throw new IntakeRefused({ form: "Deze schenking bestaat niet." });
        if (donation.status === "cancelled") throw new IntakeRefused({ form: "Deze schenking is geannuleerd." });
        if (donation.status === "pledged") {
          await tx.update(donations).set({ status: "received", receivedAt: now, receivedByUserId: actor?.id ?? null }).where(eq(donations.id, donation.id));
        }
      }
      const tags = await reserveAssetTags(tx, municipalityId, rows.length);
      const inserted = await tx
        .insert(devices)
        .values(
          rows.map((r, i) => ({
            municipalityId,
            assetTag: tags[i],
            kind: r.kind,
            make: r.make,
            model: r.model,
            serial: r.serial,
            specs: r.specs,
            keyboardLayout: r.keyboardLayout,
            condition: r.condition,
            source: "donationId" in source ? ("donation" as const) : ("purchase" as const),
            donationId: "donationId" in source ? source.donationId : null,
            homeHelpPointId: options.homeHelpPointId || null,
            lastSeenAt: now,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: devices.id, assetTag: devices.assetTag });
      await tx.insert(deviceEvents).values(inserted.map((d) => ({ deviceId: d.id, fromStatus: null, toStatus: "received" as const, userId: actor?.id ?? null, at: now })));
      await recordAudit(tx, {
        actor,
        municipalityId,
        action: "device.intake",
        entityType: "donationId" in source ? "donation" : "device",
        entityId: "donationId" in source ? source.donationId : null,
        after: { assetTags: inserted.map((d) => d.assetTag) },
      });
      return inserted;
    });
    return { ok: true, devices: created };
  } catch (error) {
    if (error instanceof IntakeRefused) return { ok: false, errors: error.errors };
    if (pgError(error).constraint === "device_asset_tag") return { ok: false, errors: { form: "Een ander toestel kreeg net hetzelfde nummer. Probeer het opnieuw." } };
    throw error;
  }
}

class IntakeRefused extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("intake refused");
  }
}

export interface DonationImpact {
  received: number;
  wiped: number;
  ready: number;
  lentOut: number;
  onLoanNow: number;
  gifted: number;
  inRepair: number;
  retired: number;
}

/** Counts of what became of a donation's devices. Counts only: no names, no device details, nothing of residents. */
export async function donationImpact(db: Db, donationId: string): Promise<DonationImpact> {
  const [row] = await db
    .select({
      received: count(),
      wiped: sql<number>`count(*) filter (where exists (select 1 from ${deviceEvents} e where e.device_id = devices.id and e.to_status = 'wiped'))`.mapWith(Number),
      ready: sql<number>`count(*) filter (where ${devices.status} in ('wiped', 'ready', 'reserved'))`.mapWith(Number),
      lentOut: sql<number>`count(*) filter (where exists (select 1 from ${deviceLoans} l where l.device_id = devices.id and l.handed_over_at is not null))`.mapWith(Number),
      onLoanNow: sql<number>`count(*) filter (where ${devices.status} = 'on_loan')`.mapWith(Number),
      gifted: sql<number>`count(*) filter (where ${devices.status} = 'gifted')`.mapWith(Number),
      inRepair: sql<number>`count(*) filter (where ${devices.status} = 'in_repair')`.mapWith(Number),
      retired: sql<number>`count(*) filter (where ${devices.status} = 'retired')`.mapWith(Number),
    })
    .from(devices)
    .where(eq(devices.donationId, donationId));
  return row;
}

/** The donor's impact page: the donation behind a secret link, with counts only. */
export async function impactByToken(db: Db, municipalityId: string, token: string) {
  if (!isTokenFormat(token)) return null;
  const [donation] = await db
    .select({ id: donations.id, status: donations.status, donorName: organizations.name, pledged: donations.pledged, createdAt: donations.createdAt, receivedAt: donations.receivedAt })
    .from(donations)
    .innerJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .where(and(eq(donations.impactTokenHash, hashToken(token)), eq(donations.municipalityId, municipalityId)));
  if (!donation) return null;
  const counts = await donationImpact(db, donation.id);
  return {
    donorName: donation.donorName,
    status: donation.status,
    pledged: donation.pledged.reduce((sum, p) => sum + p.count, 0),
    pledgedByKind: donation.pledged,
    createdAt: donation.createdAt,
    receivedAt: donation.receivedAt,
    counts,
  };
}

/** Cancel a pledge that will not come (only before anything was received). */
export async function cancelDonation(db: Db, municipalityId: string, donationId: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(donations)
      .set({ status: "cancelled" })
      .where(and(eq(donations.id, donationId), eq(donations.municipalityId, municipalityId), eq(donations.status, "pledged")))
      .returning({ id: donations.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actor, municipalityId, action: "donation.cancel", entityType: "donation", entityId: donationId, before: { status: "pledged" }, after: { status: "cancelled" } });
    return true;
  });
}
