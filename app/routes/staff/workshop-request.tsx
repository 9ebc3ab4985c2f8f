import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { formatSession } from "~/modules/learning/registration-format";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { declineReasonInput, gradeLabelNl, workshopPlanInput } from "~/modules/learning/workshop-schema";
import { declineWorkshop, getWorkshopRequest, planWorkshop, workshopCourseOptions } from "~/modules/learning/workshops.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/workshop-request";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const STATUS_LABELS = { new: "Nieuw: nog niet behandeld", planned: "Gepland", declined: "Geweigerd" } as const;

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "learning.manage");
  const found = await getWorkshopRequest(getDb(), municipality.id, params.requestId ?? "");
  if (!found) throw new Response("Aanvraag niet gevonden", { status: 404 });
  return { session, municipality, found };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, found } = await load(request, params);
  const courses = found.status === "new" ? await workshopCourseOptions(getDb(), municipality.id) : [];
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    saved: saved === "gepland" ? "De workshop is gepland. De school krijgt een bericht." : saved === "geweigerd" ? "De aanvraag is geweigerd. De school krijgt een bericht met uw uitleg." : null,
    request: {
      id: found.id,
      status: found.status,
      school: found.schoolName,
      topic: found.topicName ? translated(found.topicName, "nl") : "Iets anders (zie de uitleg)",
      grade: gradeLabelNl(found.grade),
      pupils: found.pupils,
      preferredDates: found.preferredDates,
      needsDevices: found.needsDevices,
      note: found.note,
      contactName: found.contactName,
      contactEmail: found.contactEmail,
      contactPhone: found.contactPhone,
      language: isLanguage(found.language) ? LANGUAGE_NAMES[found.language] : found.language,
      received: dutchDateTime(found.createdAt),
      declineReason: found.declineReason,
      planned: found.planned
        ? {
            course: translated(found.planned.courseTitle, "nl"),
            courseId: found.planned.courseId,
            when: formatSession(found.planned.startsAt, found.planned.endsAt, "nl"),
            venue: found.planned.venue,
            capacity: found.planned.capacity,
          }
        : null,
      runId: found.runId,
      statusHref: `/${municipality.slug}/${isLanguage(found.language) && municipality.languages.includes(found.language) ? found.language : "nl"}/scholen/${found.statusToken}`,
    },
    courses,
  };
}

type PlanValues = { courseId: string; date: string; from: string; to: string; capacity: string };
type ActionData = { form: "plan" | "decline"; errors: FieldErrors; plan?: PlanValues; reason?: string };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, found } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  switch (String(form.get("intent") ?? "")) {
    case "plan": {
      const plan: PlanValues = {
        courseId: String(form.get("courseId") ?? ""),
        date: String(form.get("date") ?? ""),
        from: String(form.get("from") ?? ""),
        to: String(form.get("to") ?? ""),
        capacity: String(form.get("capacity") ?? ""),
      };
      const parsed = workshopPlanInput.safeParse(plan);
      if (!parsed.success) return data<ActionData>({ form: "plan", errors: fieldErrors(parsed.error), plan }, { status: 400 });
      const result = await planWorkshop(db, found.id, parsed.data, actor, { baseUrl: appBaseUrl(request) });
      if (!result.ok) {
        const field = result.error === "course" ? "courseId" : result.error === "past" ? "date" : "plan-form";
        return data<ActionData>({ form: "plan", errors: { [field]: result.message }, plan }, { status: 409 });
      }
      throw redirect(`${path}?opgeslagen=gepland`, 303);
    }
    case "decline": {
      const reason = String(form.get("reason") ?? "");
      const parsed = declineReasonInput.safeParse(reason);
      if (!parsed.success) return data<ActionData>({ form: "decline", errors: { reason: parsed.error.issues[0].message }, reason }, { status: 400 });
      const result = await declineWorkshop(db, found.id, parsed.data, actor, { baseUrl: appBaseUrl(request) });
      if (!result.ok) return data<ActionData>({ form: "decline", errors: { reason: result.message }, reason }, { status: 409 });
      throw redirect(`${path}?opgeslagen=geweigerd`, 303);
    }
    default:
      throw new Response(`Onbekende actie voor ${municipality.slug}`, { status: 400 });
  }
}

