import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import type { StaffSession } from "~/modules/auth/session.server";
import {
  addWalkIn,
  AttendanceError,
  getSessionSheet,
  markAttendance,
  mayTeach,
  recordSheetView,
  type SessionSheet,
} from "~/modules/learning/attendance.server";
import { formatSession } from "~/modules/learning/registration-format";
import { NEED_LABELS_NL, registrationSchema, registrationValuesFromForm, type Need, type RegistrationFormValues } from "~/modules/learning/registration-schema";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import type { Municipality } from "~/modules/municipality/municipality.server";
import { SPOKEN_LANGUAGE_LABELS } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/course-session";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The session, and a 403 unless this person may take attendance for its course. */
async function requireSheet(request: Request, params: Route.LoaderArgs["params"]): Promise<{ session: StaffSession; municipality: Municipality; sheet: SessionSheet }> {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.view");
  const db = getDb();
  const sheet = await getSessionSheet(db, municipality.id, params.sessionId ?? "");
  if (!sheet) throw new Response("Les niet gevonden", { status: 404 });
  const allowed = await mayTeach(db, session.assignments, session.user.id, { id: sheet.courseId, municipalityId: municipality.id, organizerId: sheet.organizerId });
  if (!allowed) forbidden();
  return { session, municipality, sheet };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, sheet } = await requireSheet(request, params);
  await recordSheetView(getDb(), { id: session.user.id, email: session.user.email }, municipality.id, sheet.sessionId);
  const url = new URL(request.url);
  const present = sheet.people.filter((p) => p.present === true).length;
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: url.pathname,
    sessionId: sheet.sessionId,
    added: url.searchParams.get("toegevoegd") === "1",
    course: translated(sheet.courseTitle, "nl"),
    when: formatSession(sheet.startsAt, sheet.endsAt, "nl"),
    place: sheet.place,
    sessionNumber: sheet.sessionNumber,
    sessionCount: sheet.sessionCount,
    needed: sheet.needed,
    completionPercent: sheet.completionPercent,
    cancelled: sheet.cancelled,
    capacity: sheet.capacity,
    registeredCount: sheet.registeredCount,
    staffCourse: sheet.audiences.includes("city_staff"),
    present,
    languages: municipality.languages.filter(isLanguage),
    people: sheet.people.map((p) => ({
      id: p.registrationId,
      name: p.name,
      present: p.present,
      attended: p.attended,
      completed: p.completedAt !== null,
      needs: p.needs.map((n) => NEED_LABELS_NL[n as Need] ?? n),
      department: p.department,
      language: p.language !== "nl" ? (SPOKEN_LANGUAGE_LABELS[p.language] ?? p.language) : null,
      walkIn: p.walkIn,
    })),
  };
}

