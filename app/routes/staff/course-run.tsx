import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage, LANGUAGE_NAMES } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { CsrfInput } from "~/modules/auth/staff-context";
import {
  NEED_LABELS_NL,
  NEEDS,
  registrationSchema,
  registrationValuesFromForm,
  type Need,
  type RegistrationFormValues,
} from "~/modules/learning/registration-schema";
import { cancelRegistration, getRunOverview, issueManageLink, listMoveTargets, listRunRegistrations, moveRegistration, recordRegistrationListView, registerForRun, type RunRegistrationRow } from "~/modules/learning/registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/course-run";
import { telHref } from "~/ui/phone-link";

const MESSAGES: Record<string, string> = {
  geannuleerd: "De inschrijving is geannuleerd. Staat er iemand op de wachtlijst, dan kreeg de eerste persoon de plaats aangeboden.",
  verplaatst: "De persoon is verplaatst en kreeg een bericht.",
};

const MOVE_ERRORS: Record<string, string> = {
  unknown: "Die persoon of reeks bestaat niet (meer). Laad de pagina opnieuw.",
  "not-active": "Deze inschrijving is niet meer actief.",
  "same-run": "Kies een andere reeks.",
  "other-course": "U kunt alleen verplaatsen naar een reeks van dezelfde cursus.",
  full: "Die reeks is volzet, of er staan al mensen op de wachtlijst.",
  past: "Die reeks is al begonnen.",
  cancelled: "Die reeks gaat niet door.",
  duplicate: "Deze persoon is al ingeschreven in die reeks.",
};

const REGISTER_ERRORS: Record<string, string> = {
  full: "De reeks is intussen volzet. Vink aan dat de persoon op de wachtlijst mag, en probeer opnieuw.",
  duplicate: "Deze persoon (zelfde naam en telefoonnummer of e-mailadres) is al ingeschreven of staat al op de wachtlijst.",
  past: "De reeks is al begonnen: inschrijven kan niet meer. Voeg de persoon toe als binnenloper bij de aanwezigheden.",
  cancelled: "Deze reeks gaat niet door.",
  unknown: "Deze reeks bestaat niet meer.",
};

const STATUS_LABELS: Record<string, string> = {
  registered: "Ingeschreven",
  offered: "Plaats aangeboden",
  waiting: "Wachtlijst",
  cancelled: "Geannuleerd",
  expired: "Verlopen",
};

