import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { appointmentTypeInput, planBlockInput, typeValuesFromForm, WEEKDAY_LABELS_NL, type AppointmentTypeValues } from "~/modules/appointments/schema";
import { addPlanBlock, deletePlanBlock, listPointTypes, pointForAppointments, saveAppointmentType, typeValues } from "~/modules/appointments/types.server";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { listTopics } from "~/modules/municipality/municipality.server";
import { fieldErrors } from "~/modules/offer/schema";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/point-appointments";

const SAVED: Record<string, string> = {
  soort: "Het soort afspraak is opgeslagen.",
  blok: "Het blok staat in het weekplan. Bewoners kunnen nu op die uren boeken.",
  "blok-weg": "Het blok is uit het weekplan gehaald. Afspraken die al gemaakt zijn, blijven staan.",
};

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const point = await pointForAppointments(getDb(), municipality.id, params.pointId ?? "");
  if (!point) throw new Response("Hulppunt niet gevonden", { status: 404 });
  requirePermission(session, "help.manage", { municipalityId: municipality.id, organizationId: point.organizationId, helpPointId: point.id });
  return { session, municipality, point };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, point } = await load(request, params);
  const db = getDb();
  const url = new URL(request.url);
  const [types, topics] = await Promise.all([listPointTypes(db, point.id), listTopics(db, municipality.id)]);
  const editId = url.searchParams.get("soort");
  const editing = editId ? (types.find((t) => t.id === editId) ?? null) : null;
  const saved = url.searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    point: { id: point.id, name: point.name },
    saved: saved ? (SAVED[saved] ?? null) : null,
    topics: topics.map((t) => ({ id: t.id, name: translated(t.name, "nl") })),
    types: types.map((t) => ({ ...t, label: translated(t.name, "nl"), topic: t.topicId ? translated(topics.find((x) => x.id === t.topicId)?.name, "nl") : "Elke digitale vraag" })),
    editing: editing ? { id: editing.id, name: translated(editing.name, "nl") } : null,
    values: typeValues(editing),
  };
}

