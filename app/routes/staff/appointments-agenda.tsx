import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { cancelAppointment, dayAgenda, setAttendance } from "~/modules/appointments/appointments.server";
import { CHANNEL_LABELS_NL, STATUS_LABELS_NL } from "~/modules/appointments/schema";
import { defaultDeskPoint, pointsWith } from "~/modules/appointments/types.server";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { formatClock, formatLongDate } from "~/modules/learning/registration-format";
import { ErrorSummary } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/appointments-agenda";
import { telHref } from "~/ui/phone-link";

const isDate = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));

const SAVED: Record<string, string> = {
  aangemeld: "De persoon is aangemeld.",
  "niet-gekomen": "De afspraak staat als niet gekomen.",
  geannuleerd: "De afspraak is geannuleerd. De persoon krijgt een bericht als er een telefoonnummer of e-mailadres is.",
  binnenloper: "De binnenloper is toegevoegd en aangemeld.",
};

/** The staff member's desk points, and the chosen one (404 for a point they may not see). */
async function load(request: Request, params: Route.LoaderArgs["params"], pointId: string | null) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const points = await pointsWith(getDb(), session.assignments, municipality.id, "help.desk");
  if (points.length === 0) forbidden();
  const point = pointId ? points.find((p) => p.id === pointId) : await defaultDeskPoint(getDb(), points);
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  return { session, municipality, points, point };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const { session, municipality, points, point } = await load(request, params, url.searchParams.get("punt"));
  const requested = url.searchParams.get("dag");
  const date = isDate(requested) ? requested : brusselsDate();
  const actor = { id: session.user.id, email: session.user.email };
  // Names and phone numbers: the view is in the audit log.
  const rows = await dayAgenda(getDb(), actor, municipality.id, point.id, date);
  const saved = url.searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    points: points.map((p) => ({ id: p.id, name: p.name })),
    point: { id: point.id, name: point.name },
    date,
    dayLabel: formatLongDate(`${date}T12:00:00Z`, "nl"),
    previous: addDaysTo(date, -1),
    next: addDaysTo(date, 1),
    today: brusselsDate(),
    saved: saved ? (SAVED[saved] ?? null) : null,
    rows: rows.map((r) => ({
      id: r.id,
      from: r.channel === "walk_in" ? null : formatClock(r.startsAt, "nl"),
      to: r.channel === "walk_in" ? null : formatClock(r.endsAt, "nl"),
      arrived: r.channel === "walk_in" ? formatClock(r.startsAt, "nl") : null,
      status: r.status,
      channel: r.channel,
      what: r.typeName ? translated(r.typeName, "nl") : "Vrije vraag",
      name: r.name,
      phone: r.phone,
      email: r.email,
      note: r.note,
      language: isLanguage(r.language) ? LANGUAGE_NAMES[r.language] : r.language,
      code: r.code,
    })),
  };
}

