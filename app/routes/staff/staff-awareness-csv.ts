import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { TIME_ZONE } from "~/modules/finder/opening-hours";
import { staffAwareness, staffAwarenessCsv } from "~/modules/learning/staff-awareness.server";
import type { Route } from "./+types/staff-awareness-csv";

/** Completion by department and quarter as CSV (";" and a BOM, so Excel in Belgium opens it right). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.manage");
  const db = getDb();
  const csv = staffAwarenessCsv(await staffAwareness(db, municipality.id));
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
  const fileName = `personeel-opleiding-${municipality.slug}-${date}.csv`;
  await recordAudit(db, { actor: session.user, municipalityId: municipality.id, action: "export", entityType: "staff_awareness", after: { format: "csv", fileName } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