type ActionData = { form: string; errors: FieldErrors; values?: AppointmentTypeValues; block?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, point } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const here = `/beheer/${municipality.slug}/punten/${point.id}/afspraken`;
  switch (String(form.get("intent") ?? "")) {
    case "save-type": {
      const values = typeValuesFromForm(form);
      const parsed = appointmentTypeInput.safeParse(values);
      if (!parsed.success) return data<ActionData>({ form: "type", errors: fieldErrors(parsed.error), values }, { status: 400 });
      const typeId = String(form.get("typeId") ?? "") || null;
      const result = await saveAppointmentType(db, municipality.id, point.id, typeId, parsed.data, actor);
      if (!result.ok) return data<ActionData>({ form: "type", errors: { [result.field]: result.message }, values }, { status: 400 });
      throw redirect(`${here}?opgeslagen=soort#soort-${result.id}`, 303);
    }
    case "add-block": {
      const typeId = String(form.get("typeId") ?? "");
      const block = { weekday: String(form.get("weekday") ?? ""), from: String(form.get("from") ?? ""), to: String(form.get("to") ?? ""), helpers: String(form.get("helpers") ?? "") };
      const parsed = planBlockInput.safeParse(block);
      const formId = `block-${typeId}`;
      if (!parsed.success) {
        const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`${k}-${typeId}`, v]));
        return data<ActionData>({ form: formId, errors, block }, { status: 400 });
      }
      if (!(await addPlanBlock(db, municipality.id, point.id, typeId, parsed.data, actor))) throw new Response("Soort afspraak niet gevonden", { status: 404 });
      throw redirect(`${here}?opgeslagen=blok#soort-${typeId}`, 303);
    }
    case "delete-block": {
      if (!(await deletePlanBlock(db, municipality.id, point.id, String(form.get("blockId") ?? ""), actor))) throw new Response("Blok niet gevonden", { status: 404 });
      throw redirect(`${here}?opgeslagen=blok-weg`, 303);
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

function NumberField({ id, label, hint, value, error, min, max }: { id: keyof AppointmentTypeValues; label: string; hint?: string; value: string; error?: string; min: number; max: number }) {
  return <TextField id={id} label={label} hint={hint} value={value} error={error} type="number" inputMode="numeric" min={String(min)} max={String(max)} className="input-short" />;
}

export default function PointAppointments({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, point, saved, topics, types, editing } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const typeErrors = result?.form === "type" ? errors : {};
  const values = result?.form === "type" && result.values ? result.values : loaderData.values;
  const hasErrors = Object.values(errors).some(Boolean);
  const here = `/beheer/${municipality.slug}/punten/${point.id}/afspraken`;
  const heading = `Afspraken: ${point.name}`;
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}${heading} — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/punten/${point.id}`}>Terug naar het hulppunt</Link>
      </p>
      <h1>{heading}</h1>
      <p className="lead">
        Welke hulp kunnen bewoners hier op afspraak krijgen, en wanneer? Op feestdagen en op dagen dat het hulppunt gesloten is (zie{" "}
        <Link to={`/beheer/${municipality.slug}/punten/${point.id}/uren`}>openingsuren en sluitingen</Link>) kan niemand boeken.
      </p>
      {saved && !hasErrors ? (
        <div className="success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      {types.length === 0 ? <p>Er zijn nog geen soorten afspraken. Maak er hieronder een.</p> : null}
      {types.map((t) => {
        const blockErrors = result?.form === `block-${t.id}` ? errors : {};
        const block = result?.form === `block-${t.id}` ? result.block : undefined;
        return (
          <section key={t.id} className="staff-section" id={`soort-${t.id}`} aria-labelledby={`title-${t.id}`}>
            <h2 id={`title-${t.id}`}>
              {t.label}
              {t.active ? "" : " (staat uit)"}
            </h2>
            <p>
              {t.topic} · {t.durationMinutes} minuten{t.bufferMinutes ? `, daarna ${t.bufferMinutes} minuten pauze` : ""} · minstens {t.minNoticeHours} uur vooraf · tot {t.horizonDays}{" "}
              dagen vooruit · annuleren tot {t.cancelCutoffHours} uur vooraf. <Link to={`${here}?soort=${t.id}#type-form`}>Wijzigen<span className="visually-hidden">: {t.label}</span></Link>
            </p>
            <h3>Weekplan</h3>
            {t.blocks.length === 0 ? (
              <p>Nog geen uren: bewoners kunnen dit nog niet boeken.</p>
            ) : (
              <div className="table-wrap">
                <table className="data wide-table">
                  <caption className="visually-hidden">{`Weekplan ${t.label}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Dag</th>
                      <th scope="col">Van</th>
                      <th scope="col">Tot</th>
                      <th scope="col">Helpers tegelijk</th>
                      <th scope="col">
                        <span className="visually-hidden">Doen</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.blocks.map((b) => (
                      <tr key={b.id}>
                        <th scope="row">{WEEKDAY_LABELS_NL[b.weekday]}</th>
                        <td>{b.startsAt}</td>
                        <td>{b.endsAt}</td>
                        <td>{b.helpers}</td>
                        <td>
                          <Form method="post" action={here}>
                            <CsrfInput />
                            <input type="hidden" name="intent" value="delete-block" />
                            <input type="hidden" name="blockId" value={b.id} />
                            <button type="submit" className="button button-secondary button-small">
                              Weghalen<span className="visually-hidden">: {`${WEEKDAY_LABELS_NL[b.weekday]} ${b.startsAt}–${b.endsAt}`}</span>
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Form method="post" action={here} noValidate aria-label={`Uren toevoegen aan ${t.label}`}>
              <CsrfInput />
              <input type="hidden" name="intent" value="add-block" />
              <input type="hidden" name="typeId" value={t.id} />
              <p className="hint">Een pauze is de tijd tussen twee blokken: maak bijvoorbeeld 9:00–12:00 en 13:00–16:00.</p>
              <div className="inline-form">
                <SelectField
                  id={`weekday-${t.id}`}
                  name="weekday"
                  label="Dag"
                  value={block?.weekday ?? "1"}
                  error={blockErrors[`weekday-${t.id}`]}
                  options={WEEKDAY_LABELS_NL.slice(1).map((label, i) => ({ value: String(i + 1), label }))}
                />
                <TextField id={`from-${t.id}`} name="from" label="Van" type="time" value={block?.from ?? "09:00"} error={blockErrors[`from-${t.id}`]} />
                <TextField id={`to-${t.id}`} name="to" label="Tot" type="time" value={block?.to ?? "12:00"} error={blockErrors[`to-${t.id}`]} />
                <TextField
                  id={`helpers-${t.id}`}
                  name="helpers"
                  label="Helpers tegelijk"
                  type="number"
                  min="1"
                  max="50"
                  className="input-short"
                  value={block?.helpers ?? "1"}
                  error={blockErrors[`helpers-${t.id}`]}
                />
                <button type="submit" className="button button-secondary">
                  Uren toevoegen
                </button>
              </div>
            </Form>
          </section>
        );
      })}

      <section className="staff-section" aria-labelledby="type-form-title">
        <h2 id="type-form-title">{editing ? `Wijzigen: ${editing.name}` : "Nieuw soort afspraak"}</h2>
        <Form method="post" action={here} noValidate id="type-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="save-type" />
          {editing ? <input type="hidden" name="typeId" value={editing.id} /> : null}
          <TextField id="nameNl" label="Naam" hint="Kort en in gewone woorden, zoals “Hulp met itsme”." value={values.nameNl} error={typeErrors.nameNl} />
          <details className="translations" open={Boolean(values.nameFr || values.nameEn || values.nameAr)}>
            <summary>Vertalingen van de naam</summary>
            {(
              [
                ["nameFr", "Frans", "fr"],
                ["nameEn", "Engels", "en"],
                ["nameAr", "Arabisch", "ar"],
              ] as const
            ).map(([id, label, lang]) => (
              <TextField key={id} id={id} label={label} lang={lang} value={values[id]} error={typeErrors[id]} />
            ))}
          </details>
          <SelectField
            id="topicId"
            label="Onderwerp"
            hint="Bewoners kiezen eerst een onderwerp."
            value={values.topicId}
            error={typeErrors.topicId}
            empty="Elke digitale vraag"
            options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
          />
          <NumberField id="durationMinutes" label="Duur in minuten" value={values.durationMinutes} error={typeErrors.durationMinutes} min={5} max={480} />
          <NumberField id="bufferMinutes" label="Pauze na elke afspraak, in minuten" value={values.bufferMinutes} error={typeErrors.bufferMinutes} min={0} max={120} />
          <NumberField
            id="minNoticeHours"
            label="Minstens zoveel uur vooraf boeken"
            hint="Medewerkers kunnen aan de telefoon of balie ook later nog boeken."
            value={values.minNoticeHours}
            error={typeErrors.minNoticeHours}
            min={0}
            max={336}
          />
          <NumberField id="horizonDays" label="Hoeveel dagen vooruit" value={values.horizonDays} error={typeErrors.horizonDays} min={1} max={180} />
          <NumberField
            id="cancelCutoffHours"
            label="Annuleren of verplaatsen online tot zoveel uur vooraf"
            hint="Daarna ziet de bewoner het telefoonnummer om te bellen."
            value={values.cancelCutoffHours}
            error={typeErrors.cancelCutoffHours}
            min={0}
            max={336}
          />
          <div className="checkbox field">
            <input type="checkbox" id="active" name="active" defaultChecked={values.active} />
            <label htmlFor="active">Bewoners kunnen dit boeken</label>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {editing ? "Wijzigingen opslaan" : "Soort afspraak maken"}
            </button>
            {editing ? <Link to={here}>Niet wijzigen</Link> : null}
          </div>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
