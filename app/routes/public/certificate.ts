import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { certificateLanguage, certificatePdf } from "~/modules/learning/certificate.server";
import { certificateData } from "~/modules/learning/feedback.server";
import { findRegistrationByToken } from "~/modules/learning/registration.server";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import type { Route } from "./+types/certificate";

const notFound = () => new Response("Not found", { status: 404, statusText: "Not found", headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The certificate as a PDF, in the learner's language; only once the course is completed. */
export async function loader({ params }: Route.LoaderArgs) {
  const { municipality } = await requirePublicMunicipality(params);
  const db = getDb();
  const found = await findRegistrationByToken(db, municipality.id, params.token ?? "");
  if (!found || found.registration.status !== "registered" || !found.registration.completedAt) throw notFound();
  const data = await certificateData(db, found.registration.id);
  if (!data?.completedAt) throw notFound();
  const lang = certificateLanguage(data.language);
  const pdf = await certificatePdf({
    name: data.name,
    courseTitle: translated(data.courseTitle, lang),
    municipalityName: data.municipalityName,
    organiser: data.organiser,
    dates: data.dates,
    level: data.level,
    digcompIds: data.digcompIds,
    language: lang,
    issuedAt: data.completedAt,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="getuigschrift.pdf"',
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