export default function WorkshopRequest({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, saved, request: r, courses } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const planErrors = result?.form === "plan" ? errors : {};
  const declineErrors = result?.form === "decline" ? errors : {};
  const hasErrors = Object.values(errors).some(Boolean);
  const plan: PlanValues = result?.plan ?? { courseId: courses.find((c) => c.forSchools)?.id ?? "", date: "", from: "", to: "", capacity: String(r.pupils) };
  const base = `/beheer/${municipality.slug}/scholen`;
  const heading = `Aanvraag van ${r.school}`;
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}${heading} — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={base}>Terug naar de aanvragen</Link>
      </p>
      <h1>{heading}</h1>
      {saved && !hasErrors ? (
        <div className="success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <div className={`status-panel is-${r.status}`}>
        <p>
          <strong>Stand: {STATUS_LABELS[r.status]}</strong>
        </p>
        {r.planned ? (
          <p>
            {r.planned.course}, {r.planned.when}, {r.planned.venue} ({r.planned.capacity} plaatsen).{" "}
            {r.runId ? <Link to={`/beheer/${municipality.slug}/cursussen/${r.planned.courseId}`}>Naar de cursus</Link> : null}
          </p>
        ) : null}
        {r.status === "declined" && r.declineReason ? <p>Reden: {r.declineReason}</p> : null}
        <p>
          <a href={r.statusHref}>De pagina die de school ziet</a>
        </p>
      </div>

      <h2>De vraag</h2>
      <dl className="summary-list">
        <dt>Ontvangen</dt>
        <dd>{r.received}</dd>
        <dt>Onderwerp</dt>
        <dd>{r.topic}</dd>
        <dt>Klas</dt>
        <dd>{r.grade}</dd>
        <dt>Leerlingen</dt>
        <dd>{r.pupils}</dd>
        <dt>Wanneer past het</dt>
        <dd>{r.preferredDates}</dd>
        <dt>Toestellen nodig</dt>
        <dd>{r.needsDevices ? "Ja, breng laptops of tablets mee" : "Nee, de school heeft genoeg toestellen"}</dd>
        {r.note ? (
          <>
            <dt>Uitleg</dt>
            <dd>{r.note}</dd>
          </>
        ) : null}
        <dt>Contact</dt>
        <dd>
          {r.contactName}
          {r.contactEmail ? (
            <>
              <br />
              <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
            </>
          ) : null}
          {r.contactPhone ? (
            <>
              <br />
              <a href={`tel:${r.contactPhone.replace(/[^+0-9]/g, "")}`}>{r.contactPhone}</a>
            </>
          ) : null}
        </dd>
        <dt>Taal van de berichten</dt>
        <dd>{r.language}</dd>
      </dl>

      {r.status === "new" ? (
        <>
          <section className="staff-section" aria-labelledby="plan-title">
            <h2 id="plan-title">Plannen</h2>
            <p className="hint">
              Er komt een nieuwe reeks van de cursus met één les op de school ({r.school}). De school krijgt de datum en het uur in een bericht.
            </p>
            {courses.length === 0 ? (
              <p>
                Er zijn nog geen cursussen. <Link to={`/beheer/${municipality.slug}/cursussen/nieuw`}>Maak eerst een cursus</Link>.
              </p>
            ) : (
              <Form method="post" action={path} noValidate id="plan-form" tabIndex={-1}>
                <CsrfInput />
                <input type="hidden" name="intent" value="plan" />
                <FieldError id="plan-form" message={planErrors["plan-form"]} />
                <div className="field">
                  <label htmlFor="courseId">Cursus</label>
                  <FieldError id="courseId" message={planErrors.courseId} />
                  <select
                    id="courseId"
                    name="courseId"
                    defaultValue={plan.courseId}
                    aria-invalid={planErrors.courseId ? true : undefined}
                    aria-describedby={describedBy("courseId", { error: planErrors.courseId })}
                  >
                    <option value="">Kies een cursus</option>
                    {courses.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title}
                        {c.forSchools ? " (voor kinderen en jongeren)" : ""}
                        {c.published ? "" : " (niet gepubliceerd)"}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="hours-row">
                  <div className="field">
                    <label htmlFor="date">Datum</label>
                    <FieldError id="date" message={planErrors.date} />
                    <input
                      id="date"
                      name="date"
                      type="date"
                      defaultValue={plan.date}
                      aria-invalid={planErrors.date ? true : undefined}
                      aria-describedby={describedBy("date", { error: planErrors.date })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="from">Van</label>
                    <FieldError id="from" message={planErrors.from} />
                    <input
                      id="from"
                      name="from"
                      type="time"
                      defaultValue={plan.from}
                      aria-invalid={planErrors.from ? true : undefined}
                      aria-describedby={describedBy("from", { error: planErrors.from })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="to">Tot</label>
                    <FieldError id="to" message={planErrors.to} />
                    <input id="to" name="to" type="time" defaultValue={plan.to} aria-invalid={planErrors.to ? true : undefined} aria-describedby={describedBy("to", { error: planErrors.to })} />
                  </div>
                </div>
                <div className="field">
                  <label htmlFor="capacity">Aantal plaatsen</label>
                  <p className="hint" id="capacity-hint">
                    Meestal het aantal leerlingen ({r.pupils}).
                  </p>
                  <FieldError id="capacity" message={planErrors.capacity} />
                  <input
                    id="capacity"
                    name="capacity"
                    type="number"
                    min={1}
                    max={200}
                    className="input-short"
                    defaultValue={plan.capacity}
                    aria-invalid={planErrors.capacity ? true : undefined}
                    aria-describedby={describedBy("capacity", { hint: true, error: planErrors.capacity })}
                  />
                </div>
                <button type="submit" className="button">
                  Workshop plannen
                </button>
              </Form>
            )}
          </section>

          <section className="staff-section" aria-labelledby="decline-title">
            <h2 id="decline-title">Weigeren</h2>
            <Form method="post" action={path} noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="decline" />
              <div className="field">
                <label htmlFor="reason">Waarom kan de workshop niet doorgaan?</label>
                <p className="hint" id="reason-hint">
                  De school krijgt deze uitleg in een bericht en ziet ze op haar pagina. Schrijf kort en vriendelijk, bijvoorbeeld wat wel kan.
                </p>
                <FieldError id="reason" message={declineErrors.reason} />
                <textarea
                  id="reason"
                  name="reason"
                  rows={4}
                  defaultValue={result?.reason ?? ""}
                  aria-invalid={declineErrors.reason ? true : undefined}
                  aria-describedby={describedBy("reason", { hint: true, error: declineErrors.reason })}
                />
              </div>
              <button type="submit" className="button button-secondary">
                Aanvraag weigeren
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