async function loadRun(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.view");
  const run = await getRunOverview(getDb(), municipality.id, params.courseId ?? "", params.runId ?? "");
  if (!run) throw new Response("Reeks niet gevonden", { status: 404 });
  return { session, municipality, run };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, run } = await loadRun(request, params);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const [rows, targets] = await Promise.all([
    listRunRegistrations(db, run.run.id),
    listMoveTargets(db, run.course.id, run.run.id),
  ]);
  // The names on the list are personal data: every view is in the audit log.
  await recordRegistrationListView(db, actor, municipality.id, run.run.id);
  const url = new URL(request.url);
  const registeredId = url.searchParams.get("ingeschreven");
  const message = url.searchParams.get("opgeslagen");
  const place = run.place.name ? `${run.place.name}, ${run.place.street}, ${run.place.postcode} ${run.place.city}` : (run.place.venue ?? "");
  const show = (r: RunRegistrationRow) => ({
    id: r.id,
    status: r.status,
    name: r.name,
    phone: r.phone,
    email: r.email,
    language: r.language,
    needs: r.needs,
    uitpasNumber: r.uitpasNumber,
    department: r.department,
    code: r.code,
    position: r.position,
    offerExpiresAt: r.offerExpiresAt ? dutchDateTime(r.offerExpiresAt) : null,
    since: dutchDateTime(r.waitingSince ?? r.createdAt),
    changedAt: dutchDateTime(r.updatedAt),
    byStaff: r.registeredByUserId !== null,
  });
  const justRegistered = registeredId ? rows.find((r) => r.id === registeredId) : undefined;
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: url.pathname,
    course: { id: run.course.id, title: run.course.title.nl },
    run: {
      id: run.run.id,
      capacity: run.run.capacity,
      registeredCount: run.run.registeredCount,
      offerHours: run.run.offerHours,
      cancelled: run.run.cancelled,
      started: run.started,
      freePlaces: run.freePlaces,
      offered: run.offered,
      waiting: run.waiting,
      place,
      sessions: run.sessions.map((s) => ({ id: s.id, startsAt: dutchDateTime(s.startsAt), endsAt: dutchDateTime(s.endsAt).split(" ").pop() })),
    },
    staffCourse: run.course.audiences.includes("city_staff"),
    askUitpas: run.course.priceCents > 0 && run.course.uitpasPriceCents != null,
    languages: municipality.languages.filter(isLanguage),
    canRegister: can(session.assignments, "learning.register", { municipalityId: municipality.id }),
    rows: rows.map(show),
    targets: targets.map((t) => ({ id: t.id, label: `${t.firstStart ? dutchDateTime(t.firstStart) : "Nog geen lessen"} · ${t.place} · ${t.freePlaces} vrij`, freePlaces: t.freePlaces })),
    justRegistered: justRegistered ? { id: justRegistered.id, name: justRegistered.name, code: justRegistered.code, status: justRegistered.status, position: justRegistered.position } : null,
    message: message ? (MESSAGES[message] ?? null) : null,
  };
}

