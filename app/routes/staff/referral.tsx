import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, isLanguage, translated } from "~/i18n/languages";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { dutchDateTime } from "~/modules/offer/labels";
import { REFERRAL_STATUSES, STATUS_LABELS, statusChangeInput, TARGET_LABELS } from "~/modules/referrals/referral-schema";
import { auditReferralView, changeReferralStatus, getReferral } from "~/modules/referrals/referrals.server";
import { isOverdue, pickUpDeadline, PICK_UP_WORKING_DAYS } from "~/modules/referrals/working-days";
import { fieldErrors } from "~/modules/offer/schema";
import { describedBy, FieldError, TextArea, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { StaffPageHead, StaffSection } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import type { Route } from "./+types/referral";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  // Only found when this person may see it (receiver or referrer, the lists' own rule): otherwise 404.
  const found = await getReferral(getDb(), municipality.id, params.referralId ?? "", { userId: session.user.id, assignments: session.assignments });
  if (!found) throw new Response("Doorverwijzing niet gevonden", { status: 404 });
  return { session, municipality, found, receiver: found.receiver };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, found, receiver } = await load(request, params);
  const r = found.scope;
  const erased = r.erasedAt !== null;
  if (!erased) await auditReferralView(getDb(), municipality.id, r.id, { id: session.user.id, email: session.user.email }, receiver ? "receiver" : "referrer");
  const url = new URL(request.url);
  const sent = url.searchParams.get("verstuurd");
  const now = new Date();
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: url.pathname,
    notice:
      sent === "bericht"
        ? "De doorverwijzing is verstuurd. De bewoner krijgt een bericht."
        : sent === "geen-bericht"
          ? "De doorverwijzing is verstuurd. De bewoner krijgt geen sms of e-mail (geen gsm-nummer of e-mailadres): vertel zelf dat de partner belt."
          : url.searchParams.get("opgeslagen")
            ? "De stand is aangepast."
            : null,
    receiver,
    referral: {
      id: r.id,
      target: r.target,
      targetLabel: TARGET_LABELS[r.target],
      receiverName: r.target === "help_point" ? r.toHelpPointName : r.toOrganizationName,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      overdue: !erased && isOverdue(r, now),
      deadline: pickUpDeadline(r.createdAt),
      from: [r.fromUserName, r.fromHelpPointName].filter(Boolean).join(", ") || "Onbekend",
      topic: r.topicName ? translated(r.topicName, "nl") : null,
      sent: dutchDateTime(r.createdAt),
      pickedUp: r.pickedUpAt ? dutchDateTime(r.pickedUpAt) : null,
      consent: dutchDateTime(found.consentAt),
      erased,
      residentName: found.residentName,
      phone: found.phone,
      email: found.email,
      reason: found.reason,
      language: isLanguage(found.language) ? LANGUAGE_NAMES[found.language] : found.language,
      events: found.events.map((e) => ({ id: e.id, status: STATUS_LABELS[e.status], note: e.note, at: dutchDateTime(e.at), by: e.userName ?? "Onbekend" })),
    },
  };
}

type ActionData = { errors: FieldErrors; status?: string; note?: string };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, found, receiver } = await load(request, params);
  const form = await readStaffForm(request, session);
  if (!receiver) forbidden();
  const values = { status: String(form.get("status") ?? ""), note: String(form.get("note") ?? "") };
  const parsed = statusChangeInput.safeParse(values);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), ...values }, { status: 400 });
  const result = await changeReferralStatus(getDb(), municipality.id, found.scope.id, parsed.data, { id: session.user.id, email: session.user.email });
  if (!result.ok) return data<ActionData>({ errors: { status: result.message }, ...values }, { status: 409 });
  throw redirect(`${new URL(request.url).pathname}?opgeslagen=1`, 303);
}

