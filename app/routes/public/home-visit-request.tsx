import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { EMPTY_HOME_VISIT, HomeVisitFields } from "~/modules/home-visits/form";
import { createHomeVisit } from "~/modules/home-visits/home-visits.server";
import { homeVisitValuesFromForm, parseHomeVisit, type HomeVisitValues } from "~/modules/home-visits/schema";
import { listTopics } from "~/modules/municipality/municipality.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { newSubmissionKey, submissionKeyOf } from "~/modules/shared/submission.server";
import { ErrorSummary, type FieldErrors } from "~/ui/form";
import type { Route } from "./+types/home-visit-request";
import { PhoneSentence } from "~/ui/phone-link";

export async function loader({ params }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const topicRows = await listTopics(getDb(), municipality.id);
  return {
    topics: topicRows.map((topic) => ({
      id: topic.id,
      name: translated(topic.name, lang),
    })),
    // A fresh key for each form shown: the same form sent twice is one request with one code.
    submissionKey: newSubmissionKey(),
  };
}

/** Each page view has its own form key: never kept by a browser or a proxy and shown to someone else. */
export const headers: Route.HeadersFunction = ({ parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "private, no-store");
  return headers;
};

type ActionData = { errors: FieldErrors; values: HomeVisitValues; submissionKey: string | null };

export async function action({ params, request }: Route.ActionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const form = await request.formData();
  const values = homeVisitValuesFromForm(form);
  const submissionKey = submissionKeyOf(form);
  const parsed = parseHomeVisit(values);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values, submissionKey }, { status: 400 });
  const result = await createHomeVisit(getDb(), municipality.id, parsed.data, {
    language: lang,
    submissionKey,
  });
  if (!result.ok) return data<ActionData>({ errors: result.errors, values, submissionKey }, { status: 400 });
  throw redirect(`/${municipality.slug}/${lang}/hulp-aan-huis/ontvangen?code=${result.code}`, 303);
}

export default function HomeVisitRequest({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]));
  const hasErrors = Object.values(errors).some(Boolean);
  const phone = ctx.municipality.phone;
  const title = t("homeVisit.title");
  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("homeVisit.intro")}</p>
      <p>
        <PhoneSentence textKey="homeVisit.callUs" phone={phone} />
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" noValidate>
        <input type="hidden" name="submissionKey" value={result?.submissionKey ?? loaderData.submissionKey} />
        <HomeVisitFields values={result?.values ?? EMPTY_HOME_VISIT} errors={errors} topics={loaderData.topics} />
        <p className="hint">{t("homeVisit.privacy")}</p>
        <button type="submit" className="button">
          {t("homeVisit.submit")}
        </button>
      </form>
    </div>
  );
}