type ActionData = { errors: FieldErrors; values: RegistrationFormValues };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, sheet } = await requireSheet(request, params);
  const form = await readStaffForm(request, session);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  switch (String(form.get("intent") ?? "")) {
    case "mark": {
      const registrationId = String(form.get("registrationId") ?? "");
      try {
        await markAttendance(db, sheet.sessionId, registrationId, form.get("present") === "1", actor);
      } catch (error) {
        if (error instanceof AttendanceError) throw new Response(error.message, { status: 400 });
        throw error;
      }
      throw redirect(`${path}#p-${registrationId}`, 303);
    }
    case "walk-in": {
      const values = registrationValuesFromForm(form, "nl");
      const staffCourse = sheet.audiences.includes("city_staff");
      const parsed = registrationSchema({ mode: "staff", languages: municipality.languages, requireDepartment: staffCourse }).safeParse(values);
      if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
      const result = await addWalkIn(
        db,
        sheet.sessionId,
        { name: parsed.data.name, phone: parsed.data.phone, email: parsed.data.email, language: parsed.data.language, department: staffCourse ? parsed.data.department : null },
        actor,
        { baseUrl: appBaseUrl(request) },
      );
      if (!result.ok) return data<ActionData>({ errors: { "walk-in-form": result.message }, values }, { status: 409 });
      throw redirect(`${path}?toegevoegd=1#p-${result.registrationId}`, 303);
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

const EMPTY_WALK_IN: RegistrationFormValues = { name: "", phone: "", email: "", language: "nl", needs: [], uitpasNumber: "", department: "" };

export default function CourseSession({ loaderData, actionData }: Route.ComponentProps) {
  const s = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const values = result?.values ?? EMPTY_WALK_IN;
  const heading = `${s.course}: les ${s.sessionNumber} van ${s.sessionCount}`;
  const full = s.registeredCount >= s.capacity;
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Aanwezigheden ${heading} — ${s.municipality.name} — Digibrug beheer`}</title>
      <p className="no-print">
        <Link to={`/beheer/${s.municipality.slug}/sessies`}>Terug naar mijn lessen</Link>
      </p>
      <h1>{heading}</h1>
      <ul className="session-facts">
        <li>{s.when}</li>
        {s.place ? <li>{s.place}</li> : null}
      </ul>
      {s.cancelled ? (
        <div className="notice">
          <p>Deze reeks is geannuleerd. U kunt geen aanwezigheden meer aanduiden.</p>
        </div>
      ) : null}
      {s.added && !hasErrors ? (
        <div className="success" role="status">
          <p>De nieuwe deelnemer staat op de lijst en is aangeduid als aanwezig.</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <p className="attendance-count" role="status">
        Aanwezig: {s.present} van {s.people.length}
      </p>
      <p className="hint">
        Een deelnemer rondt de cursus af na {s.needed} van de {s.sessionCount} lessen ({s.completionPercent}%). Tik op de knop om iemand aanwezig
        of toch afwezig te zetten.
      </p>

      {s.people.length === 0 ? (
        <p>Er is nog niemand ingeschreven voor deze reeks.</p>
      ) : (
        <ul className="attendance-list" aria-label="Deelnemers">
          {s.people.map((p) => (
            <li key={p.id} id={`p-${p.id}`} className={`attendance-row${p.present === true ? " is-present" : p.present === false ? " is-absent" : ""}`}>
              <div className="attendance-person">
                <span className="attendance-name">{p.name}</span>
                <ul className="attendance-meta">
                  <li>{p.present === true ? "Aanwezig" : p.present === false ? "Afwezig" : "Nog niet aangeduid"}</li>
                  <li>
                    {p.attended} van {s.sessionCount} lessen gevolgd
                  </li>
                  {p.completed ? (
                    <li className="done">
                      Afgerond ·{" "}
                      <Link to={`/beheer/${s.municipality.slug}/sessies/${s.sessionId}/getuigschrift/${p.id}`}>
                        Getuigschrift<span className="visually-hidden"> van {p.name}</span>
                      </Link>
                    </li>
                  ) : null}
                  {p.needs.length ? <li>Heeft hulp nodig bij: {p.needs.join(", ")}</li> : null}
                  {p.language ? <li>Taal: {p.language}</li> : null}
                  {s.staffCourse && p.department ? <li>Dienst: {p.department}</li> : null}
                  {p.walkIn ? <li>Ingeschreven door een medewerker</li> : null}
                </ul>
              </div>
              {s.cancelled ? null : (
                <Form method="post" action={s.path} preventScrollReset>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="mark" />
                  <input type="hidden" name="registrationId" value={p.id} />
                  <input type="hidden" name="present" value={p.present === true ? "0" : "1"} />
                  <button type="submit" className="button toggle-present" aria-pressed={p.present === true}>
                    <span className="tick" aria-hidden="true">
                      {p.present === true ? "✓" : ""}
                    </span>
                    Aanwezig<span className="visually-hidden">: {p.name}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}

      {s.cancelled ? null : (
        <section className="walk-in" aria-labelledby="walk-in-title">
          <h2 id="walk-in-title">Iemand toevoegen die niet ingeschreven is</h2>
          {full ? (
            <p className="notice">
              Deze reeks is volzet ({s.registeredCount} van {s.capacity} plaatsen). U kunt pas iemand toevoegen als er een plaats vrijkomt.
            </p>
          ) : (
            <p className="hint">
              Nog {s.capacity - s.registeredCount} vrije {s.capacity - s.registeredCount === 1 ? "plaats" : "plaatsen"}. De persoon wordt ingeschreven
              voor de hele reeks en staat meteen op aanwezig.
            </p>
          )}
          <Form method="post" action={s.path} noValidate id="walk-in-form" tabIndex={-1}>
            <CsrfInput />
            <input type="hidden" name="intent" value="walk-in" />
            <FieldError id="walk-in-form" message={errors["walk-in-form"]} />
            <div className="field">
              <label htmlFor="name">Naam</label>
              <FieldError id="name" message={errors.name} />
              <input id="name" name="name" type="text" autoComplete="off" defaultValue={values.name} aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy("name", { error: errors.name })} />
            </div>
            <div className="field">
              <label htmlFor="phone">Telefoon (niet verplicht)</label>
              <p className="hint" id="phone-hint">
                Voor een sms met de data van de lessen en later het getuigschrift.
              </p>
              <FieldError id="phone" message={errors.phone} />
              <input
                id="phone"
                name="phone"
                type="tel"
                autoComplete="off"
                defaultValue={values.phone}
                aria-invalid={errors.phone ? true : undefined}
                aria-describedby={describedBy("phone", { hint: true, error: errors.phone })}
              />
            </div>
            <div className="field">
              <label htmlFor="email">E-mailadres (niet verplicht)</label>
              <FieldError id="email" message={errors.email} />
              <input id="email" name="email" type="email" autoComplete="off" defaultValue={values.email} aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy("email", { error: errors.email })} />
            </div>
            <div className="field">
              <label htmlFor="language">Taal voor berichten en het getuigschrift</label>
              <FieldError id="language" message={errors.language} />
              <select id="language" name="language" defaultValue={values.language} aria-invalid={errors.language ? true : undefined} aria-describedby={describedBy("language", { error: errors.language })}>
                {s.languages.map((lang) => (
                  <option key={lang} value={lang} lang={lang}>
                    {LANGUAGE_NAMES[lang]}
                  </option>
                ))}
              </select>
            </div>
            {s.staffCourse ? (
              <div className="field">
                <label htmlFor="department">Dienst of afdeling</label>
                <FieldError id="department" message={errors.department} />
                <input
                  id="department"
                  name="department"
                  type="text"
                  autoComplete="off"
                  defaultValue={values.department}
                  aria-invalid={errors.department ? true : undefined}
                  aria-describedby={describedBy("department", { error: errors.department })}
                />
              </div>
            ) : null}
            <button type="submit" className="button" disabled={full}>
              Toevoegen en aanwezig zetten
            </button>
          </Form>
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
