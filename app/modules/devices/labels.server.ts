/**
 * Printable asset labels: the asset tag in large type and a QR code that holds the address of the device's staff
 * page, so a scan at the shelf opens the device. The QR code is rendered on the server as SVG (no client script).
 */
import QRCode from "qrcode";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { devices } from "~/db/schema";
import type { DeviceKind } from "./donation-schema";

export function devicePagePath(municipalitySlug: string, deviceId: string): string {
  return `/beheer/${municipalitySlug}/toestellen/${deviceId}`;
}

/** An SVG QR code (no fixed size: it fills its box), with a title for screen readers. */
export async function qrSvg(text: string, title: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return svg
    .replace(/\swidth="[^"]*"/, "")
    .replace(/\sheight="[^"]*"/, "")
    .replace("<svg ", `<svg role="img" aria-label="${escaped.replace(/"/g, "&quot;")}" focusable="false" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${escaped}</title>`);
}

export interface DeviceLabel {
  id: string;
  assetTag: string;
  kind: DeviceKind;
  make: string | null;
  model: string | null;
  url: string;
  svg: string;
}

/** Labels for these devices (of one municipality), in asset-tag order. */
export async function deviceLabels(db: Db, municipality: { id: string; slug: string }, deviceIds: string[], baseUrl: string): Promise<DeviceLabel[]> {
  if (deviceIds.length === 0) return [];
  const rows = await db
    .select({ id: devices.id, municipalityId: devices.municipalityId, assetTag: devices.assetTag, kind: devices.kind, make: devices.make, model: devices.model })
    .from(devices)
    .where(inArray(devices.id, deviceIds))
    .orderBy(asc(devices.assetTag));
  return Promise.all(
    rows
      .filter((r) => r.municipalityId === municipality.id)
      .map(async (r) => {
        const url = `${baseUrl}${devicePagePath(municipality.slug, r.id)}`;
        return { id: r.id, assetTag: r.assetTag, kind: r.kind, make: r.make, model: r.model, url, svg: await qrSvg(url, `QR-code voor toestel ${r.assetTag}`) };
      }),
  );
}

/** The ids of a donation's devices. */
export async function donationDeviceIds(db: Db, donationId: string): Promise<string[]> {
  const rows = await db.select({ id: devices.id }).from(devices).where(eq(devices.donationId, donationId));
  return rows.map((r) => r.id);
}
