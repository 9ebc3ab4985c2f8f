import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { forbidden, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { insightsCsv, insightsRows, visibleServices } from "~/modules/help-log/insights.server";
import type { Route } from "./+types/insights-csv";

/** The help contacts of the services this person may see (all, or one with ?dienst=), last 12 months, as CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const db = getDb();
  const services = await visibleServices(db, municipality.id, session.assignments);
  const requested = new URL(request.url).searchParams.get("dienst");
  const ids = requested ? services.filter((s) => s.id === requested).map((s) => s.id) : services.map((s) => s.id);
  if (ids.length === 0) forbidden();
  const csv = insightsCsv(await insightsRows(db, municipality.id, ids));
  const fileName = `hulpvragen-per-dienst-${municipality.slug}-${brusselsDate()}.csv`;
  await recordAudit(db, {
    actor: session.user,
    municipalityId: municipality.id,
    action: "export",
    entityType: "help_insights",
    after: { format: "csv", fileName, services: ids.length },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
