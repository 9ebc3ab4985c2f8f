import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { findAppointmentByToken } from "~/modules/appointments/appointments.server";
import { ICS_CONTENT_TYPE, sessionsToIcs } from "~/modules/learning/ical.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import type { Route } from "./+types/appointment-ics";

/** One booked appointment as a calendar file. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const found = await findAppointmentByToken(getDb(), municipality.id, params.token ?? "");
  if (!found || found.appointment.status !== "booked") throw new Response("Not found", { status: 404, statusText: "Not found" });
  const a = found.appointment;
  const title = `${found.type ? translated(found.type.name, lang) : ""} — ${found.pointName}`;
  const manageUrl = `${appBaseUrl(request)}/${municipality.slug}/${lang}/afspraak/${params.token}`;
  const ics = sessionsToIcs(
    [{ id: `appointment-${a.id}`, title, description: `${a.code}\n${manageUrl}`, startsAt: a.startsAt, endsAt: a.endsAt, location: `${found.pointName}, ${found.pointAddress}`, url: manageUrl }],
    { calendarName: title },
  );
  return new Response(ics, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": 'attachment; filename="afspraak.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
