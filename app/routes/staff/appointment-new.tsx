import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { addWalkIn, bookAppointment, freeSlots, loadTypeContext } from "~/modules/appointments/appointments.server";
import { bookingSchema, bookingValuesFromForm, type BookingFormValues } from "~/modules/appointments/schema";
import { activeTypesOfPoint, defaultDeskPoint, pointsWith } from "~/modules/appointments/types.server";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { formatClock, formatDateTime, formatLongDate } from "~/modules/learning/registration-format";
import { fieldErrors } from "~/modules/offer/schema";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { describedBy, ErrorSummary, FieldError, FieldFrame, type FieldErrors, SelectField, TextArea, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/appointment-new";

const isDate = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
const DAYS = 3;

const ERRORS: Record<string, string> = {
  full: "Dit uur is net door iemand anders genomen. Kies een ander uur.",
  already_booked: "Deze persoon heeft online al een afspraak op dit uur.",
  past: "Dit uur is al voorbij. Kies een ander uur.",
  not_a_slot: "Op dit uur kan geen afspraak: het hulppunt is dan dicht of er is geen plan. Kies een uur uit de lijst.",
  unknown: "Dit soort afspraak bestaat niet meer. Kies een ander.",
};

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const url = new URL(request.url);
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const db = getDb();
  const points = await pointsWith(db, session.assignments, municipality.id, "help.desk");
  if (points.length === 0) forbidden();
  const pointId = url.searchParams.get("punt");
  const point = pointId ? points.find((p) => p.id === pointId) : await defaultDeskPoint(db, points);
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  const types = await activeTypesOfPoint(db, point.id);
  return { session, municipality, points, point, types, url };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, points, point, types, url } = await load(request, params);
  const requestedType = url.searchParams.get("type");
  const type = types.find((t) => t.id === requestedType) ?? types[0] ?? null;
  const today = brusselsDate();
  const requested = url.searchParams.get("dag");
  const from = isDate(requested) && requested >= today ? requested : today;
  let days: { date: string; label: string; times: { startsAt: string; label: string; free: number }[] }[] = [];
  if (type) {
    const ctx = await loadTypeContext(getDb(), type.id);
    if (ctx) {
      // Staff on the phone or at the desk: the minimum notice for residents does not apply.
      const slots = await freeSlots(getDb(), ctx, new Date(), { from, days: DAYS, ignoreNotice: true });
      const byDay = new Map<string, (typeof days)[number]>();
      for (const s of slots) {
        const day = byDay.get(s.date) ?? { date: s.date, label: formatLongDate(s.startsAt, "nl"), times: [] };
        day.times.push({ startsAt: s.startsAt.toISOString(), label: formatClock(s.startsAt, "nl"), free: s.free });
        byDay.set(s.date, day);
      }
      days = [...byDay.values()];
    }
  }
  return {
    municipality: { slug: municipality.slug, name: municipality.name, languages: municipality.languages.filter(isLanguage) },
    points: points.map((p) => ({ id: p.id, name: p.name })),
    point: { id: point.id, name: point.name },
    types: types.map((t) => ({ id: t.id, name: translated(t.name, "nl"), duration: t.durationMinutes })),
    typeId: type?.id ?? null,
    from,
    fromLabel: formatLongDate(`${from}T12:00:00Z`, "nl"),
    next: addDaysTo(from, DAYS),
    previous: from > today ? addDaysTo(from, -DAYS) < today ? today : addDaysTo(from, -DAYS) : null,
    days,
  };
}

