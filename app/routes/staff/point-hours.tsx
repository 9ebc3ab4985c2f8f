import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { brusselsDate, scheduleFrom } from "~/modules/finder/opening-hours";
import { InputError } from "~/modules/offer/errors";
import { getHelpPoint } from "~/modules/offer/help-points.server";
import { addException, deleteException, getWeeklyHours, latestPlannableDate, listExceptions, replaceWeeklyHours } from "~/modules/offer/hours.server";
import { dutchDay, WEEKDAY_LABELS } from "~/modules/offer/labels";
import { exceptionInput, fieldErrors, hoursField, MAX_INTERVALS_PER_DAY, WEEKDAYS, weeklyHoursFromForm } from "~/modules/offer/schema";
import { describedBy, ErrorSummary, FieldError, type FieldErrors, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/point-hours";

const MESSAGES: Record<string, string> = {
  uren: "De openingsuren zijn opgeslagen.",
  sluiting: "De sluiting is toegevoegd.",
  extra: "De extra opening is toegevoegd.",
  verwijderd: "De sluiting of extra opening is verwijderd.",
};

type FormName = "hours" | "closure" | "opening";
type ActionResult = { form: FormName; errors: FieldErrors; values: Record<string, string> };

async function loadPoint(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "offer.view");
  const point = await getHelpPoint(getDb(), municipality.id, params.pointId);
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  requirePermission(session, "offer.edit", { municipalityId: municipality.id, organizationId: point.organizationId, helpPointId: point.id });
  return { session, municipality, point };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, point } = await loadPoint(request, params);
  const db = getDb();
  const today = brusselsDate();
  const [weekly, exceptions] = await Promise.all([getWeeklyHours(db, municipality.id, point.id), listExceptions(db, municipality.id, point.id, today)]);
  const message = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    point: { id: point.id, name: point.name, updatedAt: point.updatedAt.toISOString() },
    today,
    maxDate: latestPlannableDate(today),
    weekly,
    exceptions,
    preview: scheduleFrom(today, 7, weekly, exceptions, "nl"),
    message: message ? (MESSAGES[message] ?? null) : null,
  };
}

const invalid = (result: ActionResult) => data(result, { status: 400 });

/** Errors of a domain function (keyed date, opens, …) at the fields of one form (closure-date, …). */
const prefixed = (prefix: string, errors: Record<string, string | undefined>): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([key, message]) => [`${prefix}-${key === "form" ? "date" : key}`, message]));

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, point } = await loadPoint(request, params);
  const form = await readStaffForm(request, session);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const intent = String(form.get("intent") ?? "");
  const done = (message: string) => redirect(`/beheer/${municipality.slug}/punten/${point.id}/uren?opgeslagen=${message}`);

  if (intent === "hours") {
    const { hours, values, errors } = weeklyHoursFromForm(form);
    if (Object.keys(errors).length) return invalid({ form: "hours", errors, values });
    try {
      await replaceWeeklyHours(db, municipality.id, point.id, hours, actor);
    } catch (error) {
      if (error instanceof InputError) return invalid({ form: "hours", errors: { [hoursField(1, 0, "opens")]: error.message }, values });
      throw error;
    }
    throw done("uren");
  }

  if (intent === "add-closure" || intent === "add-opening") {
    const prefix = intent === "add-closure" ? "closure" : "opening";
    const values: Record<string, string> = {};
    for (const key of ["date", "opens", "closes", "reason"]) values[`${prefix}-${key}`] = String(form.get(`${prefix}-${key}`) ?? "");
    const parsed = exceptionInput.safeParse({
      kind: intent === "add-closure" ? "closed" : "open",
      date: values[`${prefix}-date`],
      opens: values[`${prefix}-opens`],
      closes: values[`${prefix}-closes`],
      reason: values[`${prefix}-reason`],
    });
    if (!parsed.success) return invalid({ form: prefix, errors: prefixed(prefix, fieldErrors(parsed.error)), values });
    try {
      await addException(db, municipality.id, point.id, parsed.data, actor);
    } catch (error) {
      if (error instanceof InputError) return invalid({ form: prefix, errors: prefixed(prefix, error.errors), values });
      throw error;
    }
    throw done(prefix === "closure" ? "sluiting" : "extra");
  }

  if (intent === "delete-exception") {
    await deleteException(db, municipality.id, point.id, String(form.get("exceptionId") ?? ""), actor);
    throw done("verwijderd");
  }

  throw new Response("Onbekende actie", { status: 400 });
}

