import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { ICS_CONTENT_TYPE, sessionsToIcs } from "~/modules/learning/ical.server";
import { findRegistrationByToken } from "~/modules/learning/registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import type { Route } from "./+types/registration-ics";

/** The sessions of one registration as a calendar file, for someone who is registered. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const found = await findRegistrationByToken(getDb(), municipality.id, params.token ?? "");
  if (!found || found.registration.status !== "registered") throw new Response("Not found", { status: 404, statusText: "Not found" });
  const title = translated(found.course.title, lang);
  const place = found.place;
  const location = place.name ? `${place.name}, ${place.street}, ${place.postcode} ${place.city}` : (place.venue ?? undefined);
  const manageUrl = `${appBaseUrl(request)}/${municipality.slug}/${lang}/inschrijving/${params.token}`;
  const ics = sessionsToIcs(
    found.sessions.map((s) => ({
      id: `${s.id}-${found.registration.id}`,
      title,
      description: `${found.registration.code}\n${manageUrl}`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      location,
      url: manageUrl,
    })),
    { calendarName: title },
  );
  return new Response(ics, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": 'attachment; filename="cursus.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
