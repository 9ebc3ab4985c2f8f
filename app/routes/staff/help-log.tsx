import { data, Form, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { forbidden, readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import {
  AGE_BANDS,
  AGE_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  DURATION_LABELS,
  DURATIONS,
  HELP_LANGUAGE_LABELS,
  HELP_LANGUAGES,
  OUTCOME_LABELS,
  OUTCOMES,
  UNDO_MINUTES,
} from "~/modules/help-log/labels";
import { tallyInput, tallyValuesFromForm, type TallyValues } from "~/modules/help-log/schema";
import { deskPoints, logContact, tallyChoices, tallyPrefill, todayCounts, undoContact } from "~/modules/help-log/tally.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { fieldErrors } from "~/modules/offer/schema";
import { isUuid } from "~/modules/offer/help-points.server";
import { newSubmissionKey } from "~/modules/shared/submission.server";
import { ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import styles from "~/ui/help-log.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/help-log";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The help point chosen last on this device: the desk PC or tablet usually stays at one point. */
const POINT_COOKIE = "digibrug_tally_point";

function rememberedPoint(request: Request): string | null {
  const match = (request.headers.get("cookie") ?? "").match(new RegExp(`(?:^|;\\s*)${POINT_COOKIE}=([0-9a-f-]{36})`));
  return match ? match[1] : null;
}

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const points = await deskPoints(getDb(), municipality.id, session.assignments);
  if (points.length === 0) forbidden();
  return { session, municipality, points };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, points } = await load(request, params);
  const db = getDb();
  const url = new URL(request.url);
  const [choices, counts, prefill] = await Promise.all([
    tallyChoices(db, municipality.id),
    todayCounts(
      db,
      points.map((p) => p.id),
    ),
    tallyPrefill(db, municipality.id, {
      appointmentId: url.searchParams.get("afspraak"),
      homeVisitId: url.searchParams.get("huisbezoek"),
    }),
  ]);
  const remembered = rememberedPoint(request);
  const pointIds = new Set(points.map((p) => p.id));
  const defaultPoint =
    prefill?.helpPointId && pointIds.has(prefill.helpPointId)
      ? prefill.helpPointId
      : remembered && pointIds.has(remembered)
        ? remembered
        : points[0].id;
  const savedId = url.searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: url.pathname,
    points: points.map((p) => ({
      id: p.id,
      name: p.name,
      today: counts.get(p.id) ?? 0,
    })),
    topics: choices.topics,
    services: choices.services,
    prefill: prefill
      ? {
          kind: prefill.kind,
          id: prefill.id,
          topicId: prefill.topicId,
          when: prefill.startsAt ? dutchDateTime(prefill.startsAt) : null,
          name: prefill.name,
        }
      : null,
    defaults: {
      helpPointId: defaultPoint,
      channel: prefill?.kind ?? "walk_in",
      topicIds: prefill?.topicId ? [prefill.topicId] : [],
    },
    saved:
      savedId && isUuid(savedId)
        ? {
            id: savedId,
            homeVisit: url.searchParams.get("huisbezoek-gedaan") === "1",
          }
        : null,
    undone: url.searchParams.get("ongedaan") === "1",
    // A fresh key for each form shown: the same form sent twice is logged once.
    submissionKey: newSubmissionKey(),
  };
}

type ActionData = { errors: FieldErrors; values?: TallyValues };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  if (form.get("intent") === "undo") {
    const result = await undoContact(db, municipality.id, String(form.get("contactId") ?? ""), actor);
    if (!result.ok) return data<ActionData>({ errors: { undo: result.message } }, { status: 409 });
    throw redirect(`${path}?ongedaan=1`, 303);
  }
  const values = tallyValuesFromForm(form);
  const parsed = tallyInput.safeParse(values);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await logContact(db, municipality.id, parsed.data, actor, session.assignments);
  if (!result.ok) return data<ActionData>({ errors: result.errors, values }, { status: 400 });
  const cookie = `${POINT_COOKIE}=${parsed.data.helpPointId}; Path=/beheer/${municipality.slug}; Max-Age=31536000; SameSite=Lax; HttpOnly`;
  throw redirect(`${path}?opgeslagen=${result.id}${parsed.data.homeVisitId ? "&huisbezoek-gedaan=1" : ""}`, {
    status: 303,
    headers: { "Set-Cookie": cookie },
  });
}