type ActionData = { errors: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const url = new URL(request.url);
  const { session, municipality, point } = await load(request, params, url.searchParams.get("punt"));
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const id = String(form.get("id") ?? "");
  const db = getDb();
  const back = (saved: string) => {
    url.searchParams.set("opgeslagen", saved);
    return redirect(`${url.pathname}?${url.searchParams}`, 303);
  };
  const intent = String(form.get("intent") ?? "");
  if (intent === "check_in" || intent === "no_show") {
    const result = await setAttendance(db, municipality.id, point.id, id, intent === "check_in" ? "checked_in" : "no_show", actor);
    if (!result.ok) {
      return data<ActionData>({ errors: { agenda: result.error === "unknown" ? "Deze afspraak bestaat niet (meer)." : "Deze afspraak is al aangemeld, gemist of geannuleerd. Laad de pagina opnieuw." } }, { status: 409 });
    }
    throw back(intent === "check_in" ? "aangemeld" : "niet-gekomen");
  }
  if (intent === "cancel") {
    const result = await cancelAppointment(db, id, { actor, helpPointId: point.id });
    if (!result.ok) {
      return data<ActionData>({ errors: { agenda: result.error === "unknown" ? "Deze afspraak bestaat niet (meer)." : "Deze afspraak is al aangemeld, gemist of geannuleerd." } }, { status: 409 });
    }
    throw back("geannuleerd");
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function AppointmentsAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, points, point, date, dayLabel, previous, next, today, saved, rows } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const base = `/beheer/${municipality.slug}/agenda`;
  const here = `${base}?punt=${point.id}&dag=${date}`;
  const heading = `Agenda ${point.name}`;
  const active = rows.filter((r) => r.status !== "cancelled").length;
  return (
    <>
      <title>{`${result ? "Fout: " : ""}${heading}, ${dayLabel} — ${municipality.name} — Digibrug beheer`}</title>
      <h1>{heading}</h1>
      <p className="lead">{dayLabel}</p>
      {saved && !result ? (
        <div className="success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <p id="agenda" tabIndex={-1} className="visually-hidden">
        Afspraken
      </p>

      <Form method="get" action={base} className="inline-form">
        {points.length > 1 ? (
          <div className="field">
            <label htmlFor="punt">Hulppunt</label>
            <select id="punt" name="punt" defaultValue={point.id}>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="punt" value={point.id} />
        )}
        <div className="field">
          <label htmlFor="dag">Dag</label>
          <input id="dag" name="dag" type="date" className="input-date" defaultValue={date} />
        </div>
        <button type="submit" className="button button-secondary">
          Toon
        </button>
      </Form>
      <p className="actions">
        <Link to={`${base}?punt=${point.id}&dag=${previous}`}>Vorige dag</Link>
        {date !== today ? <Link to={`${base}?punt=${point.id}&dag=${today}`}>Vandaag</Link> : null}
        <Link to={`${base}?punt=${point.id}&dag=${next}`}>Volgende dag</Link>
        <Link to={`${base}/nieuw?punt=${point.id}&dag=${date}`} className="button">
          Afspraak maken of binnenloper toevoegen
        </Link>
      </p>

      <h2>
        {active === 1 ? "1 afspraak" : `${active} afspraken`}
        {rows.length > active ? ` (en ${rows.length - active} geannuleerd)` : ""}
      </h2>
      {rows.length === 0 ? (
        <p>Er zijn geen afspraken op deze dag.</p>
      ) : (
        <div className="table-wrap agenda-table">
          <table className="data wide-table">
            <caption className="visually-hidden">{`Afspraken op ${dayLabel}`}</caption>
            <thead>
              <tr>
                <th scope="col">Uur</th>
                <th scope="col">Wie</th>
                <th scope="col">Waarvoor</th>
                <th scope="col">Stand</th>
                <th scope="col">Doen</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.from ? `${r.from} – ${r.to}` : `Binnengelopen om ${r.arrived}`}
                  </th>
                  <td>
                    {r.name ?? <span className="muted">Geen naam</span>}
                    {r.phone ? (
                      <>
                        <br />
                        <a href={telHref(r.phone)}>{r.phone}</a>
                      </>
                    ) : null}
                    {r.email ? (
                      <>
                        <br />
                        {r.email}
                      </>
                    ) : null}
                    <br />
                    <span className="muted">
                      Code <span className="code-inline">{r.code}</span> · {r.language}
                    </span>
                  </td>
                  <td>
                    {r.what}
                    {r.note ? <p className="pre-line">Notitie: {r.note}</p> : null}
                  </td>
                  <td>
                    {STATUS_LABELS_NL[r.status]}
                    <br />
                    <span className="muted">{CHANNEL_LABELS_NL[r.channel]}</span>
                  </td>
                  <td>
                    <div className="row-actions">
                      {r.status === "booked" ? (
                        <>
                          <Form method="post" action={here}>
                            <CsrfInput />
                            <input type="hidden" name="id" value={r.id} />
                            <input type="hidden" name="intent" value="check_in" />
                            <button type="submit" className="button button-small">
                              Aanmelden<span className="visually-hidden">: {r.name ?? r.code}</span>
                            </button>
                          </Form>
                          <Form method="post" action={here}>
                            <CsrfInput />
                            <input type="hidden" name="id" value={r.id} />
                            <input type="hidden" name="intent" value="no_show" />
                            <button type="submit" className="button button-secondary button-small">
                              Niet gekomen<span className="visually-hidden">: {r.name ?? r.code}</span>
                            </button>
                          </Form>
                          <Form method="post" action={here}>
                            <CsrfInput />
                            <input type="hidden" name="id" value={r.id} />
                            <input type="hidden" name="intent" value="cancel" />
                            <button type="submit" className="button button-secondary button-small">
                              Annuleren<span className="visually-hidden">: {r.name ?? r.code}</span>
                            </button>
                          </Form>
                        </>
                      ) : null}
                      {r.status === "checked_in" ? (
                        <Link to={`/beheer/${municipality.slug}/hulpvragen?afspraak=${r.id}`}>
                          Registreer dit contact<span className="visually-hidden">: {r.name ?? r.code}</span>
                        </Link>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