export default function Referral({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, notice, receiver, referral: r } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const heading = `Doorverwijzing naar ${r.receiverName ?? r.targetLabel.toLowerCase()}`;
  return (
    <>
      <StaffPageHead
        municipalityName={municipality.name}
        heading={heading}
        back={{ to: `/beheer/${municipality.slug}/doorverwijzingen${receiver ? "" : "?bak=verstuurd"}`, label: "Terug naar de doorverwijzingen" }}
        saved={notice}
        errors={errors}
      />

      <div className="notice">
        <p>
          <strong>Stand: {r.statusLabel}</strong>
          {r.overdue ? (
            <>
              {" "}
              <strong className="referral-overdue">Te laat: niet opgepikt binnen {PICK_UP_WORKING_DAYS} werkdagen.</strong>
            </>
          ) : null}
        </p>
        {r.status === "new" && !r.erased ? <p>Neem contact op met de bewoner ten laatste op {r.deadline.split("-").reverse().join("/")}.</p> : null}
        {r.pickedUp ? <p>Opgepikt op {r.pickedUp}.</p> : null}
      </div>

      {receiver && r.target === "device_bank" && !r.erased ? (
        <p className="actions">
          <Link className="button" to={`/beheer/${municipality.slug}/uitlenen/aanvragen/nieuw?verwijzing=${r.id}`}>
            Aanvraag voor een toestel starten
          </Link>
        </p>
      ) : null}

      <h2>De bewoner</h2>
      {r.erased ? (
        <p>De persoonsgegevens van deze doorverwijzing zijn gewist.</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>Naam</dt>
            <dd>{r.residentName}</dd>
          </div>
          {r.phone ? (
            <div>
              <dt>Telefoon</dt>
              <dd>
                <a href={telHref(r.phone)}>{r.phone}</a>
              </dd>
            </div>
          ) : null}
          {r.email ? (
            <div>
              <dt>E-mail</dt>
              <dd>
                <a href={`mailto:${r.email}`}>{r.email}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Taal</dt>
            <dd>{r.language}</dd>
          </div>
          {r.reason ? (
            <div>
              <dt>Uitleg</dt>
              <dd className="pre-line">{r.reason}</dd>
            </div>
          ) : null}
          <div>
            <dt>Akkoord van de bewoner</dt>
            <dd>Ja, gegeven op {r.consent}</dd>
          </div>
        </dl>
      )}

      <h2>De doorverwijzing</h2>
      <dl className="facts">
        <div>
          <dt>Naar</dt>
          <dd>
            {r.targetLabel}
            {r.receiverName ? `: ${r.receiverName}` : ""}
          </dd>
        </div>
        <div>
          <dt>Van</dt>
          <dd>{r.from}</dd>
        </div>
        <div>
          <dt>Verstuurd</dt>
          <dd>{r.sent}</dd>
        </div>
        {r.topic ? (
          <div>
            <dt>Onderwerp</dt>
            <dd>{r.topic}</dd>
          </div>
        ) : null}
      </dl>

      <h2>Geschiedenis</h2>
      <ol className="change-list">
        {r.events.map((e) => (
          <li key={e.id}>
            {e.at}: {e.status} ({e.by}){e.note ? <span className="pre-line">{`. Notitie: ${e.note}`}</span> : null}
          </li>
        ))}
      </ol>

      {receiver && !r.erased ? (
        <StaffSection id="status" title="Stand aanpassen">
          <Form method="post" action={path} noValidate>
            <CsrfInput />
            <fieldset className="field" id="status" tabIndex={-1} aria-describedby={describedBy("status", { error: errors.status })}>
              <legend>Nieuwe stand</legend>
              <FieldError id="status" message={errors.status} />
              <div className="radios">
                {REFERRAL_STATUSES.filter((s) => s !== "new").map((s) => (
                  <div className="radio" key={s}>
                    <input type="radio" id={`status-${s}`} name="status" value={s} defaultChecked={(result?.status ?? r.status) === s} />
                    <label htmlFor={`status-${s}`}>{STATUS_LABELS[s]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <TextArea id="note" label="Notitie (niet verplicht)" hint="De doorverwijzer leest dit ook. Schrijf alleen wat nodig is." value={result?.note ?? ""} error={errors.note} rows={3} />
            <button type="submit" className="button">
              Stand opslaan
            </button>
          </Form>
        </StaffSection>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
