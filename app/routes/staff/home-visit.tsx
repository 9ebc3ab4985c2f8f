import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage } from "~/i18n/languages";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { brusselsDate, brusselsTime } from "~/modules/finder/opening-hours";
import { cancelHomeVisit, getHomeVisit, helperOptions, planHomeVisit, recordHomeVisitView } from "~/modules/home-visits/home-visits.server";
import { REQUESTER_LABELS, STATUS_LABELS } from "~/modules/home-visits/labels";
import { assignInput } from "~/modules/home-visits/schema";
import { isMobileNumber } from "~/modules/learning/registration-schema";
import { dutchDateTime } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { DateTimeField, FieldError, type FieldErrors, SelectField } from "~/ui/form";
import { IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import courseRunStyles from "~/ui/course-run.css?url";
import styles from "~/ui/help-log.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/home-visit";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: courseRunStyles },
  { rel: "stylesheet", href: styles },
];

const SAVED: Record<string, string> = {
  nieuw: "Het huisbezoek is bewaard. Kies nu een digihelper en een moment.",
  gepland: "Het huisbezoek is gepland. De bewoner krijgt een sms. Druk ook de brief af als de bewoner geen gsm heeft.",
  "gepland-brief": "Het huisbezoek is gepland. Er is geen gsm-nummer: druk de brief af en stuur hem op.",
  geannuleerd: "Het huisbezoek is geannuleerd.",
};

/**
 * Coordinators (help.manage) see and plan every visit; the digihelper a visit is assigned to sees it too (to know
 * where to go) and closes it through the help log, but does not plan or cancel.
 */
async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const manage = can(session.assignments, "help.manage", { municipalityId: municipality.id });
  const visit = await getHomeVisit(getDb(), municipality.id, params.visitId ?? "");
  if (!manage && (!visit || visit.assignedUserId !== session.user.id)) forbidden();
  if (!visit) throw new Response("Huisbezoek niet gevonden", { status: 404 });
  return { session, municipality, visit, manage };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, visit, manage } = await load(request, params);
  const db = getDb();
  await recordHomeVisitView(db, municipality.id, visit.id, { id: session.user.id, email: session.user.email }, "view");
  const helpers = manage && (visit.status === "requested" || visit.status === "planned") ? await helperOptions(db, municipality.id) : [];
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    manage,
    saved: saved ? (SAVED[saved] ?? null) : null,
    helpers,
    visit: {
      id: visit.id,
      status: visit.status,
      code: visit.code,
      erased: Boolean(visit.erasedAt),
      requester: REQUESTER_LABELS[visit.requesterKind],
      residentName: visit.residentName,
      address: visit.address,
      postcode: visit.postcode,
      phone: visit.phone,
      sms:
        visit.phone && isMobileNumber(visit.phone) ? "resident" : visit.requesterPhone && isMobileNumber(visit.requesterPhone) ? "requester" : null,
      requesterName: visit.requesterName,
      requesterPhone: visit.requesterPhone,
      requesterOrganization: visit.requesterOrganization,
      topic: visit.topicName ?? "Iets anders of niet gekend",
      whenSuits: visit.whenSuits,
      whyNoTravel: visit.whyNoTravel,
      language: isLanguage(visit.language) ? LANGUAGE_NAMES[visit.language] : visit.language,
      received: dutchDateTime(visit.createdAt),
      scheduled: visit.scheduledAt ? dutchDateTime(visit.scheduledAt) : null,
      helperName: visit.helperName,
      plan: {
        assignedUserId: visit.assignedUserId ?? "",
        date: visit.scheduledAt ? brusselsDate(visit.scheduledAt) : "",
        time: visit.scheduledAt ? brusselsTime(visit.scheduledAt) : "",
      },
    },
  };
}

