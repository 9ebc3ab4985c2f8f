/** One person's data as a JSON download (a resource route, so the browser saves the file). Audit-logged. */
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { exportPersonData } from "~/modules/privacy/privacy.server";
import type { Route } from "./+types/privacy-export";

export async function loader() {
  throw new Response("Kies de gegevens op de privacypagina en klik op Exporteren.", { status: 405 });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "privacy.manage");
  const form = await readStaffForm(request, session);
  const selected = form.getAll("records").map(String);
  if (selected.length === 0) throw new Response("Kies minstens één gegeven om te exporteren. Ga terug en probeer opnieuw.", { status: 400 });
  const { document } = await exportPersonData(getDb(), municipality.id, selected, { id: session.user.id, email: session.user.email });
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="digibrug-gegevens-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
