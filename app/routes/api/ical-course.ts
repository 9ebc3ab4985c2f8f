import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { courseCalendar } from "~/modules/learning/ical.server";
import { calendarResponse } from "~/modules/learning/ical-http.server";
import { findMunicipality } from "~/modules/municipality/municipality.server";

/** iCalendar feed of one course: its sessions still to come, in every run that is not cancelled. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = getDb();
  const municipality = await findMunicipality(db, params.municipality ?? "");
  const url = new URL(request.url);
  const ics = municipality
    ? await courseCalendar(db, municipality, { origin: url.origin, lang: url.searchParams.get("lang"), courseId: params.courseId ?? "" })
    : null;
  if (!ics) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return calendarResponse(ics, `cursus-${params.courseId}.ics`);
}
