import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { CsrfInput } from "~/modules/auth/staff-context";
import {
  addRun,
  addSessions,
  brusselsInstant,
  cancelRun,
  courseFormValues,
  createCourse,
  deleteSession,
  getCourseForEdit,
  InputError,
  InvalidReferenceError,
  placeOptions,
  trainerOptions,
  updateCourse,
  updateRun,
  waitingCounts,
} from "~/modules/learning/catalogue.server";
import {
  COURSE_AUDIENCES,
  COURSE_FORMATS,
  COURSE_LEVELS,
  COURSE_MODES,
  courseFormFromData,
  courseInput,
  DIGCOMP_COMPETENCES,
  EMPTY_COURSE_FORM,
  fieldErrors,
  INSTRUCTION_LANGUAGES,
  runInput,
  sessionInput,
  type CourseFormValues,
} from "~/modules/learning/course-schema";
import { activeContactCounts } from "~/modules/learning/registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import {
  COURSE_AUDIENCE_LABELS,
  COURSE_FORMAT_LABELS,
  COURSE_LEVEL_LABELS,
  COURSE_MODE_LABELS,
  dutchSessionLabel,
  runPlaceLabel,
} from "~/modules/learning/staff-labels";
import { listTopics } from "~/modules/municipality/municipality.server";
import { SPOKEN_LANGUAGE_LABELS } from "~/modules/offer/labels";
import { organizationOptions } from "~/modules/offer/organizations.server";
import { ChoiceGroup, describedBy, FieldError, type FieldErrors, SelectField, TextArea, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { StaffPageHead } from "~/ui/staff-page";
import type { Route } from "./+types/course-edit";

const MESSAGES: Record<string, string> = {
  nieuw: "De cursus is aangemaakt. Voeg nu een reeks toe: waar, hoeveel plaatsen en wanneer.",
  cursus: "De gegevens van de cursus zijn opgeslagen.",
  reeks: "De nieuwe reeks is toegevoegd.",
  "reeks-lessen": "De nieuwe reeks en haar lessen zijn toegevoegd.",
  "reeks-aangepast": "De reeks is aangepast.",
  geannuleerd: "De reeks is geannuleerd. Inschrijven kan niet meer. Laat de ingeschreven mensen weten dat de reeks niet doorgaat.",
  les: "De les is toegevoegd.",
  lessen: "De lessen zijn toegevoegd.",
  "les-weg": "De les is verwijderd.",
};

/** Which form an error or the typed values belong to. */
type FormKey = "course" | "new-run" | `run:${string}` | `session:${string}` | `cancel:${string}` | "delete";

interface ActionResult {
  form: FormKey;
  errors: FieldErrors;
  values?: Record<string, string>;
  courseValues?: CourseFormValues;
}

interface RunFormValues {
  helpPointId: string;
  venue: string;
  capacity: string;
  offerHours: string;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const isNew = !params.courseId;
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, isNew ? "learning.manage" : "learning.view");
  const db = getDb();
  const course = params.courseId ? await getCourseForEdit(db, municipality.id, params.courseId) : null;
  if (params.courseId && !course) throw new Response("Cursus niet gevonden", { status: 404 });
  const canManageAll = can(session.assignments, "learning.manage", { municipalityId: municipality.id });
  const canEdit = !course || can(session.assignments, "learning.manage", { municipalityId: municipality.id, organizationId: course.organizerId });
  const [organizations, topics, trainers, places, waiting, contacts] = await Promise.all([
    organizationOptions(db, municipality.id),
    listTopics(db, municipality.id),
    trainerOptions(db, municipality.id),
    placeOptions(db, municipality.id),
    course ? waitingCounts(db, course.runs.map((r) => r.id)) : new Map<string, number>(),
    course ? activeContactCounts(db, course.runs.map((r) => r.id)) : new Map<string, { active: number; unreachable: number }>(),
  ]);
  const message = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    canEdit,
    course: course
      ? {
          id: course.id,
          title: course.title.nl,
          organizerName: course.organizerName,
          published: course.published,
          updatedAt: course.updatedAt.toISOString(),
          runs: course.runs.map((r, i) => ({
            id: r.id,
            number: i + 1,
            place: runPlaceLabel(r),
            values: { helpPointId: r.place?.helpPointId ?? "", venue: r.venue ?? "", capacity: String(r.capacity), offerHours: String(r.offerHours) } satisfies RunFormValues,
            capacity: r.capacity,
            registeredCount: r.registeredCount,
            freePlaces: r.freePlaces,
            waiting: waiting.get(r.id) ?? 0,
            /** Registered, offered or waiting: they get a message when the run is cancelled, except those without contact. */
            active: contacts.get(r.id)?.active ?? 0,
            unreachable: contacts.get(r.id)?.unreachable ?? 0,
            cancelled: r.cancelled,
            finished: r.finished,
            sessions: r.sessions.map((s) => ({ id: s.id, label: dutchSessionLabel(s.startsAt, s.endsAt), past: s.startsAt.getTime() <= Date.now() })),
          })),
        }
      : null,
    values: course ? courseFormValues(course) : EMPTY_COURSE_FORM,
    // Only people who manage all courses give a course to another organisation.
    organizations: canManageAll
      ? organizations
      : organizations.filter((o) => can(session.assignments, "learning.manage", { municipalityId: municipality.id, organizationId: o.id })),
    topics: topics.map((t) => ({ value: t.code, label: t.name.nl })),
    trainers: trainers.map((t) => ({ value: t.id, label: t.name })),
    places,
    message: message ? (MESSAGES[message] ?? null) : null,
  };
}