type PlanValues = { assignedUserId: string; date: string; time: string };
type ActionData = { errors: FieldErrors; plan?: PlanValues };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, visit, manage } = await load(request, params);
  if (!manage) forbidden();
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  if (intent === "plan") {
    const plan: PlanValues = {
      assignedUserId: String(form.get("assignedUserId") ?? ""),
      date: String(form.get("date") ?? ""),
      time: String(form.get("time") ?? ""),
    };
    const parsed = assignInput.safeParse(plan);
    if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), plan }, { status: 400 });
    const result = await planHomeVisit(db, municipality.id, visit.id, parsed.data, actor);
    if (!result.ok)
      return data<ActionData>(
        {
          errors: {
            [result.field === "form" ? "assignedUserId" : result.field]: result.message,
          },
          plan,
        },
        { status: 409 },
      );
    throw redirect(`${path}?opgeslagen=${result.sms ? "gepland" : "gepland-brief"}`, 303);
  }
  if (intent === "cancel") {
    const result = await cancelHomeVisit(db, municipality.id, visit.id, actor);
    if (!result.ok) return data<ActionData>({ errors: { cancel: result.message } }, { status: 409 });
    throw redirect(`${path}?opgeslagen=geannuleerd`, 303);
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function HomeVisit({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, manage, saved, helpers, visit: v } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const plan = result?.plan ?? v.plan;
  const base = `/beheer/${municipality.slug}/huisbezoeken`;
  const heading = `Huisbezoek ${v.code}${v.residentName ? `: ${v.residentName}` : ""}`;
  const open = manage && (v.status === "requested" || v.status === "planned");
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: base, label: "Terug naar de huisbezoeken" }} saved={saved} errors={errors} />
      <div className={`status-panel is-${v.status}`}>
        <p>
          <strong>Stand: {STATUS_LABELS[v.status]}</strong>
          {v.scheduled ? ` — ${v.scheduled}${v.helperName ? `, ${v.helperName}` : ""}` : null}
        </p>
        {v.status === "planned" ? (
          <p className="row-actions">
            {manage ? (
              <Link to={`${base}/${v.id}/brief`} className="button button-secondary">
                Brief afdrukken
              </Link>
            ) : null}
            <Link to={`/beheer/${municipality.slug}/hulpvragen?huisbezoek=${v.id}`} className="button">
              Markeren als gedaan
            </Link>
          </p>
        ) : null}
        {v.status === "planned" ? (
          <p className="hint">Markeren als gedaan opent het formulier voor hulpvragen: noteer er kort hoe het bezoek afliep.</p>
        ) : null}
      </div>

      <h2>De vraag</h2>
      {v.erased ? <p>De persoonsgegevens zijn gewist (bewaartermijn of op vraag).</p> : null}
      <dl className="summary-list">
        <dt>Ontvangen</dt>
        <dd>{v.received}</dd>
        <dt>Gevraagd door</dt>
        <dd>
          {v.requester}
          {v.requesterName ? `: ${v.requesterName}` : ""}
          {v.requesterOrganization ? ` (${v.requesterOrganization})` : ""}
          {v.requesterPhone ? (
            <>
              , <a href={telHref(v.requesterPhone)}>{v.requesterPhone}</a>
            </>
          ) : null}
        </dd>
        <dt>Bewoner</dt>
        <dd>{v.residentName}</dd>
        <dt>Adres</dt>
        <dd>
          {v.address}, {v.postcode}
        </dd>
        <dt>Telefoon</dt>
        <dd>
          {v.phone ? <a href={telHref(v.phone)}>{v.phone}</a> : null}
          {v.sms === "resident"
            ? " (gsm: krijgt een sms)"
            : v.sms === "requester"
              ? " (geen gsm: de sms gaat naar de aanvrager)"
              : " (geen gsm: stuur de brief)"}
        </dd>
        <dt>Onderwerp</dt>
        <dd>{v.topic}</dd>
        <dt>Wanneer past het</dt>
        <dd>{v.whenSuits}</dd>
        <dt>Waarom niet naar een digipunt</dt>
        <dd>{v.whyNoTravel}</dd>
        <dt>Taal</dt>
        <dd>{v.language}</dd>
      </dl>

      {open ? (
        <StaffSection id="plan" title={v.status === "planned" ? "Verplaatsen of een andere digihelper" : "Plannen"}>
          <IntentForm path={path} intent="plan">
            <SelectField
              id="assignedUserId"
              label="Digihelper"
              value={plan.assignedUserId}
              error={errors.assignedUserId}
              empty="Kies een digihelper"
              options={helpers.map((h) => ({ value: h.id, label: h.name }))}
            />
            <div className="hours-row">
              <DateTimeField id="date" label="Datum" type="date" value={plan.date} error={errors.date} />
              <DateTimeField id="time" label="Uur" type="time" value={plan.time} error={errors.time} />
            </div>
            <button type="submit" className="button">
              {v.status === "planned" ? "Nieuw moment bewaren" : "Huisbezoek plannen"}
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}
      {open ? (
        <StaffSection id="cancel" title="Annuleren">
          <IntentForm path={path} intent="cancel">
            <FieldError id="cancel" message={errors.cancel} />
            <button type="submit" id="cancel" className="button button-secondary">
              Huisbezoek annuleren
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
