/**
 * The lifecycle of a device in the device bank, and the one function that moves a device from one status to the
 * next. Every other part of the device bank (intake, wiping, reservations, loans, returns, gifts) calls
 * `transitionDevice` inside its own transaction, so the step, its log line and the change that caused it land
 * together or not at all.
 *
 * Guards, in two layers:
 * - here: only the steps in ALLOWED_STEPS; the wipe step needs a method and a reference (certificate number);
 * - in the database: a device that is wiped/ready/reserved/on loan/gifted must have `wiped = true` (CHECK
 *   device_wiped_before_use), and every wipe event carries its evidence (CHECK device_wipe_evidence). Coming in
 *   (received) or coming back (returned) sets `wiped = false`, so a device is never handed out unwiped.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceEvents, devices } from "~/db/schema";
import { recordAudit } from "~/modules/auth/audit.server";
import type { Actor } from "~/modules/offer/help-points.server";

export type DeviceStatus = (typeof devices.$inferSelect)["status"];

/** From each status, the statuses a device may move to. */
export const ALLOWED_STEPS: Record<DeviceStatus, readonly DeviceStatus[]> = {
  received: ["wiped", "in_repair", "retired"],
  wiped: ["ready", "in_repair", "retired"],
  ready: ["reserved", "on_loan", "in_repair", "retired"],
  reserved: ["on_loan", "ready"],
  on_loan: ["returned", "gifted"],
  returned: ["wiped", "in_repair", "retired"],
  in_repair: ["wiped", "ready", "retired"],
  retired: [],
  gifted: [],
};

/** Plain Dutch names of the statuses, for staff pages. */
export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = {
  received: "Ontvangen, nog niet gewist",
  wiped: "Gewist",
  ready: "Klaar om uit te lenen",
  reserved: "Gereserveerd",
  on_loan: "Uitgeleend",
  returned: "Teruggebracht, nog niet gewist",
  in_repair: "In herstelling",
  retired: "Afgevoerd",
  gifted: "Geschonken aan de bewoner",
};

export interface TransitionDetails {
  wipeMethod?: string | null;
  wipeReference?: string | null;
  note?: string | null;
}

export type TransitionResult =
  | { ok: true; from: DeviceStatus; to: DeviceStatus }
  | { ok: false; error: "unknown" | "not-allowed" | "not-wiped" | "wipe-evidence"; from?: DeviceStatus; message: string };

/** Why a step is refused, in words a device officer understands. */
function refusal(from: DeviceStatus, to: DeviceStatus): string {
  if ((to === "on_loan" || to === "reserved" || to === "ready") && (from === "received" || from === "returned")) {
    return "Dit toestel is nog niet gewist. Wis het eerst en noteer hoe (methode en referentie of certificaat).";
  }
  return `Een toestel met status "${DEVICE_STATUS_LABELS[from]}" kan niet naar "${DEVICE_STATUS_LABELS[to]}".`;
}

/**
 * Move one device to `to`. Locks the device row, checks the step, updates status/wiped/last seen, and logs the
 * step (device_events) and the staff change (audit log). Call it inside a transaction (`db` may be a tx).
 */
export async function transitionDevice(
  db: Db,
  deviceId: string,
  to: DeviceStatus,
  actor: Actor | null,
  details: TransitionDetails = {},
  now: Date = new Date(),
): Promise<TransitionResult> {
  const [device] = await db
    .select({ id: devices.id, status: devices.status, wiped: devices.wiped, municipalityId: devices.municipalityId, assetTag: devices.assetTag })
    .from(devices)
    .where(eq(devices.id, deviceId))
    .for("update");
  if (!device) return { ok: false, error: "unknown", message: "Dit toestel bestaat niet." };
  const from = device.status;
  if (!ALLOWED_STEPS[from].includes(to)) return { ok: false, error: "not-allowed", from, message: refusal(from, to) };

  const wipeMethod = details.wipeMethod?.trim() || null;
  const wipeReference = details.wipeReference?.trim() || null;
  if (to === "wiped" && (!wipeMethod || !wipeReference)) {
    return { ok: false, error: "wipe-evidence", from, message: "Vul de wismethode én de referentie of het certificaatnummer in." };
  }
  const wiped = to === "wiped" ? true : to === "returned" || to === "received" ? false : device.wiped;
  if (!wiped && ["ready", "reserved", "on_loan", "gifted"].includes(to)) {
    return { ok: false, error: "not-wiped", from, message: "Dit toestel is nog niet gewist. Wis het eerst en noteer hoe (methode en referentie of certificaat)." };
  }

  await db
    .update(devices)
    .set({ status: to, wiped, lastSeenAt: now, updatedAt: now })
    .where(eq(devices.id, deviceId));
  await db.insert(deviceEvents).values({
    deviceId,
    fromStatus: from,
    toStatus: to,
    userId: actor?.id ?? null,
    wipeMethod: to === "wiped" ? wipeMethod : null,
    wipeReference: to === "wiped" ? wipeReference : null,
    note: details.note?.trim() || null,
    at: now,
  });
  await recordAudit(db, {
    actor,
    municipalityId: device.municipalityId,
    action: "device.transition",
    entityType: "device",
    entityId: deviceId,
    before: { status: from },
    after: { status: to, assetTag: device.assetTag, ...(to === "wiped" ? { wipeMethod, wipeReference } : {}) },
  });
  return { ok: true, from, to };
}

/** Mark a device as seen (scanned or checked at the shelf) without changing its status: resets the audit flag. */
export async function markDeviceSeen(db: Db, deviceId: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, deviceId)).returning({ id: devices.id });
  return rows.length > 0;
}

/**
 * SQL for "not seen within the municipality's audit period" (default 180 days), for stock lists. The outer column is
 * written out in full: in a select list of a one-table query Drizzle renders `${devices.municipalityId}` unqualified,
 * and inside the subquery that would silently mean `s.municipality_id`.
 */
export const NOT_SEEN_SQL = sql<boolean>`"devices"."last_seen_at" < now() - make_interval(days => coalesce((select s.audit_period_days from device_bank_settings s where s.municipality_id = "devices"."municipality_id"), 180))`;
