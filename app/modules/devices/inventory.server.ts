/**
 * The device bank's inventory: stock per kind, status and location, one device with its history, steps through
 * the lifecycle (one device, or "wipe these devices" for a batch), and the shelf check ("seen").
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceEvents, devices, donations, helpPoints, organizations, users } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import type { Actor } from "~/modules/offer/help-points.server";
import { isUuid } from "~/modules/offer/help-points.server";
import type { DeviceKind } from "./donation-schema";
import { NOT_SEEN_SQL, transitionDevice, type DeviceStatus, type TransitionResult } from "./lifecycle.server";

/** Not seen within the audit period, for devices that should be on a shelf (not on loan, given or retired). */
const NOT_SEEN_ON_SHELF = sql<boolean>`(${NOT_SEEN_SQL} and ${devices.status} not in ('on_loan', 'gifted', 'retired'))`;

export const DEVICE_STATUSES = devices.status.enumValues;
export const isDeviceStatus = (v: unknown): v is DeviceStatus => typeof v === "string" && (DEVICE_STATUSES as readonly string[]).includes(v);

/** "none" = no home location. */
export interface StockFilters {
  kind?: DeviceKind | null;
  status?: DeviceStatus | null;
  location?: string | "none" | null;
  notSeen?: boolean;
}

function stockWhere(municipalityId: string, filters: StockFilters): SQL | undefined {
  const conditions: SQL[] = [eq(devices.municipalityId, municipalityId)];
  if (filters.kind) conditions.push(eq(devices.kind, filters.kind));
  if (filters.status) conditions.push(eq(devices.status, filters.status));
  if (filters.location === "none") conditions.push(isNull(devices.homeHelpPointId));
  else if (filters.location && isUuid(filters.location)) conditions.push(eq(devices.homeHelpPointId, filters.location));
  if (filters.notSeen) conditions.push(NOT_SEEN_ON_SHELF);
  return and(...conditions);
}

/** The devices matching the filters, with their location and whether they are overdue for a shelf check. */
export function listDevices(db: Db, municipalityId: string, filters: StockFilters = {}, limit = 500) {
  return db
    .select({
      id: devices.id,
      assetTag: devices.assetTag,
      kind: devices.kind,
      make: devices.make,
      model: devices.model,
      status: devices.status,
      condition: devices.condition,
      location: helpPoints.name,
      lastSeenAt: devices.lastSeenAt,
      notSeen: sql<boolean>`${NOT_SEEN_ON_SHELF}`.mapWith(Boolean),
    })
    .from(devices)
    .leftJoin(helpPoints, eq(helpPoints.id, devices.homeHelpPointId))
    .where(stockWhere(municipalityId, filters))
    .orderBy(asc(devices.assetTag))
    .limit(limit);
}

