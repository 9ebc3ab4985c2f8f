import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { LANGUAGE_NAMES, LANGUAGES, translated } from "~/i18n/languages";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { EMPTY_HOME_VISIT, HomeVisitFields } from "~/modules/home-visits/form";
import { createHomeVisit } from "~/modules/home-visits/home-visits.server";
import { homeVisitValuesFromForm, parseHomeVisit, type HomeVisitValues } from "~/modules/home-visits/schema";
import { listTopics } from "~/modules/municipality/municipality.server";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { ErrorSummary, type FieldErrors } from "~/ui/form";
import { i18nFor } from "~/i18n/i18n";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/home-visit-new";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "help.manage");
  const topicRows = await listTopics(getDb(), municipality.id);
  return {
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      languages: municipality.languages,
    },
    topics: topicRows.map((topic) => ({
      id: topic.id,
      name: translated(topic.name, "nl"),
    })),
    // A fresh key for each form shown: the same form sent twice is one request.
    submissionKey: newSubmissionKey(),
  };
}

type ActionData = {
  errors: FieldErrors;
  values: HomeVisitValues;
  language: string;
  submissionKey: string | null;
};

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.manage");
  const form = await readStaffForm(request, session);
  const values = homeVisitValuesFromForm(form);
  const language = String(form.get("language") ?? "nl");
  const submissionKey = submissionKeyOf(form);
  // Staff read the Dutch text of the same messages residents see.
  const t = i18nFor("nl").t;
  const dutch = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
  const parsed = parseHomeVisit(values);
  const languageError = (LANGUAGES as readonly string[]).includes(language) ? {} : { language: "Kies een taal uit de lijst." };
  if (!parsed.ok || Object.keys(languageError).length) {
    return data<ActionData>(
      {
        errors: {
          ...(parsed.ok ? {} : dutch(parsed.errors)),
          ...languageError,
        },
        values,
        language,
        submissionKey,
      },
      { status: 400 },
    );
  }
  const result = await createHomeVisit(getDb(), municipality.id, parsed.data, {
    language,
    actor: { id: session.user.id, email: session.user.email },
    submissionKey,
  });
  if (!result.ok) return data<ActionData>({ errors: dutch(result.errors), values, language, submissionKey }, { status: 400 });
  throw redirect(`/beheer/${municipality.slug}/huisbezoeken/${result.id}?opgeslagen=nieuw`, 303);
}

export default function HomeVisitNew({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, topics } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const languages = LANGUAGES.filter((l) => municipality.languages.includes(l));
  return (
    <>
      <title>{`${hasErrors ? "Fout: " : ""}Huisbezoek invoeren — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/huisbezoeken`}>Terug naar de huisbezoeken</Link>
      </p>
      <h1>Huisbezoek invoeren</h1>
      <p>Voor een vraag die binnenkomt via de telefoon of aan de balie. De bewoner krijgt een sms met de code als er een gsm-nummer is.</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="submissionKey" value={result?.submissionKey ?? loaderData.submissionKey} />
        <HomeVisitFields values={result?.values ?? EMPTY_HOME_VISIT} errors={errors} topics={topics} />
        <div className="field">
          <label htmlFor="language">Taal van de sms en de brief</label>
          <select id="language" name="language" defaultValue={result?.language ?? "nl"} aria-invalid={errors.language ? true : undefined}>
            {(languages.length ? languages : LANGUAGES).map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Huisbezoek bewaren
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
