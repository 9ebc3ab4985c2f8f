import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { formatSession } from "~/modules/learning/registration-format";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { declineReasonInput, gradeLabelNl, workshopPlanInput } from "~/modules/learning/workshop-schema";
import { declineWorkshop, getWorkshopRequest, planWorkshop, workshopCourseOptions } from "~/modules/learning/workshops.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { controlProps, FieldError, FieldFrame, type FieldErrors, SelectField, TextArea, DateTimeField } from "~/ui/form";
import { IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/workshop-request";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const STATUS_LABELS = { new: "Nieuw, nog niet behandeld", planned: "Gepland", declined: "Geweigerd" } as const;

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
  const plan: PlanValues = result?.plan ?? { courseId: courses.find((c) => c.forSchools)?.id ?? "", date: "", from: "", to: "", capacity: String(r.pupils) };
  const base = `/beheer/${municipality.slug}/scholen`;
  const heading = `Aanvraag van ${r.school}`;
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: base, label: "Terug naar de aanvragen" }} saved={saved} errors={errors} />

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
              <a href={telHref(r.contactPhone)}>{r.contactPhone}</a>
            </>
          ) : null}
        </dd>
        <dt>Taal van de berichten</dt>
        <dd>{r.language}</dd>
      </dl>

      {r.status === "new" ? (
        <>
          <StaffSection id="plan" title="Plannen">
            <p className="hint">
              Er komt een nieuwe reeks van de cursus met één les op de school ({r.school}). De school krijgt de datum en het uur in een bericht.
            </p>
            {courses.length === 0 ? (
              <p>
                Er zijn nog geen cursussen. <Link to={`/beheer/${municipality.slug}/cursussen/nieuw`}>Maak eerst een cursus</Link>.
              </p>
            ) : (
              <IntentForm path={path} intent="plan" id="plan-form">
                <FieldError id="plan-form" message={planErrors["plan-form"]} />
                <SelectField
                  id="courseId"
                  label="Cursus"
                  value={plan.courseId}
                  error={planErrors.courseId}
                  empty="Kies een cursus"
                  options={courses.map((c) => ({
                    value: c.id,
                    label: `${c.title}${c.forSchools ? " (voor kinderen en jongeren)" : ""}${c.published ? "" : " (niet gepubliceerd)"}`,
                  }))}
                />
                <div className="hours-row">
                  <DateTimeField id="date" label="Datum" type="date" value={plan.date} error={planErrors.date} />
                  <DateTimeField id="from" label="Van" type="time" value={plan.from} error={planErrors.from} />
                  <DateTimeField id="to" label="Tot" type="time" value={plan.to} error={planErrors.to} />
                </div>
                <FieldFrame id="capacity" label="Aantal plaatsen" hint={`Meestal het aantal leerlingen (${r.pupils}).`} error={planErrors.capacity}>
                  <input {...controlProps({ id: "capacity", value: plan.capacity, hint: true, error: planErrors.capacity })} type="number" min={1} max={200} className="input-short" />
                </FieldFrame>
                <button type="submit" className="button">
                  Workshop plannen
                </button>
              </IntentForm>
            )}
          </StaffSection>

          <StaffSection id="decline" title="Weigeren">
            <IntentForm path={path} intent="decline">
              <TextArea
                id="reason"
                label="Waarom kan de workshop niet doorgaan?"
                hint="De school krijgt deze uitleg in een bericht en ziet ze op haar pagina. Schrijf kort en vriendelijk, bijvoorbeeld wat wel kan."
                value={result?.reason ?? ""}
                error={declineErrors.reason}
              />
              <button type="submit" className="button button-secondary">
                Aanvraag weigeren
              </button>
            </IntentForm>
          </StaffSection>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