type Option = { value: string; label: string };

/** A group of chips: radios (one choice) or checkboxes (several). The first input carries the field's id. */
function Chips({
  name,
  legend,
  hint,
  type,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  type: "radio" | "checkbox";
  options: Option[];
  checked: string[];
  error?: string;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={name} message={error} />
      <ul className="chips">
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value || "none"}`;
          return (
            <li className="chip" key={o.value}>
              <input
                type={type}
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={id}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] => values.map((v) => ({ value: v, label: labels[v] }));
/** More points than this (a coordinator): a select instead of chips. */
const MAX_POINT_CHIPS = 6;
const NOT_ASKED: Option = { value: "", label: "Niet gevraagd" };

export default function HelpLog({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, points, topics, services, prefill, defaults, saved, undone, submissionKey } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const v = result?.values;
  const pick = (field: keyof TallyValues, fallback: string) => (v ? String(v[field] ?? "") : fallback);
  // A new key after each save resets the form for the next person, also when the browser keeps the old DOM.
  const formKey = saved?.id ?? (undone ? "undone" : "new");
  // Staff of one or a few points see each point's count; a coordinator sees the chosen point and the total.
  const countedPoints = points.length <= MAX_POINT_CHIPS ? points : points.filter((p) => p.id === defaults.helpPointId);
  const totalToday = points.reduce((sum, p) => sum + p.today, 0);
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Hulpvraag noteren — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Hulpvraag noteren</h1>
      {saved && (!hasErrors || errors.undo) ? (
        <div className="success saved-row" role="status">
          <p>
            <strong>Opgeslagen.</strong> {saved.homeVisit ? "Het huisbezoek staat op gedaan. " : ""}Het formulier is klaar voor de volgende persoon.
          </p>
          <Form method="post" action={path}>
            <CsrfInput />
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="contactId" value={saved.id} />
            <button type="submit" id="undo" className="button button-secondary button-small">
              Ongedaan maken
            </button>
          </Form>
        </div>
      ) : null}
      {undone && !hasErrors ? (
        <div className="success" role="status">
          <p>Het laatste contact is gewist.</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <h2 className="visually-hidden">Vandaag</h2>
      <ul className="today-counts" aria-label="Vandaag genoteerd">
        {countedPoints.map((p) => (
          <li key={p.id}>
            Vandaag in {p.name}: <strong>{p.today}</strong> {p.today === 1 ? "contact" : "contacten"}
          </li>
        ))}
        {points.length > countedPoints.length ? (
          <li>
            In al uw {points.length} hulppunten samen: <strong>{totalToday}</strong> {totalToday === 1 ? "contact" : "contacten"}
          </li>
        ) : null}
      </ul>
      {prefill ? (
        <div className="notice">
          <p>
            {prefill.kind === "appointment" ? "Contact bij de afspraak" : "Contact bij het huisbezoek"}
            {prefill.when ? ` van ${prefill.when}` : ""}
            {prefill.name ? ` (${prefill.name})` : ""}. De naam wordt niet bij de hulpvraag bewaard.
          </p>
        </div>
      ) : null}
      <p className="hint">
        Anoniem: noteer geen namen. Alles heeft al een keuze, behalve onderwerp en dienst. U kunt een fout tot {UNDO_MINUTES} minuten na het opslaan
        ongedaan maken.
      </p>
      <Form
        method="post"
        action={`${path}${prefill ? (prefill.kind === "appointment" ? `?afspraak=${prefill.id}` : `?huisbezoek=${prefill.id}`) : ""}`}
        noValidate
        className="tally"
        key={formKey}
      >
        <CsrfInput />
        <input type="hidden" name="submissionKey" value={v?.submissionKey || submissionKey} />
        {prefill?.kind === "appointment" ? <input type="hidden" name="appointmentId" value={prefill.id} /> : null}
        {prefill?.kind === "home_visit" ? <input type="hidden" name="homeVisitId" value={prefill.id} /> : null}
        {points.length === 1 ? (
          <>
            <input type="hidden" name="helpPointId" value={points[0].id} />
            <p>
              Hulppunt: <strong>{points[0].name}</strong>
            </p>
            <FieldError id="helpPointId" message={errors.helpPointId} />
          </>
        ) : points.length > MAX_POINT_CHIPS ? (
          <div className="field">
            <label htmlFor="helpPointId">Hulppunt</label>
            <FieldError id="helpPointId" message={errors.helpPointId} />
            <select
              id="helpPointId"
              name="helpPointId"
              defaultValue={pick("helpPointId", defaults.helpPointId)}
              aria-invalid={errors.helpPointId ? true : undefined}
              aria-describedby={errors.helpPointId ? "helpPointId-error" : undefined}
            >
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <Chips
            name="helpPointId"
            legend="Hulppunt"
            type="radio"
            options={points.map((p) => ({ value: p.id, label: p.name }))}
            checked={[pick("helpPointId", defaults.helpPointId)]}
            error={errors.helpPointId}
          />
        )}
        <Chips
          name="channel"
          legend="Hoe kwam de persoon?"
          type="radio"
          options={options(CHANNELS, CHANNEL_LABELS)}
          checked={[pick("channel", defaults.channel)]}
          error={errors.channel}
        />
        {topics.length ? (
          <Chips
            name="topicIds"
            legend="Onderwerp"
            hint="Kies er één of meer."
            type="checkbox"
            options={topics.map((t) => ({ value: t.id, label: t.name }))}
            checked={v ? v.topicIds : defaults.topicIds}
            error={errors.topicIds}
          />
        ) : null}
        {services.length ? (
          <Chips
            name="serviceIds"
            legend="Over welke dienst ging het?"
            hint="Niet verplicht. Kies er één of meer."
            type="checkbox"
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            checked={v ? v.serviceIds : []}
            error={errors.serviceIds}
          />
        ) : null}
        <Chips
          name="outcome"
          legend="Hoe liep het af?"
          type="radio"
          options={options(OUTCOMES, OUTCOME_LABELS)}
          checked={[pick("outcome", "solved")]}
          error={errors.outcome}
        />
        <Chips
          name="duration"
          legend="Hoe lang duurde het?"
          type="radio"
          options={options(DURATIONS, DURATION_LABELS)}
          checked={[pick("duration", "10_to_30")]}
          error={errors.duration}
        />
        <details open={Boolean(errors.ageBand || errors.language || errors.firstVisit || errors.remark) || undefined}>
          <summary>Meer over de persoon en een opmerking (niet verplicht)</summary>
          <Chips
            name="ageBand"
            legend="Leeftijd (geschat)"
            type="radio"
            options={[NOT_ASKED, ...options(AGE_BANDS, AGE_LABELS)]}
            checked={[pick("ageBand", "")]}
            error={errors.ageBand}
          />
          <Chips
            name="language"
            legend="Taal van de hulp"
            type="radio"
            options={[NOT_ASKED, ...options(HELP_LANGUAGES, HELP_LANGUAGE_LABELS)]}
            checked={[pick("language", "")]}
            error={errors.language}
          />
          <Chips
            name="firstVisit"
            legend="Eerste keer hier?"
            type="radio"
            options={[NOT_ASKED, { value: "yes", label: "Ja" }, { value: "no", label: "Nee" }]}
            checked={[pick("firstVisit", "")]}
            error={errors.firstVisit}
          />
          <div className="field">
            <label htmlFor="remark">Opmerking: waar liep het vast?</label>
            <p className="hint" id="remark-hint">
              Eén zin, zonder namen. Bijvoorbeeld: eBox-code komt niet aan. De dienst ziet deze opmerking.
            </p>
            <FieldError id="remark" message={errors.remark} />
            <input
              id="remark"
              name="remark"
              type="text"
              maxLength={200}
              defaultValue={pick("remark", "")}
              aria-invalid={errors.remark ? true : undefined}
              aria-describedby={["remark-hint", errors.remark ? "remark-error" : null].filter(Boolean).join(" ")}
            />
          </div>
        </details>
        <div className="submit-row">
          <button type="submit" className="button">
            Opslaan
          </button>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
