import { ICS_CONTENT_TYPE } from "./ical.server";

/** An .ics answer: opens in the calendar app; feeds may be cached for a few minutes. */
export function calendarResponse(ics: string, filename: string): Response {
  return new Response(ics, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": `inline; filename="${filename.replace(/[^a-z0-9.-]/gi, "-")}"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