type ActionData = {
  form: "register" | "move" | "cancel" | "confirm-cancel";
  errors: FieldErrors;
  values?: RegistrationFormValues;
  registrationId?: string;
};

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, run } = await loadRun(request, params);
  requirePermission(session, "learning.register", { municipalityId: municipality.id });
  const form = await readStaffForm(request, session);
  const db = getDb();
  const actor = { id: session.user.id, email: session.user.email };
  const intent = String(form.get("intent") ?? "");
  const registrationId = String(form.get("registrationId") ?? "");
  const here = new URL(request.url).pathname;
  // Only people on this run's list can be changed from this page.
  const onThisRun = async () => (await listRunRegistrations(db, run.run.id)).find((r) => r.id === registrationId);

  switch (intent) {
    case "register": {
      const values = registrationValuesFromForm(form, "nl");
      const schema = registrationSchema({ mode: "staff", languages: municipality.languages, requireDepartment: false });
      const parsed = schema.safeParse(values);
      if (!parsed.success) return data<ActionData>({ form: "register", errors: fieldErrors(parsed.error), values }, { status: 400 });
      const result = await registerForRun(
        db,
        { runId: run.run.id, municipalityId: municipality.id, ...parsed.data, uitpasNumber: run.course.priceCents > 0 ? parsed.data.uitpasNumber : null },
        { actor, joinWaitlistIfFull: form.get("waitlist") === "on", baseUrl: appBaseUrl(request) },
      );
      if (!result.ok) return data<ActionData>({ form: "register", errors: { name: REGISTER_ERRORS[result.error] }, values }, { status: 409 });
      throw redirect(`${here}?ingeschreven=${result.registrationId}#gelukt`, 303);
    }
    case "confirm-cancel": {
      if (!(await onThisRun())) throw new Response("Niet gevonden", { status: 404 });
      return data<ActionData>({ form: "confirm-cancel", errors: {}, registrationId });
    }
    case "cancel": {
      if (!(await onThisRun())) throw new Response("Niet gevonden", { status: 404 });
      const result = await cancelRegistration(db, registrationId, new Date(), { actor, baseUrl: appBaseUrl(request) });
      if (!result.ok) return data<ActionData>({ form: "cancel", errors: { list: "Deze inschrijving was al geannuleerd." } }, { status: 409 });
      throw redirect(`${here}?opgeslagen=geannuleerd`, 303);
    }
    case "move": {
      if (!(await onThisRun())) throw new Response("Niet gevonden", { status: 404 });
      const toRunId = String(form.get("toRunId") ?? "");
      const result = await moveRegistration(db, registrationId, toRunId, actor, { baseUrl: appBaseUrl(request) });
      if (!result.ok) return data<ActionData>({ form: "move", errors: { [`move-${registrationId}`]: MOVE_ERRORS[result.error] }, registrationId }, { status: 409 });
      throw redirect(`${here}?opgeslagen=verplaatst`, 303);
    }
    case "open-confirmation": {
      const row = await onThisRun();
      if (!row) throw new Response("Niet gevonden", { status: 404 });
      const token = await issueManageLink(db, registrationId, "staff", actor);
      if (!token) throw new Response("De gegevens van deze inschrijving zijn gewist: er is geen bevestiging meer om te tonen.", { status: 409 });
      const lang = municipality.languages.includes(row.language) ? row.language : "nl";
      throw redirect(`/${municipality.slug}/${lang}/inschrijving/${token}?nieuw=1`, 303);
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

function needsText(needs: string[]): string {
  return needs.map((n) => NEED_LABELS_NL[n as Need] ?? n).join(", ");
}

function Contact({ phone, email }: { phone: string | null; email: string | null }) {
  if (!phone && !email) return <span className="muted">Geen (aan de balie)</span>;
  return (
    <>
      {phone ? (
        <a href={telHref(phone)} className="phone-link">
          {phone}
        </a>
      ) : null}
      {phone && email ? <br /> : null}
      {email ? <a href={`mailto:${email}`}>{email}</a> : null}
    </>
  );
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

export default function CourseRun({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, course, run, rows, targets, canRegister, languages, staffCourse, askUitpas, justRegistered, path } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = result?.errors ?? {};
  const registerErrors = result?.form === "register" ? errors : {};
  const values: RegistrationFormValues = result?.form === "register" && result.values
    ? result.values
    : { name: "", phone: "", email: "", language: "nl", needs: [], uitpasNumber: "", department: "" };
  const hasErrors = Object.values(errors).some(Boolean);
  const confirmId = result?.form === "confirm-cancel" ? result.registrationId : null;
  const confirmRow = confirmId ? rows.find((r) => r.id === confirmId) : undefined;
  const registered = rows.filter((r) => r.status === "registered");
  const offered = rows.filter((r) => r.status === "offered");
  const waiting = rows.filter((r) => r.status === "waiting");
  const closed = rows.filter((r) => r.status === "cancelled" || r.status === "expired");
  const full = run.freePlaces === 0;
  const canChange = canRegister && !run.cancelled;
  const moveTargets = targets.filter((t) => t.freePlaces > 0);
  const title = `${course.title}: reeks van ${run.sessions[0]?.startsAt ?? "(nog geen lessen)"}`;

  const actions = (r: Row) =>
    canChange ? (
      <div className="row-actions">
        {r.status === "registered" || r.status === "offered" || r.status === "waiting" ? (
          <Form method="post" action={path}>
            <CsrfInput />
            <input type="hidden" name="intent" value="confirm-cancel" />
            <input type="hidden" name="registrationId" value={r.id} />
            <button type="submit" className="button button-secondary">
              {r.status === "registered" ? "Annuleren" : "Van de lijst halen"}
              <span className="visually-hidden">: {r.name}</span>
            </button>
          </Form>
        ) : null}
        {(r.status === "registered" || r.status === "waiting" || r.status === "offered") && moveTargets.length > 0 ? (
          <Form method="post" action={path} className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="registrationId" value={r.id} />
            <div className="field">
              <label htmlFor={`move-${r.id}`}>
                Verplaatsen naar<span className="visually-hidden"> (voor {r.name})</span>
              </label>
              <FieldError id={`move-${r.id}`} message={errors[`move-${r.id}`]} />
              <select
                id={`move-${r.id}`}
                name="toRunId"
                aria-invalid={errors[`move-${r.id}`] ? true : undefined}
                aria-describedby={describedBy(`move-${r.id}`, { error: errors[`move-${r.id}`] })}
              >
                {moveTargets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              Verplaatsen<span className="visually-hidden">: {r.name}</span>
            </button>
          </Form>
        ) : null}
        {r.status === "registered" || r.status === "waiting" || r.status === "offered" ? (
          <Form method="post" action={path} reloadDocument>
            <CsrfInput />
            <input type="hidden" name="intent" value="open-confirmation" />
            <input type="hidden" name="registrationId" value={r.id} />
            <button type="submit" className="button button-secondary">
              Bevestiging tonen<span className="visually-hidden">: {r.name}</span>
            </button>
          </Form>
        ) : null}
      </div>
    ) : null;

  const personCell = (r: Row) => (
    <th scope="row">
      {r.name}
      <br />
      <span className="muted">
        Code <span className="code-inline">{r.code}</span>
        {r.byStaff ? " · aan de balie" : ""}
      </span>
    </th>
  );
  const detailCells = (r: Row) => (
    <>
      <td>
        <Contact phone={r.phone} email={r.email} />
      </td>
      <td>{isLanguage(r.language) ? LANGUAGE_NAMES[r.language] : r.language}</td>
      <td>{r.needs.length ? needsText(r.needs) : <span className="muted">Geen</span>}</td>
      {askUitpas ? <td>{r.uitpasNumber ? <span className="code-inline">{r.uitpasNumber}</span> : <span className="muted">Geen</span>}</td> : null}
      {staffCourse ? <td>{r.department ?? <span className="muted">Onbekend</span>}</td> : null}
    </>
  );
  const detailHeads = (
    <>
      <th scope="col">Telefoon of e-mail</th>
      <th scope="col">Taal van de berichten</th>
      <th scope="col">Hulp nodig</th>
      {askUitpas ? <th scope="col">UiTPAS</th> : null}
      {staffCourse ? <th scope="col">Dienst</th> : null}
    </>
  );

  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}${title} — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/cursussen`}>Terug naar de cursussen</Link>
      </p>
      <h1>{title}</h1>
      {run.cancelled ? (
        <p className="notice">
          <strong>Deze reeks gaat niet door.</strong>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {loaderData.message && !hasErrors ? (
        <div className="success" role="status">
          <p>{loaderData.message}</p>
        </div>
      ) : null}
      {justRegistered && !hasErrors ? (
        <div className="success" role="status" id="gelukt">
          <p>
            {justRegistered.status === "waiting"
              ? `${justRegistered.name} staat op de wachtlijst, op plaats ${justRegistered.position}.`
              : `${justRegistered.name} is ingeschreven.`}{" "}
            Code: <strong className="code-inline">{justRegistered.code}</strong>. Geef de bevestiging mee, of lees de code voor.
          </p>
          <Form method="post" action={path} reloadDocument>
            <CsrfInput />
            <input type="hidden" name="intent" value="open-confirmation" />
            <input type="hidden" name="registrationId" value={justRegistered.id} />
            <button type="submit" className="button">
              Bevestiging tonen om af te drukken
            </button>
          </Form>
        </div>
      ) : null}

      {confirmRow ? (
        <section className="notice" aria-labelledby="confirm-title">
          <h2 id="confirm-title">
            {confirmRow.status === "registered" ? `Inschrijving van ${confirmRow.name} annuleren?` : `${confirmRow.name} van de wachtlijst halen?`}
          </h2>
          <p>
            {confirmRow.status === "registered"
              ? "De plaats gaat naar de eerste persoon op de wachtlijst. De persoon krijgt een bericht."
              : "De persoon verliest de plaats op de wachtlijst en krijgt een bericht."}
          </p>
          <div className="actions">
            <Form method="post" action={path}>
              <CsrfInput />
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="registrationId" value={confirmRow.id} />
              <button type="submit" className="button button-danger">
                Ja, annuleren
              </button>
            </Form>
            <Link to={path}>Nee, terug</Link>
          </div>
        </section>
      ) : null}

      <dl className="facts">
        <div>
          <dt>Plaats</dt>
          <dd>{run.place || "Nog niet bepaald"}</dd>
        </div>
        <div>
          <dt>Lessen</dt>
          <dd>
            <ul className="plain-list">
              {run.sessions.map((s) => (
                <li key={s.id}>
                  <Link to={`/beheer/${municipality.slug}/sessies/${s.id}`}>
                    {s.startsAt} tot {s.endsAt}
                    <span className="visually-hidden">: aanwezigheden</span>
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Plaatsen</dt>
          <dd>
            {run.registeredCount} van {run.capacity} ingeschreven
            {run.offered ? `, ${run.offered} aangeboden` : ""}
            {run.waiting ? `, ${run.waiting} op de wachtlijst` : ""}. Een vrijgekomen plaats wordt {run.offerHours} uur vastgehouden.
          </dd>
        </div>
      </dl>

      <section aria-labelledby="registered-title" className="staff-section">
        <h2 id="registered-title">Ingeschreven ({registered.length})</h2>
        {registered.length === 0 ? (
          <p>Nog niemand.</p>
        ) : (
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Ingeschreven</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  {detailHeads}
                  {canChange ? <th scope="col">Actie</th> : null}
                </tr>
              </thead>
              <tbody>
                {registered.map((r) => (
                  <tr key={r.id}>
                    {personCell(r)}
                    {detailCells(r)}
                    {canChange ? <td>{actions(r)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {offered.length > 0 ? (
        <section aria-labelledby="offered-title" className="staff-section">
          <h2 id="offered-title">Plaats aangeboden ({offered.length})</h2>
          <p className="hint">Deze mensen kregen een bericht. Antwoorden ze niet op tijd, dan gaat de plaats naar de volgende.</p>
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Plaats aangeboden</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">Antwoorden vóór</th>
                  {detailHeads}
                  {canChange ? <th scope="col">Actie</th> : null}
                </tr>
              </thead>
              <tbody>
                {offered.map((r) => (
                  <tr key={r.id}>
                    {personCell(r)}
                    <td>{r.offerExpiresAt}</td>
                    {detailCells(r)}
                    {canChange ? <td>{actions(r)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="waiting-title" className="staff-section">
        <h2 id="waiting-title">Wachtlijst ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p>Niemand wacht.</p>
        ) : (
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Wachtlijst, in volgorde</caption>
              <thead>
                <tr>
                  <th scope="col">Plaats</th>
                  <th scope="col">Naam</th>
                  <th scope="col">Wacht sinds</th>
                  {detailHeads}
                  {canChange ? <th scope="col">Actie</th> : null}
                </tr>
              </thead>
              <tbody>
                {waiting.map((r) => (
                  <tr key={r.id}>
                    <td>{r.position}</td>
                    {personCell(r)}
                    <td>{r.since}</td>
                    {detailCells(r)}
                    {canChange ? <td>{actions(r)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {closed.length > 0 ? (
        <section aria-labelledby="closed-title" className="staff-section">
          <h2 id="closed-title">Geannuleerd of verlopen ({closed.length})</h2>
          <div className="table-wrap">
            <table className="data wide-table">
              <caption className="visually-hidden">Geannuleerd of verlopen</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sinds</th>
                </tr>
              </thead>
              <tbody>
                {closed.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{STATUS_LABELS[r.status]}</td>
                    <td>{r.changedAt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {canChange && !run.started ? (
        <section aria-labelledby="register-title" className="staff-section">
          <h2 id="register-title">Iemand inschrijven</h2>
          <p className="hint">
            Voor iemand aan de balie of aan de telefoon. Telefoon en e-mail zijn niet verplicht: zonder die gegevens krijgt de persoon
            geen berichten. Druk dan de bevestiging af of geef de code mee.
          </p>
          {/* A new key after each registration empties the form for the next person. */}
          <Form method="post" action={path} noValidate aria-labelledby="register-title" key={justRegistered?.id ?? "new"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="register" />
            <div className="field">
              <label htmlFor="name">Naam</label>
              <FieldError id="name" message={registerErrors.name} />
              <input id="name" name="name" type="text" autoComplete="off" defaultValue={values.name} aria-invalid={registerErrors.name ? true : undefined} aria-describedby={describedBy("name", { error: registerErrors.name })} />
            </div>
            <div className="field">
              <label htmlFor="phone">Gsm-nummer (niet verplicht)</label>
              <FieldError id="phone" message={registerErrors.phone} />
              <input id="phone" name="phone" type="tel" autoComplete="off" defaultValue={values.phone} aria-invalid={registerErrors.phone ? true : undefined} aria-describedby={describedBy("phone", { error: registerErrors.phone })} />
            </div>
            <div className="field">
              <label htmlFor="email">E-mailadres (niet verplicht)</label>
              <FieldError id="email" message={registerErrors.email} />
              <input id="email" name="email" type="email" autoComplete="off" defaultValue={values.email} aria-invalid={registerErrors.email ? true : undefined} aria-describedby={describedBy("email", { error: registerErrors.email })} />
            </div>
            <div className="field">
              <label htmlFor="language">Taal van de berichten</label>
              <FieldError id="language" message={registerErrors.language} />
              <select id="language" name="language" defaultValue={values.language} aria-describedby={describedBy("language", { error: registerErrors.language })}>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {LANGUAGE_NAMES[code]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>Hulp nodig in de les (niet verplicht)</legend>
              <FieldError id="needs" message={registerErrors.needs} />
              <div className="checkboxes">
                {NEEDS.map((need, i) => (
                  <div className="checkbox" key={need}>
                    <input type="checkbox" id={i === 0 ? "needs" : `needs-${need}`} name="needs" value={need} defaultChecked={values.needs.includes(need)} />
                    <label htmlFor={i === 0 ? "needs" : `needs-${need}`}>{NEED_LABELS_NL[need]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            {askUitpas ? (
              <div className="field">
                <label htmlFor="uitpasNumber">UiTPAS-nummer (niet verplicht)</label>
                <p className="hint" id="uitpasNumber-hint">
                  13 cijfers, voor het kansentarief.
                </p>
                <FieldError id="uitpasNumber" message={registerErrors.uitpasNumber} />
                <input id="uitpasNumber" name="uitpasNumber" type="text" inputMode="numeric" autoComplete="off" defaultValue={values.uitpasNumber} aria-invalid={registerErrors.uitpasNumber ? true : undefined} aria-describedby={describedBy("uitpasNumber", { hint: true, error: registerErrors.uitpasNumber })} />
              </div>
            ) : null}
            {staffCourse ? (
              <div className="field">
                <label htmlFor="department">Dienst of afdeling (niet verplicht)</label>
                <FieldError id="department" message={registerErrors.department} />
                <input id="department" name="department" type="text" autoComplete="off" defaultValue={values.department} aria-invalid={registerErrors.department ? true : undefined} aria-describedby={describedBy("department", { error: registerErrors.department })} />
              </div>
            ) : null}
            <div className="checkboxes">
              <div className="checkbox">
                <input type="checkbox" id="waitlist" name="waitlist" defaultChecked={full} />
                <label htmlFor="waitlist">Op de wachtlijst zetten als de reeks volzet is{full ? " (nu volzet)" : ""}</label>
              </div>
            </div>
            <button type="submit" className="button">
              {full ? "Op de wachtlijst zetten" : "Inschrijven"}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
