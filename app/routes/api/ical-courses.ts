import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { courseCalendar } from "~/modules/learning/ical.server";
import { calendarResponse } from "~/modules/learning/ical-http.server";
import { findMunicipality } from "~/modules/municipality/municipality.server";

/** iCalendar feed: every session still to come of the municipality's published courses. ?lang= picks the language. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = getDb();
  const municipality = await findMunicipality(db, params.municipality ?? "");
  if (!municipality) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const ics = await courseCalendar(db, municipality, { origin: url.origin, lang: url.searchParams.get("lang") });
  return calendarResponse(ics!, `cursussen-${municipality.slug}.ics`);
}