type ActionData =
  | { form: "book" | "walkin"; errors: FieldErrors; values?: BookingFormValues & { channel: string } }
  | { booked: { code: string; when: string; confirmation: string; hasContact: boolean } };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, point, types } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  if (intent === "walkin") {
    const typeId = String(form.get("walkinType") ?? "");
    if (typeId && !types.some((t) => t.id === typeId)) return data<ActionData>({ form: "walkin", errors: { walkinType: "Kies een soort hulp uit de lijst." } }, { status: 400 });
    const language = String(form.get("walkinLanguage") ?? "nl");
    const name = String(form.get("walkinName") ?? "").trim();
    if (name.length > 100) return data<ActionData>({ form: "walkin", errors: { walkinName: "Gebruik maximaal 100 tekens." } }, { status: 400 });
    const result = await addWalkIn(db, { municipalityId: municipality.id, helpPointId: point.id, appointmentTypeId: typeId || null, name, language: isLanguage(language) ? language : "nl" }, actor);
    if (!result.ok) return data<ActionData>({ form: "walkin", errors: { walkinType: "Kies een soort hulp uit de lijst." } }, { status: 400 });
    throw redirect(`/beheer/${municipality.slug}/agenda?punt=${point.id}&dag=${brusselsDate()}&opgeslagen=binnenloper`, 303);
  }
  if (intent !== "book") throw new Response("Onbekende actie", { status: 400 });
  const channel = String(form.get("channel") ?? "");
  const values = { ...bookingValuesFromForm(form, "nl"), channel };
  const typeId = String(form.get("type") ?? "");
  const errors: FieldErrors = {};
  if (!types.some((t) => t.id === typeId)) errors.type = "Kies een soort afspraak.";
  if (channel !== "phone" && channel !== "desk") errors.channel = "Kies hoe de persoon de afspraak maakt.";
  const parsed = bookingSchema({ mode: "staff", languages: municipality.languages }).safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (!parsed.success || Object.keys(errors).length > 0) return data<ActionData>({ form: "book", errors, values }, { status: 400 });
  const input = parsed.data;
  const result = await bookAppointment(
    db,
    {
      municipalityId: municipality.id,
      appointmentTypeId: typeId,
      startsAt: input.startsAt,
      name: input.name,
      phone: input.phone,
      email: input.email,
      language: input.language,
      note: input.note,
      channel: channel as "phone" | "desk",
    },
    { actor, baseUrl: appBaseUrl(request) },
  );
  if (!result.ok) {
    const next = result.nextFree.map((s) => formatDateTime(s.startsAt, "nl")).join("; ");
    return data<ActionData>({ form: "book", errors: { startsAt: `${ERRORS[result.error]}${next ? ` Vrij: ${next}.` : ""}` }, values }, { status: 409 });
  }
  const lang = isLanguage(input.language) && municipality.languages.includes(input.language) ? input.language : "nl";
  return data<ActionData>({
    booked: {
      code: result.code,
      when: formatDateTime(result.startsAt, "nl"),
      confirmation: `/${municipality.slug}/${lang}/afspraak/${result.manageToken}?nieuw=1`,
      hasContact: Boolean(input.phone || input.email),
    },
  });
}

