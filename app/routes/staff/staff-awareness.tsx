import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { staffAwareness, type DepartmentFigures } from "~/modules/learning/staff-awareness.server";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/staff-awareness";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.manage");
  const data = await staffAwareness(getDb(), municipality.id);
  return { municipality: { slug: municipality.slug, name: municipality.name }, ...data };
}

/** "67%": rounded to a whole percent. */
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The completion rate as a number, with a bar beside it for the eye (the number is what is read out). */
function Rate({ rate }: { rate: number }) {
  const width = Math.round(rate * 1000) / 10;
  return (
    <div className="rate-cell">
      <span className="rate-value">{percent(rate)}</span>
      <svg className="rate-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="track" x="0" y="0" width="100" height="10" />
        <rect className="fill" x="0" y="0" width={width} height="10" />
      </svg>
    </div>
  );
}

function FiguresTable({ caption, rows, total }: { caption: string; rows: DepartmentFigures[]; total: DepartmentFigures }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dienst</th>
            <th scope="col" className="number">
              Ingeschreven
            </th>
            <th scope="col" className="number">
              Afgerond
            </th>
            <th scope="col">Deel afgerond</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.department}>
              <th scope="row">{d.department}</th>
              <td className="number">{d.registered}</td>
              <td className="number">{d.completed}</td>
              <td>
                <Rate rate={d.rate} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totaal</th>
            <td className="number">{total.registered}</td>
            <td className="number">{total.completed}</td>
            <td>
              <Rate rate={total.rate} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function StaffAwareness({ loaderData }: Route.ComponentProps) {
  const { municipality, departments, quarters, total, courses } = loaderData;
  return (
    <>
      <title>{`Opleiding van het stadspersoneel — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Opleiding van het stadspersoneel</h1>
      <p>
        Hoeveel medewerkers van elke dienst volgden een cursus voor stadspersoneel, en hoeveel rondden die af (engagement 4 van het charter
        digitale inclusie: het personeel bewust maken). Een kwartaal is het kwartaal waarin de reeks begon. Wie op de wachtlijst staat of
        annuleerde, telt niet mee.
      </p>
      {departments.length === 0 ? (
        <p>
          Er zijn nog geen inschrijvingen voor cursussen voor stadspersoneel. Geef een cursus de doelgroep ‘stadspersoneel’, dan vraagt het
          inschrijfformulier naar de dienst.
        </p>
      ) : (
        <>
          <p className="actions">
            <a href={`/beheer/${municipality.slug}/personeel.csv`} className="button button-secondary" download>
              Download als CSV (voor Excel)
            </a>
          </p>
          <h2>Alle kwartalen samen</h2>
          <p className="muted">
            {courses} {courses === 1 ? "cursus" : "cursussen"} voor stadspersoneel.
          </p>
          <FiguresTable caption="Per dienst, alle kwartalen samen" rows={departments} total={total} />
          <h2>Per kwartaal</h2>
          {[...quarters].reverse().map((q) => (
            <section key={q.quarter} aria-labelledby={`q-${q.quarter}`}>
              <h3 id={`q-${q.quarter}`}>{q.quarter.replace("-K", ", kwartaal ")}</h3>
              <FiguresTable caption={`Per dienst, ${q.quarter}`} rows={q.departments} total={q.total} />
            </section>
          ))}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
