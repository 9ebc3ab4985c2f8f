import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { direction, translated } from "~/i18n/languages";
import { forbidden, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { findSession, isUuid, mayTeach } from "~/modules/learning/attendance.server";
import { certificateLanguage, certificateTexts } from "~/modules/learning/certificate.server";
import { certificateData } from "~/modules/learning/feedback.server";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/certificate-print";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A printable certificate for a learner who completed the course, in the learner's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.view");
  const db = getDb();
  const sessionInfo = await findSession(db, municipality.id, params.sessionId ?? "");
  if (!sessionInfo || !isUuid(params.registrationId)) throw new Response("Niet gevonden", { status: 404 });
  if (!(await mayTeach(db, session.assignments, session.user.id, { id: sessionInfo.courseId, municipalityId: municipality.id, organizerId: sessionInfo.organizerId }))) {
    forbidden();
  }
  const data = await certificateData(db, params.registrationId);
  if (!data || data.runId !== sessionInfo.runId || data.status !== "registered") throw new Response("Niet gevonden", { status: 404 });
  if (!data.completedAt) throw new Response("Deze deelnemer heeft de cursus nog niet afgerond.", { status: 404 });
  // A browser shapes Arabic itself: the printable page is always in the learner's language.
  const lang = certificateLanguage(data.language, { arabic: true });
  const courseTitle = translated(data.courseTitle, lang);
  const text = certificateTexts({ ...data, courseTitle, language: lang, issuedAt: data.completedAt }, lang);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    sessionId: sessionInfo.sessionId,
    lang,
    dir: direction(lang),
    name: data.name,
    courseTitle,
    text,
  };
}

export default function CertificatePrint({ loaderData }: Route.ComponentProps) {
  const { municipality, sessionId, lang, dir, name, courseTitle, text } = loaderData;
  return (
    <>
      <title>{`Getuigschrift ${name} — ${municipality.name} — Digibrug beheer`}</title>
      <div className="no-print">
        <p>
          <Link to={`/beheer/${municipality.slug}/sessies/${sessionId}`}>Terug naar de aanwezigheden</Link>
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            Afdrukken
          </button>
        </p>
        <p className="hint">Of gebruik de afdrukknop van uw browser (Ctrl+P), op papier of als PDF.</p>
      </div>
      <article className="certificate" lang={lang} dir={dir}>
        <p>{municipality.name}</p>
        <h1>{text.title}</h1>
        {text.before ? <p>{text.before}</p> : null}
        <p className="learner">{name}</p>
        {text.middle ? <p>{text.middle}</p> : null}
        <p className="course-title">{courseTitle}</p>
        {text.after ? <p>{text.after}</p> : null}
        <div className="details">
          {text.when ? <p>{text.when}</p> : null}
          <p>{text.organiser}</p>
          <p>{text.level}</p>
        </div>
        {text.skills.length ? (
          <>
            <h2>{text.skillsTitle}</h2>
            <ul>
              {text.skills.map((skill) => (
                <li key={skill}>{skill}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="issued">
          {text.issued}
          <br />
          {text.footer}
        </p>
      </article>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
