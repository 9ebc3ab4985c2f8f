import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { forbidden, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listTeachableSessions } from "~/modules/learning/attendance.server";
import { formatSession } from "~/modules/learning/registration-format";
import { brusselsDate } from "~/modules/finder/opening-hours";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/course-sessions";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The lessons to take attendance at: a trainer sees the courses they teach, a coordinator all courses. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.view");
  const target = { municipalityId: municipality.id };
  const all = can(session.assignments, "learning.manage", target);
  if (!all && !can(session.assignments, "learning.teach", target)) forbidden();
  const now = new Date();
  const today = brusselsDate(now);
  const sessions = await listTeachableSessions(getDb(), municipality.id, { trainerId: all ? null : session.user.id, now });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    all,
    sessions: sessions.map((s) => ({
      id: s.sessionId,
      course: translated(s.courseTitle, "nl"),
      when: formatSession(s.startsAt, s.endsAt, "nl"),
      place: s.place,
      number: s.sessionNumber,
      count: s.sessionCount,
      registered: s.registeredCount,
      today: brusselsDate(s.startsAt) === today,
      past: s.endsAt < now,
    })),
  };
}

export default function CourseSessions({ loaderData }: Route.ComponentProps) {
  const { municipality, all, sessions } = loaderData;
  const groups = [
    { title: "Vandaag", items: sessions.filter((s) => s.today) },
    { title: "Binnenkort", items: sessions.filter((s) => !s.today && !s.past) },
    { title: "De voorbije week", items: sessions.filter((s) => !s.today && s.past).reverse() },
  ];
  return (
    <>
      <title>{`Lessen en aanwezigheden — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Lessen en aanwezigheden</h1>
      <p>
        {all
          ? "Alle lessen van de voorbije week en de komende twee weken."
          : "De lessen van de cursussen die u geeft, van de voorbije week en de komende twee weken."}{" "}
        Open een les om aan te duiden wie er is.
      </p>
      {sessions.length === 0 ? <p>Er zijn geen lessen in deze periode.</p> : null}
      {groups.map((group, i) =>
        group.items.length ? (
          <section key={group.title} aria-labelledby={`group-${i}`}>
            <h2 id={`group-${i}`}>{group.title}</h2>
            <ul className="session-list">
              {group.items.map((s) => (
                <li key={s.id}>
                  <Link to={`/beheer/${municipality.slug}/sessies/${s.id}`} className={`session-link${s.today ? " is-today" : ""}`}>
                    <strong>{s.course}</strong>: les {s.number} van {s.count}
                    <br />
                    <span>{s.when}</span>
                    {s.place ? <span> · {s.place}</span> : null}
                    <span className="muted"> · {s.registered} ingeschreven</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