function TimeInput({ id, label, value, error, hidden }: { id: string; label: string; value: string; error?: string; hidden?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {hidden ? <span className="visually-hidden"> {hidden}</span> : null}
      </label>
      <FieldError id={id} message={error} />
      <input
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="input-short"
        placeholder="UU:MM"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error })}
      />
    </div>
  );
}


export default function PointHours({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, point, weekly, exceptions, preview, today, maxDate, path } = loaderData;
  const result = actionData as ActionResult | undefined;
  const errors: FieldErrors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const errorsOf = (form: FormName) => (result?.form === form ? errors : {});
  const valuesOf = (form: FormName) => (result?.form === form ? result.values : {});

  // The weekly editor shows what was typed after an error, otherwise the saved hours.
  const hoursValues: Record<string, string> = { ...valuesOf("hours") };
  if (result?.form !== "hours") {
    for (const weekday of WEEKDAYS) {
      weekly
        .filter((h) => h.weekday === weekday)
        .slice(0, MAX_INTERVALS_PER_DAY)
        .forEach((h, slot) => {
          hoursValues[hoursField(weekday, slot, "opens")] = h.opens;
          hoursValues[hoursField(weekday, slot, "closes")] = h.closes;
        });
    }
  }
  const hoursErrors = errorsOf("hours");
  const closure = valuesOf("closure");
  const closureErrors = errorsOf("closure");
  const opening = valuesOf("opening");
  const openingErrors = errorsOf("opening");
  const dateHint = `Vandaag of later, tot en met ${dutchDay(maxDate)}.`;

  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Openingsuren van ${point.name} — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/punten/${point.id}`}>Terug naar {point.name}</Link>
      </p>
      <h1>Openingsuren van {point.name}</h1>
      {loaderData.message && !hasErrors ? (
        <div className="success" role="status">
          <p>{loaderData.message}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">De komende 7 dagen</h2>
        <p className="hint">Zo zien bewoners het. Feestdagen, sluitingen en extra openingen zijn meegerekend.</p>
        <div className="table-wrap">
          <table className="hours-table">
            <caption className="visually-hidden">Openingsuren de komende 7 dagen</caption>
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col">Open</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((day) => (
                <tr key={day.date} className={day.date === today ? "today" : undefined}>
                  <th scope="row">{dutchDay(day.date)}</th>
                  <td>
                    {day.intervals.length ? day.intervals.map((i) => `${i.opens}–${i.closes}`).join(", ") : "Gesloten"}
                    {day.closedReason ? ` (${day.closedReason})` : null}
                    {day.extra ? " (extra opening)" : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="weekly-title" className="staff-section">
        <h2 id="weekly-title">Gewone openingsuren per week</h2>
        <p className="hint" id="weekly-hint">
          Laat een dag leeg als het hulppunt dan gesloten is. Is er een middagpauze? Vul dan twee blokken in, bijvoorbeeld van 09:00 tot
          12:00 en van 13:00 tot 17:00. Schrijf uren als UU:MM.
        </p>
        <Form method="post" action={path} noValidate key={point.updatedAt}>
          <CsrfInput />
          <input type="hidden" name="intent" value="hours" />
          {WEEKDAYS.map((weekday) => (
            <fieldset className="field hours-day" key={weekday}>
              <legend>{WEEKDAY_LABELS[weekday]}</legend>
              {Array.from({ length: MAX_INTERVALS_PER_DAY }, (_, slot) => {
                const opens = hoursField(weekday, slot, "opens");
                const closes = hoursField(weekday, slot, "closes");
                const context = `(${WEEKDAY_LABELS[weekday]}, blok ${slot + 1})`;
                return (
                  <div className="hours-row" key={slot}>
                    <span className="hours-row-label" aria-hidden="true">
                      Blok {slot + 1}
                    </span>
                    <TimeInput id={opens} label="Van" hidden={context} value={hoursValues[opens] ?? ""} error={hoursErrors[opens]} />
                    <TimeInput id={closes} label="Tot" hidden={context} value={hoursValues[closes] ?? ""} error={hoursErrors[closes]} />
                  </div>
                );
              })}
            </fieldset>
          ))}
          <button type="submit" className="button">
            Openingsuren opslaan
          </button>
        </Form>
      </section>

      <section aria-labelledby="exceptions-title" className="staff-section">
        <h2 id="exceptions-title">Sluitingen en extra openingen</h2>
        <p>Belgische feestdagen zijn al meegerekend: die hoeft u niet in te vullen.</p>
        {exceptions.length === 0 ? (
          <p>Er zijn geen sluitingen of extra openingen gepland.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Geplande sluitingen en extra openingen</caption>
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Wat</th>
                  <th scope="col">Reden</th>
                  <th scope="col">Actie</th>
                </tr>
              </thead>
              <tbody>
                {exceptions.map((e) => {
                  const what = e.kind === "closed" ? "Gesloten" : `Extra open van ${e.opens} tot ${e.closes}`;
                  return (
                    <tr key={e.id}>
                      <th scope="row">{dutchDay(e.date)}</th>
                      <td>{what}</td>
                      <td>{e.reason ?? "—"}</td>
                      <td>
                        <Form method="post" action={path}>
                          <CsrfInput />
                          <input type="hidden" name="intent" value="delete-exception" />
                          <input type="hidden" name="exceptionId" value={e.id} />
                          <button type="submit" className="button button-secondary">
                            Verwijderen
                            <span className="visually-hidden">
                              : {what.toLowerCase()} op {dutchDay(e.date)}
                            </span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        <h3 id="closure-title">Sluiting toevoegen</h3>
        <p className="hint">Het hulppunt is dan de hele dag dicht, bijvoorbeeld voor een opleiding of verlof.</p>
        <Form method="post" action={path} noValidate aria-labelledby="closure-title">
          <CsrfInput />
          <input type="hidden" name="intent" value="add-closure" />
          <TextField id="closure-date" label="Datum" type="date" hint={dateHint} min={today} max={maxDate} value={closure["closure-date"] ?? ""} error={closureErrors["closure-date"]} />
          <TextField id="closure-reason" label="Reden (niet verplicht)" hint="Bewoners zien deze reden." value={closure["closure-reason"] ?? ""} error={closureErrors["closure-reason"]} />
          <button type="submit" className="button button-secondary">
            Sluiting toevoegen
          </button>
        </Form>

        <h3 id="opening-title">Extra opening toevoegen</h3>
        <p className="hint">Bijvoorbeeld een pop-up digipunt op een markt, of een extra zitdag.</p>
        <Form method="post" action={path} noValidate aria-labelledby="opening-title">
          <CsrfInput />
          <input type="hidden" name="intent" value="add-opening" />
          <TextField id="opening-date" label="Datum" type="date" hint={dateHint} min={today} max={maxDate} value={opening["opening-date"] ?? ""} error={openingErrors["opening-date"]} />
          <div className="hours-row">
            <TimeInput id="opening-opens" label="Van" value={opening["opening-opens"] ?? ""} error={openingErrors["opening-opens"]} />
            <TimeInput id="opening-closes" label="Tot" value={opening["opening-closes"] ?? ""} error={openingErrors["opening-closes"]} />
          </div>
          <TextField id="opening-reason" label="Reden (niet verplicht)" hint="Bewoners zien deze reden." value={opening["opening-reason"] ?? ""} error={openingErrors["opening-reason"]} />
          <button type="submit" className="button button-secondary">
            Extra opening toevoegen
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