export default function AppointmentNew({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, points, point, types, typeId, from, fromLabel, next, previous, days } = loaderData;
  const result = actionData as ActionData | undefined;
  const base = `/beheer/${municipality.slug}/agenda`;
  const path = `${base}/nieuw?punt=${point.id}${typeId ? `&type=${typeId}` : ""}&dag=${from}`;
  const heading = `Afspraak maken: ${point.name}`;

  if (result && "booked" in result) {
    return (
      <>
        <title>{`Afspraak gemaakt — ${municipality.name} — Digibrug beheer`}</title>
        <h1>Afspraak gemaakt</h1>
        <div className="success" role="status">
          <p>
            De afspraak staat op {result.booked.when}.{" "}
            {result.booked.hasContact ? "De persoon krijgt een bevestiging en de dag ervoor een herinnering." : "Er gaat geen bericht uit: er is geen telefoonnummer of e-mailadres."}
          </p>
        </div>
        <p>
          Code voor de persoon: <strong className="code-inline">{result.booked.code}</strong>
        </p>
        <p className="actions">
          <a href={result.booked.confirmation} target="_blank" rel="noreferrer" className="button">
            Bevestiging openen om af te drukken (nieuw venster)
          </a>
          <Link to={`${base}?punt=${point.id}`}>Terug naar de agenda</Link>
          <Link to={`${base}/nieuw?punt=${point.id}`}>Nog een afspraak maken</Link>
        </p>
      </>
    );
  }

  const errors = result && "form" in result ? result.errors : {};
  const bookErrors = result && "form" in result && result.form === "book" ? errors : {};
  const walkinErrors = result && "form" in result && result.form === "walkin" ? errors : {};
  const values = result && "form" in result && result.values ? result.values : { startsAt: "", name: "", phone: "", email: "", language: "nl", note: "", channel: "phone" };
  const hasErrors = Object.values(errors).some(Boolean);

  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}${heading} — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`${base}?punt=${point.id}`}>Terug naar de agenda</Link>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />

      <Form method="get" action={`${base}/nieuw`} className="inline-form">
        {points.length > 1 ? (
          <SelectField id="punt" label="Hulppunt" value={point.id} options={points.map((p) => ({ value: p.id, label: p.name }))} />
        ) : (
          <input type="hidden" name="punt" value={point.id} />
        )}
        {types.length > 0 ? (
          <SelectField
            id="type-choice"
            name="type"
            label="Soort afspraak"
            value={typeId ?? ""}
            options={types.map((t) => ({ value: t.id, label: `${t.name} (${t.duration} min)` }))}
          />
        ) : null}
        <FieldFrame id="dag" label="Vanaf">
          <input id="dag" name="dag" type="date" className="input-date" defaultValue={from} />
        </FieldFrame>
        <button type="submit" className="button button-secondary">
          Toon vrije uren
        </button>
      </Form>

      <section className="staff-section" aria-labelledby="book-title">
        <h2 id="book-title">Afspraak maken voor iemand</h2>
        {types.length === 0 || !typeId ? (
          <p>
            Dit hulppunt heeft nog geen soorten afspraken.{" "}
            <Link to={`/beheer/${municipality.slug}/punten/${point.id}/afspraken`}>Afspraken van dit hulppunt instellen</Link>
          </p>
        ) : (
          <Form method="post" action={path} noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="book" />
            <input type="hidden" name="type" value={typeId} />
            <fieldset className="field" id="startsAt" tabIndex={-1} aria-describedby={bookErrors.startsAt ? "startsAt-error" : undefined}>
              <legend>Uur (vanaf {fromLabel})</legend>
              <FieldError id="startsAt" message={bookErrors.startsAt} />
              {days.length === 0 ? <p>Geen vrije uren in deze dagen. Kijk verder.</p> : null}
              {days.map((day) => (
                <fieldset key={day.date} className="field move-day">
                  <legend>{day.label}</legend>
                  <div className="radios time-radios">
                    {day.times.map((time) => (
                      <div className="radio" key={time.startsAt}>
                        <input type="radio" id={`time-${time.startsAt}`} name="startsAt" value={time.startsAt} defaultChecked={values.startsAt === time.startsAt} />
                        <label htmlFor={`time-${time.startsAt}`}>
                          {time.label} <span className="muted">({time.free} vrij)</span>
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              ))}
              <p className="actions">
                {previous ? <Link to={`${base}/nieuw?punt=${point.id}&type=${typeId}&dag=${previous}`}>Vorige dagen</Link> : null}
                <Link to={`${base}/nieuw?punt=${point.id}&type=${typeId}&dag=${next}`}>Volgende dagen</Link>
              </p>
            </fieldset>
            <fieldset className="field" aria-describedby={describedBy("channel", { error: bookErrors.channel })}>
              <legend>Hoe maakt de persoon de afspraak?</legend>
              <FieldError id="channel" message={bookErrors.channel} />
              <div className="radios">
                <div className="radio">
                  <input type="radio" id="channel" name="channel" value="phone" defaultChecked={values.channel === "phone"} />
                  <label htmlFor="channel">Aan de telefoon</label>
                </div>
                <div className="radio">
                  <input type="radio" id="channel-desk" name="channel" value="desk" defaultChecked={values.channel === "desk"} />
                  <label htmlFor="channel-desk">Aan de balie</label>
                </div>
              </div>
            </fieldset>
            <p className="hint">Naam, telefoon en e-mail zijn niet verplicht. Met een gsm-nummer of e-mailadres krijgt de persoon een bevestiging en een herinnering.</p>
            <TextField id="name" label="Naam" value={values.name} error={bookErrors.name} autoComplete="off" />
            <TextField id="phone" label="Telefoon" value={values.phone} error={bookErrors.phone} type="tel" hint="Bijvoorbeeld 0470 12 34 56." />
            <TextField id="email" label="E-mail" value={values.email} error={bookErrors.email} type="email" />
            <SelectField
              id="language"
              label="Taal van de berichten"
              value={values.language}
              error={bookErrors.language}
              options={municipality.languages.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            />
            <TextArea id="note" label="Notitie" hint="Bijvoorbeeld: heeft geen kaartlezer, komt met een tolk." value={values.note} error={bookErrors.note} rows={2} />
            <button type="submit" className="button">
              Afspraak maken
            </button>
          </Form>
        )}
      </section>

      <section className="staff-section" aria-labelledby="walkin-title">
        <h2 id="walkin-title">Binnenloper toevoegen</h2>
        <p className="hint">Iemand komt zonder afspraak en wordt nu geholpen. De persoon staat meteen als aangemeld in de agenda van vandaag.</p>
        <Form method="post" action={path} noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="walkin" />
          <SelectField id="walkinType" label="Waarvoor" value="" error={walkinErrors.walkinType} empty="Vrije vraag" options={types.map((t) => ({ value: t.id, label: t.name }))} />
          <TextField id="walkinName" label="Naam (niet verplicht)" value="" error={walkinErrors.walkinName} />
          <SelectField id="walkinLanguage" label="Taal" value="nl" options={municipality.languages.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))} />
          <button type="submit" className="button button-secondary">
            Binnenloper toevoegen
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