/** Number of devices per kind, location and status (for the stock table), for the same filters. */
export function stockCounts(db: Db, municipalityId: string, filters: StockFilters = {}) {
  return db
    .select({
      kind: devices.kind,
      locationId: devices.homeHelpPointId,
      location: helpPoints.name,
      status: devices.status,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(devices)
    .leftJoin(helpPoints, eq(helpPoints.id, devices.homeHelpPointId))
    .where(stockWhere(municipalityId, filters))
    .groupBy(devices.kind, devices.homeHelpPointId, helpPoints.name, devices.status);
}

/** Help points of the municipality, to choose a device's home location. */
export function locationOptions(db: Db, municipalityId: string) {
  return db.select({ id: helpPoints.id, name: helpPoints.name }).from(helpPoints).where(eq(helpPoints.municipalityId, municipalityId)).orderBy(asc(helpPoints.name));
}

export async function getDevice(db: Db, municipalityId: string, deviceId: string) {
  if (!isUuid(deviceId)) return null;
  const [device] = await db
    .select({
      id: devices.id,
      assetTag: devices.assetTag,
      kind: devices.kind,
      make: devices.make,
      model: devices.model,
      serial: devices.serial,
      specs: devices.specs,
      keyboardLayout: devices.keyboardLayout,
      accessories: devices.accessories,
      source: devices.source,
      donationId: devices.donationId,
      donorName: organizations.name,
      homeHelpPointId: devices.homeHelpPointId,
      location: helpPoints.name,
      condition: devices.condition,
      status: devices.status,
      wiped: devices.wiped,
      lastSeenAt: devices.lastSeenAt,
      notSeen: sql<boolean>`${NOT_SEEN_ON_SHELF}`.mapWith(Boolean),
      createdAt: devices.createdAt,
    })
    .from(devices)
    .leftJoin(helpPoints, eq(helpPoints.id, devices.homeHelpPointId))
    .leftJoin(donations, eq(donations.id, devices.donationId))
    .leftJoin(organizations, eq(organizations.id, donations.donorOrganizationId))
    .where(and(eq(devices.id, deviceId), eq(devices.municipalityId, municipalityId)));
  if (!device) return null;
  const history = await db
    .select({
      id: deviceEvents.id,
      from: deviceEvents.fromStatus,
      to: deviceEvents.toStatus,
      who: users.name,
      wipeMethod: deviceEvents.wipeMethod,
      wipeReference: deviceEvents.wipeReference,
      note: deviceEvents.note,
      at: deviceEvents.at,
    })
    .from(deviceEvents)
    .leftJoin(users, eq(users.id, deviceEvents.userId))
    .where(eq(deviceEvents.deviceId, deviceId))
    .orderBy(desc(deviceEvents.at), desc(deviceEvents.id));
  return { ...device, history };
}

/** Steps staff take by hand on the device page; reservations, loans, returns and gifts go through lending. */
export const MANUAL_STEPS: readonly DeviceStatus[] = ["wiped", "ready", "in_repair", "retired"];

/** One manual step for a device of this municipality, in its own transaction. */
export async function stepDevice(
  db: Db,
  municipalityId: string,
  deviceId: string,
  to: DeviceStatus,
  actor: Actor,
  details: { wipeMethod?: string | null; wipeReference?: string | null; note?: string | null } = {},
  now: Date = new Date(),
): Promise<TransitionResult> {
  if (!MANUAL_STEPS.includes(to)) return { ok: false, error: "not-allowed", message: "Deze stap zet u via uitlenen, niet hier." };
  return db.transaction(async (tx) => {
    const [device] = await tx.select({ id: devices.id }).from(devices).where(and(eq(devices.id, deviceId), eq(devices.municipalityId, municipalityId)));
    if (!device) return { ok: false, error: "unknown", message: "Dit toestel bestaat niet." } as const;
    return transitionDevice(tx, deviceId, to, actor, details, now);
  });
}

export type BulkWipeResult = { ok: true; count: number } | { ok: false; errors: Record<string, string> };

/**
 * "Wipe these devices": the same method for all, each with its own reference or one batch certificate. All or
 * nothing: when one device cannot be wiped, none is. Errors are keyed `ref-<deviceId>` (or `method`, `devices`).
 */
export async function wipeDevices(
  db: Db,
  municipalityId: string,
  input: { deviceIds: string[]; method: string; references: Record<string, string>; batchCertificate?: string | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<BulkWipeResult> {
  const method = input.method.trim();
  const batch = input.batchCertificate?.trim() || null;
  const ids = [...new Set(input.deviceIds.filter(isUuid))];
  const errors: Record<string, string> = {};
  if (ids.length === 0) errors.devices = "Kies de toestellen die gewist zijn.";
  if (!method) errors.method = "Vul de wismethode in, bijvoorbeeld Blancco of een fabrieksreset met versleuteling.";
  else if (method.length > 120) errors.method = "Te lang: hoogstens 120 tekens.";
  if (batch && batch.length > 120) errors.batchCertificate = "Te lang: hoogstens 120 tekens.";
  for (const id of ids) {
    const ref = input.references[id]?.trim() || batch;
    if (!ref) errors[`ref-${id}`] = "Vul de referentie van dit toestel in, of één certificaatnummer voor de hele reeks.";
    else if (ref.length > 120) errors[`ref-${id}`] = "Te lang: hoogstens 120 tekens.";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  try {
    await db.transaction(async (tx) => {
      const found = await tx.select({ id: devices.id }).from(devices).where(and(inArray(devices.id, ids), eq(devices.municipalityId, municipalityId)));
      if (found.length !== ids.length) throw new WipeRefused({ devices: "Een van de gekozen toestellen bestaat niet." });
      const failed: Record<string, string> = {};
      for (const id of ids) {
        const result = await transitionDevice(tx, id, "wiped", actor, { wipeMethod: method, wipeReference: input.references[id]?.trim() || batch }, now);
        if (!result.ok) failed[`ref-${id}`] = result.message;
      }
      if (Object.keys(failed).length) throw new WipeRefused(failed);
    });
  } catch (error) {
    if (error instanceof WipeRefused) return { ok: false, errors: error.errors };
    throw error;
  }
  return { ok: true, count: ids.length };
}

/** Several wiped devices become ready to lend at once; all or nothing. Errors are keyed `ready-<deviceId>`. */
export async function readyDevices(db: Db, municipalityId: string, deviceIds: string[], actor: Actor, now: Date = new Date()): Promise<BulkWipeResult> {
  const ids = [...new Set(deviceIds.filter(isUuid))];
  if (ids.length === 0) return { ok: false, errors: { ready: "Kies de toestellen die klaar zijn om uit te lenen." } };
  try {
    await db.transaction(async (tx) => {
      const found = await tx.select({ id: devices.id }).from(devices).where(and(inArray(devices.id, ids), eq(devices.municipalityId, municipalityId)));
      if (found.length !== ids.length) throw new WipeRefused({ ready: "Een van de gekozen toestellen bestaat niet." });
      const failed: Record<string, string> = {};
      for (const id of ids) {
        const result = await transitionDevice(tx, id, "ready", actor, {}, now);
        if (!result.ok) failed[`ready-${id}`] = result.message;
      }
      if (Object.keys(failed).length) throw new WipeRefused(failed);
    });
  } catch (error) {
    if (error instanceof WipeRefused) return { ok: false, errors: error.errors };
    throw error;
  }
  return { ok: true, count: ids.length };
}

class WipeRefused extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("wipe refused");
  }
}

/** "Gezien": the device is on the shelf; resets the not-seen flag. Logged. */
export async function deviceSeen(db: Db, municipalityId: string, deviceId: string, actor: Actor, now: Date = new Date()): Promise<boolean> {
  if (!isUuid(deviceId)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(devices)
      .set({ lastSeenAt: now })
      .where(and(eq(devices.id, deviceId), eq(devices.municipalityId, municipalityId)))
      .returning({ id: devices.id, assetTag: devices.assetTag });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actor, municipalityId, action: "device.seen", entityType: "device", entityId: deviceId, after: { assetTag: rows[0].assetTag } });
    return true;
  });
}

/** Change where a device lives and its condition. */
export async function updateDeviceDetails(
  db: Db,
  municipalityId: string,
  deviceId: string,
  input: { homeHelpPointId: string | null; condition: (typeof devices.condition.enumValues)[number]; accessories: string | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  if (input.homeHelpPointId) {
    const [point] = isUuid(input.homeHelpPointId)
      ? await db.select({ id: helpPoints.id }).from(helpPoints).where(and(eq(helpPoints.id, input.homeHelpPointId), eq(helpPoints.municipalityId, municipalityId)))
      : [];
    if (!point) return { ok: false, errors: { homeHelpPointId: "Kies een hulppunt uit de lijst." } };
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ homeHelpPointId: devices.homeHelpPointId, condition: devices.condition, accessories: devices.accessories })
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.municipalityId, municipalityId)))
      .for("update");
    if (!before) return { ok: false as const, errors: { form: "Dit toestel bestaat niet." } };
    await tx.update(devices).set({ ...input, lastSeenAt: now, updatedAt: now }).where(eq(devices.id, deviceId));
    await recordAudit(tx, { actor, municipalityId, action: "device.update", entityType: "device", entityId: deviceId, before, after: input });
    return { ok: true as const };
  });
}
