import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { TIME_ZONE } from "~/modules/finder/opening-hours";
import { exportHelpPointsCsv } from "~/modules/offer/csv.server";
import type { Route } from "./+types/export-csv";

/** All help points of the municipality as a CSV file in the import format. Staff access to data: audited. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.manage");
  const db = getDb();
  const csv = await exportHelpPointsCsv(db, municipality.id);
  // en-CA writes dates as YYYY-MM-DD; the date is the one in Belgium.
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
  const fileName = `hulppunten-${municipality.slug}-${date}.csv`;
  await recordAudit(db, {
    actor: session.user,
    municipalityId: municipality.id,
    action: "export",
    entityType: "help_point",
    after: { format: "csv", fileName },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