const invalid = (result: ActionResult) => data(result, { status: 400 });

/** Errors of a small form, keyed by the element ids of that form (prefix + field). */
function prefixed(errors: Record<string, string>, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
}

function runValuesFrom(form: FormData): RunFormValues {
  return {
    helpPointId: String(form.get("helpPointId") ?? ""),
    venue: String(form.get("venue") ?? ""),
    capacity: String(form.get("capacity") ?? ""),
    offerHours: String(form.get("offerHours") ?? ""),
  };
}

function sessionValuesFrom(form: FormData) {
  return {
    date: String(form.get("date") ?? ""),
    startTime: String(form.get("startTime") ?? ""),
    endTime: String(form.get("endTime") ?? ""),
    weeks: String(form.get("weeks") ?? ""),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const isNew = !params.courseId;
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, isNew ? "learning.manage" : "learning.view");
  const form = await readStaffForm(request, session);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const intent = String(form.get("intent") ?? "");

  if (isNew) {
    if (intent !== "save") throw new Response("Onbekende actie", { status: 400 });
    const courseValues = courseFormFromData(form);
    const parsed = courseInput.safeParse(courseValues);
    if (!parsed.success) return invalid({ form: "course", errors: fieldErrors(parsed.error), courseValues });
    let id: string;
    try {
      id = await createCourse(db, municipality.id, parsed.data, actor);
    } catch (error) {
      if (error instanceof InvalidReferenceError) return invalid({ form: "course", errors: { [error.field]: error.message }, courseValues });
      throw error;
    }
    throw redirect(`/beheer/${municipality.slug}/cursussen/${id}?opgeslagen=nieuw`);
  }

  const course = await getCourseForEdit(db, municipality.id, params.courseId ?? "");
  if (!course) throw new Response("Cursus niet gevonden", { status: 404 });
  const target = { municipalityId: municipality.id, organizationId: course.organizerId };
  requirePermission(session, "learning.manage", target);
  const done = (message: string) => redirect(`/beheer/${municipality.slug}/cursussen/${course.id}?opgeslagen=${message}`);
  const runId = String(form.get("runId") ?? "");

  switch (intent) {
    case "save": {
      const courseValues = courseFormFromData(form);
      const parsed = courseInput.safeParse(courseValues);
      if (!parsed.success) return invalid({ form: "course", errors: fieldErrors(parsed.error), courseValues });
      if (parsed.data.organizerId !== course.organizerId && !can(session.assignments, "learning.manage", { ...target, organizationId: parsed.data.organizerId })) {
        return invalid({ form: "course", errors: { organizerId: "U kunt een cursus niet aan een andere organisatie geven." }, courseValues });
      }
      try {
        await updateCourse(db, municipality.id, course.id, parsed.data, actor);
      } catch (error) {
        if (error instanceof InvalidReferenceError) return invalid({ form: "course", errors: { [error.field]: error.message }, courseValues });
        throw error;
      }
      throw done("cursus");
    }
    case "add-run": {
      const values = { ...runValuesFrom(form), ...sessionValuesFrom(form) };
      const parsed = runInput.safeParse(values);
      const errors: FieldErrors = parsed.success ? {} : prefixed(fieldErrors(parsed.error), "new-");
      // The first lessons are optional here; when any of their fields is filled in, all of them count.
      const wantsSessions = Boolean(values.date.trim() || values.startTime.trim() || values.endTime.trim());
      const sessions = wantsSessions ? sessionInput.safeParse(values) : null;
      if (sessions && !sessions.success) Object.assign(errors, prefixed(fieldErrors(sessions.error), "new-"));
      if (sessions?.success && brusselsInstant(sessions.data.date, sessions.data.startTime) <= new Date()) {
        errors["new-date"] = "Deze les zou in het verleden liggen. Kies een datum en uur die nog moeten komen.";
      }
      if (!parsed.success || Object.keys(errors).length) return invalid({ form: "new-run", errors, values });
      let newRunId: string;
      try {
        newRunId = await addRun(db, municipality.id, course.id, parsed.data, actor);
      } catch (error) {
        if (error instanceof InvalidReferenceError) return invalid({ form: "new-run", errors: { [`new-${error.field}`]: error.message }, values });
        throw error;
      }
      if (sessions?.success) await addSessions(db, municipality.id, course.id, newRunId, sessions.data, actor);
      throw done(sessions?.success ? "reeks-lessen" : "reeks");
    }
    case "update-run": {
      const values = runValuesFrom(form);
      const prefix = `run-${runId}-`;
      const parsed = runInput.safeParse(values);
      if (!parsed.success) return invalid({ form: `run:${runId}`, errors: prefixed(fieldErrors(parsed.error), prefix), values: { ...values } });
      try {
        await updateRun(db, municipality.id, course.id, runId, parsed.data, actor);
      } catch (error) {
        if (error instanceof InputError) return invalid({ form: `run:${runId}`, errors: prefixed(error.errors, prefix), values: { ...values } });
        if (error instanceof InvalidReferenceError) return invalid({ form: `run:${runId}`, errors: { [`${prefix}${error.field}`]: error.message }, values: { ...values } });
        throw error;
      }
      throw done("reeks-aangepast");
    }
    case "add-session": {
      const values = sessionValuesFrom(form);
      const prefix = `session-${runId}-`;
      const parsed = sessionInput.safeParse(values);
      if (!parsed.success) return invalid({ form: `session:${runId}`, errors: prefixed(fieldErrors(parsed.error), prefix), values });
      try {
        await addSessions(db, municipality.id, course.id, runId, parsed.data, actor);
      } catch (error) {
        if (error instanceof InputError) return invalid({ form: `session:${runId}`, errors: prefixed(error.errors, prefix), values });
        throw error;
      }
      throw done(parsed.data.weeks > 1 ? "lessen" : "les");
    }
    case "delete-session": {
      try {
        await deleteSession(db, municipality.id, course.id, String(form.get("sessionId") ?? ""), actor);
      } catch (error) {
        if (error instanceof InputError) return invalid({ form: "delete", errors: { [`sessions-${runId}`]: error.message } });
        throw error;
      }
      throw done("les-weg");
    }
    case "cancel-run": {
      if (!form.has("confirm")) {
        return invalid({ form: `cancel:${runId}`, errors: { [`confirm-${runId}`]: "Vink aan dat u deze reeks echt wilt annuleren." } });
      }
      await cancelRun(db, municipality.id, course.id, runId, actor, { baseUrl: appBaseUrl(request) });
      throw done("geannuleerd");
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

// ---------------------------------------------------------------------------------------------
// Form parts
// ---------------------------------------------------------------------------------------------

const OTHER_LANGUAGES = [
  { code: "fr", label: "Frans" },
  { code: "en", label: "Engels" },
  { code: "ar", label: "Arabisch" },
] as const;

type TranslatedField = "title" | "description" | "whatToBring";
const key = (field: TranslatedField, lang: string) => `${field}${lang[0].toUpperCase()}${lang.slice(1)}` as keyof CourseFormValues;

/** The Dutch text, and the optional translations folded away (open when one is filled in or wrong). */
function TranslatedFields({
  field,
  label,
  hint,
  values,
  errors,
  multiline,
}: {
  field: TranslatedField;
  label: string;
  hint?: string;
  values: CourseFormValues;
  errors: FieldErrors;
  multiline?: boolean;
}) {
  const Component = multiline ? TextArea : TextField;
  const open = OTHER_LANGUAGES.some((l) => values[key(field, l.code)] || errors[key(field, l.code)]);
  return (
    <>
      <Component id={key(field, "nl")} label={`${label} (in het Nederlands)`} hint={hint} value={String(values[key(field, "nl")])} error={errors[key(field, "nl")]} />
      <details className="translations" open={open || undefined}>
        <summary>Vertalingen van {label.toLowerCase()} (niet verplicht)</summary>
        {OTHER_LANGUAGES.map((l) => (
          <Component
            key={l.code}
            id={key(field, l.code)}
            label={`${label} in het ${l.label}`}
            lang={l.code}
            value={String(values[key(field, l.code)])}
            error={errors[key(field, l.code)]}
          />
        ))}
      </details>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------

export default function CourseEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, course, canEdit, organizations, topics, trainers, places, path } = loaderData;
  const result = actionData as ActionResult | undefined;
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.form === "course" && result.courseValues ? result.courseValues : loaderData.values;
  const courseErrors = result?.form === "course" ? errors : {};
  const base = `/beheer/${municipality.slug}/cursussen`;
  const heading = course ? course.title : "Nieuwe cursus";
  const placeOptionList = places.map((p) => ({ value: p.id, label: p.name }));
  const languageOptions = INSTRUCTION_LANGUAGES.map((code) => ({ value: code, label: SPOKEN_LANGUAGE_LABELS[code] ?? code }));
  const emptyRun = { helpPointId: "", venue: "", capacity: "12", offerHours: "48", date: "", startTime: "", endTime: "", weeks: "1" };
  const newRunValues = result?.form === "new-run" && result.values ? { ...emptyRun, ...result.values } : emptyRun;

  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: base, label: "Terug naar de cursussen" }} saved={loaderData.message} errors={errors}>
        {course ? (
          <p className="muted">
            {course.organizerName} ·{" "}
            {course.published ? <a href={`/${municipality.slug}/nl/cursussen/${course.id}`}>Publieke pagina</a> : "Niet gepubliceerd"}
          </p>
        ) : null}
      </StaffPageHead>

      {course ? (
        <section aria-labelledby="runs-title">
          <h2 id="runs-title">Reeksen en lessen</h2>
          {course.runs.length === 0 ? <p>Deze cursus heeft nog geen reeksen.</p> : null}
          {course.runs.map((run) => {
            const runValues = result?.form === `run:${run.id}` && result.values ? (result.values as unknown as typeof run.values) : run.values;
            const sessionValues = result?.form === `session:${run.id}` && result.values ? result.values : { date: "", startTime: "", endTime: "", weeks: "1" };
            const runPrefix = `run-${run.id}-`;
            const sessionPrefix = `session-${run.id}-`;
            const editable = canEdit && !run.cancelled && !run.finished;
            return (
              <section key={run.id} className="run-admin" aria-labelledby={`run-${run.id}`}>
                <h3 id={`run-${run.id}`}>
                  Reeks {run.number}: {run.place}
                  {run.cancelled ? " (geannuleerd)" : run.finished ? " (afgelopen)" : ""}
                </h3>
                <p>
                  {run.registeredCount} van {run.capacity} plaatsen bezet
                  {run.cancelled ? null : run.freePlaces > 0 ? `, ${run.freePlaces} vrij` : ", volzet"}
                  {run.waiting > 0 ? ` · ${run.waiting} op de wachtlijst` : ""} ·{" "}
                  <Link to={`${base}/${course.id}/reeksen/${run.id}`}>
                    Inschrijvingen en wachtlijst<span className="visually-hidden"> van reeks {run.number}</span>
                  </Link>
                </p>
                <h4 id={`sessions-${run.id}`}>Lessen</h4>
                <FieldError id={`sessions-${run.id}`} message={errors[`sessions-${run.id}`]} />
                {run.sessions.length === 0 ? (
                  <p>Nog geen lessen. Voeg hieronder de eerste les toe.</p>
                ) : (
                  <div className="table-wrap">
                    <table className="data">
                      <caption className="visually-hidden">Lessen van reeks {run.number}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Les</th>
                          <th scope="col">Wanneer</th>
                          <th scope="col">Acties</th>
                        </tr>
                      </thead>
                      <tbody>
                        {run.sessions.map((s, i) => (
                          <tr key={s.id}>
                            <td>{i + 1}</td>
                            <th scope="row">{s.label}</th>
                            <td>
                              <ul className="inline-list">
                                <li>
                                  <Link to={`/beheer/${municipality.slug}/sessies/${s.id}`}>
                                    Aanwezigheden<span className="visually-hidden"> les {i + 1}</span>
                                  </Link>
                                </li>
                                {editable && !s.past ? (
                                  <li>
                                    <Form method="post" action={path}>
                                      <CsrfInput />
                                      <input type="hidden" name="intent" value="delete-session" />
                                      <input type="hidden" name="runId" value={run.id} />
                                      <input type="hidden" name="sessionId" value={s.id} />
                                      <button type="submit" className="button button-secondary button-small">
                                        Verwijderen<span className="visually-hidden"> les {i + 1}: {s.label}</span>
                                      </button>
                                    </Form>
                                  </li>
                                ) : null}
                              </ul>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}

                {editable ? (
                  <>
                    <h4 id={`add-session-${run.id}`}>Les toevoegen</h4>
                    <Form method="post" action={path} noValidate aria-labelledby={`add-session-${run.id}`}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="add-session" />
                      <input type="hidden" name="runId" value={run.id} />
                      <div className="hours-row">
                        <TextField id={`${sessionPrefix}date`} name="date" label="Datum" type="date" className="input-date" value={sessionValues.date} error={errors[`${sessionPrefix}date`]} />
                        <TextField id={`${sessionPrefix}startTime`} name="startTime" label="Van" hint="Bv. 09:30" className="input-short" value={sessionValues.startTime} error={errors[`${sessionPrefix}startTime`]} />
                        <TextField id={`${sessionPrefix}endTime`} name="endTime" label="Tot" hint="Bv. 11:30" className="input-short" value={sessionValues.endTime} error={errors[`${sessionPrefix}endTime`]} />
                        <TextField
                          id={`${sessionPrefix}weeks`}
                          name="weeks"
                          label="Aantal weken"
                          hint="Elke week op dezelfde dag"
                          inputMode="numeric"
                          className="input-short"
                          value={sessionValues.weeks}
                          error={errors[`${sessionPrefix}weeks`]}
                        />
                      </div>
                      <button type="submit" className="button button-secondary">
                        Les toevoegen<span className="visually-hidden"> aan reeks {run.number}</span>
                      </button>
                    </Form>

                    <details className="run-details" open={result?.form === `run:${run.id}` || result?.form === `cancel:${run.id}` || undefined}>
                      <summary>Reeks {run.number} aanpassen of annuleren</summary>
                      <Form method="post" action={path} noValidate aria-label={`Reeks ${run.number} aanpassen`}>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="update-run" />
                        <input type="hidden" name="runId" value={run.id} />
                        <RunFields prefix={runPrefix} values={runValues} errors={errors} places={placeOptionList} />
                        <button type="submit" className="button button-secondary">
                          Reeks opslaan
                        </button>
                      </Form>
                      <Form method="post" action={path} noValidate aria-label={`Reeks ${run.number} annuleren`} className="cancel-run">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="cancel-run" />
                        <input type="hidden" name="runId" value={run.id} />
                        <h5>Reeks annuleren</h5>
                        <p className="hint">
                          Inschrijven kan dan niet meer. De reeks blijft zichtbaar als &quot;gaat niet door&quot;. Dit kunt u niet ongedaan maken.
                        </p>
                        <p className="hint">
                          {run.active === 0
                            ? "Er is niemand ingeschreven of aan het wachten."
                            : `${run.active === 1 ? "1 persoon is" : `${run.active} mensen zijn`} ingeschreven of wacht${run.active === 1 ? "" : "en"}. Hun inschrijving wordt geannuleerd en ze krijgen een sms of e-mail dat de reeks niet doorgaat.`}
                          {run.unreachable > 0
                            ? ` ${run.unreachable === 1 ? "1 persoon heeft" : `${run.unreachable} mensen hebben`} geen gsm-nummer en geen e-mailadres: bel ${run.unreachable === 1 ? "die persoon" : "hen"} zelf (zie de lijst met inschrijvingen).`
                            : null}
                        </p>
                        <FieldError id={`confirm-${run.id}`} message={errors[`confirm-${run.id}`]} />
                        <div className="checkboxes">
                          <div className="checkbox">
                            <input
                              type="checkbox"
                              id={`confirm-${run.id}`}
                              name="confirm"
                              aria-invalid={errors[`confirm-${run.id}`] ? true : undefined}
                              aria-describedby={describedBy(`confirm-${run.id}`, { error: errors[`confirm-${run.id}`] })}
                            />
                            <label htmlFor={`confirm-${run.id}`}>Ja, reeks {run.number} gaat niet door</label>
                          </div>
                        </div>
                        <button type="submit" className="button button-danger">
                          Reeks {run.number} annuleren
                        </button>
                      </Form>
                    </details>
                  </>
                ) : null}
              </section>
            );
          })}

          {canEdit ? (
            <section className="run-admin" aria-labelledby="new-run-title">
              <h3 id="new-run-title">Nieuwe reeks</h3>
              <Form method="post" action={path} noValidate aria-labelledby="new-run-title">
                <CsrfInput />
                <input type="hidden" name="intent" value="add-run" />
                <RunFields prefix="new-" values={newRunValues} errors={errors} places={placeOptionList} />
                <fieldset className="field">
                  <legend>Eerste les (niet verplicht)</legend>
                  <p className="hint">U kunt lessen ook later toevoegen.</p>
                  <div className="hours-row">
                    <TextField id="new-date" name="date" label="Datum" type="date" className="input-date" value={newRunValues.date} error={errors["new-date"]} />
                    <TextField id="new-startTime" name="startTime" label="Van" hint="Bv. 09:30" className="input-short" value={newRunValues.startTime} error={errors["new-startTime"]} />
                    <TextField id="new-endTime" name="endTime" label="Tot" hint="Bv. 11:30" className="input-short" value={newRunValues.endTime} error={errors["new-endTime"]} />
                    <TextField id="new-weeks" name="weeks" label="Aantal weken" hint="Elke week op dezelfde dag" inputMode="numeric" className="input-short" value={newRunValues.weeks} error={errors["new-weeks"]} />
                  </div>
                </fieldset>
                <button type="submit" className="button">
                  Reeks toevoegen
                </button>
              </Form>
            </section>
          ) : null}
        </section>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="details-title" className={course ? "staff-section" : undefined}>
          <h2 id="details-title">Gegevens van de cursus</h2>
          <Form method="post" action={path} noValidate key={course?.updatedAt ?? "new"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <TranslatedFields field="title" label="Titel" hint="Kort en duidelijk, bijvoorbeeld: Smartphone voor beginners." values={values} errors={courseErrors} />
            <TranslatedFields
              field="description"
              label="Beschrijving"
              hint="Wat leert een bewoner? Schrijf eenvoudig (taalniveau B1)."
              values={values}
              errors={courseErrors}
              multiline
            />
            <SelectField
              id="organizerId"
              label="Organisator"
              value={values.organizerId}
              error={courseErrors.organizerId}
              options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              empty={course ? undefined : "Kies een organisatie"}
            />
            <ChoiceGroup
              name="level"
              type="radio"
              legend="Niveau"
              hint="Op de schaal van DigComp, het Europese kader voor digitale vaardigheden."
              options={COURSE_LEVELS.map((l) => ({ value: l, label: COURSE_LEVEL_LABELS[l] }))}
              checked={[values.level]}
              error={courseErrors.level}
            />
            <ChoiceGroup columns
              name="audiences"
              legend="Voor wie?"
              options={COURSE_AUDIENCES.map((a) => ({ value: a, label: COURSE_AUDIENCE_LABELS[a] }))}
              checked={values.audiences}
              error={courseErrors.audiences}
            />
            <SelectField id="instructionLanguage" label="Taal van de les" value={values.instructionLanguage} error={courseErrors.instructionLanguage} options={languageOptions} />
            <ChoiceGroup
              name="format"
              type="radio"
              legend="In groep of individueel"
              options={COURSE_FORMATS.map((f) => ({ value: f, label: COURSE_FORMAT_LABELS[f] }))}
              checked={[values.format]}
              error={courseErrors.format}
            />
            <ChoiceGroup
              name="mode"
              type="radio"
              legend="Ter plaatse of online"
              options={COURSE_MODES.map((m) => ({ value: m, label: COURSE_MODE_LABELS[m] }))}
              checked={[values.mode]}
              error={courseErrors.mode}
            />
            <fieldset className="field">
              <legend>Prijs</legend>
              <TextField id="price" label="Prijs in euro" hint="Bijvoorbeeld 10 of 12,50. Leeg of 0: gratis." inputMode="decimal" className="input-short" value={values.price} error={courseErrors.price} />
              <TextField
                id="uitpasPrice"
                label="Prijs met UiTPAS-kansentarief (niet verplicht)"
                hint="Bijvoorbeeld 2. Leeg: geen kansentarief."
                inputMode="decimal"
                className="input-short"
                value={values.uitpasPrice}
                error={courseErrors.uitpasPrice}
              />
            </fieldset>
            <TranslatedFields field="whatToBring" label="Wat brengen mensen mee? (niet verplicht)" hint="Bijvoorbeeld: uw smartphone, opgeladen, en uw pincode." values={values} errors={courseErrors} />
            {topics.length ? (
              <ChoiceGroup columns name="topicCodes" legend="Onderwerpen" options={topics} checked={values.topicCodes} error={courseErrors.topicCodes} />
            ) : null}
            <ChoiceGroup columns
              name="digcompIds"
              legend="DigComp-competenties (niet verplicht)"
              hint="Wat leren mensen in deze cursus? Zo vindt de zelftest een cursus op het juiste niveau."
              options={Object.entries(DIGCOMP_COMPETENCES).map(([id, label]) => ({ value: id, label: `${id} ${label}` }))}
              checked={values.digcompIds}
              error={courseErrors.digcompIds}
            />
            {trainers.length ? (
              <ChoiceGroup columns name="trainerIds" legend="Lesgevers (niet verplicht)" hint="Mensen met de rol lesgever in deze gemeente." options={trainers} checked={values.trainerIds} error={courseErrors.trainerIds} />
            ) : (
              <p className="hint">Er zijn nog geen mensen met de rol lesgever in deze gemeente.</p>
            )}
            <TextField
              id="completionPercent"
              label="Aanwezig voor een getuigschrift (procent van de lessen)"
              hint="Bijvoorbeeld 75: wie 3 van de 4 lessen aanwezig is, heeft de cursus gevolgd."
              inputMode="numeric"
              className="input-short"
              value={values.completionPercent}
              error={courseErrors.completionPercent}
            />
            <div className="checkboxes">
              <div className="checkbox">
                <input type="checkbox" id="published" name="published" defaultChecked={values.published} />
                <label htmlFor="published">Tonen op de publieke site</label>
              </div>
            </div>
            <button type="submit" className="button">
              {course ? "Gegevens opslaan" : "Cursus aanmaken"}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function RunFields({
  prefix,
  values,
  errors,
  places,
}: {
  prefix: string;
  values: { helpPointId: string; venue: string; capacity: string; offerHours: string };
  errors: FieldErrors;
  places: { value: string; label: string }[];
}) {
  return (
    <>
      <SelectField
        id={`${prefix}helpPointId`}
        name="helpPointId"
        label="Hulppunt"
        hint="Of laat leeg en schrijf hieronder waar het is."
        value={values.helpPointId}
        error={errors[`${prefix}helpPointId`]}
        options={places}
        empty="Geen hulppunt: een andere plek"
      />
      <TextField
        id={`${prefix}venue`}
        name="venue"
        label="Andere plek of uitleg (niet verplicht)"
        hint="Bijvoorbeeld: Stadhuis, Grote Markt 1, zaal 3. Of: online via Teams."
        value={values.venue}
        error={errors[`${prefix}venue`]}
      />
      <TextField id={`${prefix}capacity`} name="capacity" label="Aantal plaatsen" inputMode="numeric" className="input-short" value={values.capacity} error={errors[`${prefix}capacity`]} />
      <TextField
        id={`${prefix}offerHours`}
        name="offerHours"
        label="Uren om een vrijgekomen plaats te aanvaarden"
        hint="Wie op de wachtlijst staat, krijgt zo lang de tijd. Meestal 48."
        inputMode="numeric"
        className="input-short"
        value={values.offerHours}
        error={errors[`${prefix}offerHours`]}
      />
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
