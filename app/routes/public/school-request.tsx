import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { GRADES, OTHER_TOPIC, parseWorkshopRequest, workshopValuesFromForm, type WorkshopFormValues } from "~/modules/learning/workshop-schema";
import { createWorkshopRequest, listSchools, statusPath } from "~/modules/learning/workshops.server";
import { listTopics } from "~/modules/municipality/municipality.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { describedBy, ErrorSummary, FieldError, type FieldErrors, TextField } from "~/ui/form";
import type { Route } from "./+types/school-request";
import { PhoneSentence } from "~/ui/phone-link";

export async function loader({ params }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const db = getDb();
  const [schools, topicRows] = await Promise.all([listSchools(db, municipality.id), listTopics(db, municipality.id)]);
  return {
    schools,
    topics: topicRows.map((topic) => ({ id: topic.id, name: translated(topic.name, lang) })),
  };
}

type ActionData = { errors: FieldErrors; values: WorkshopFormValues };

export async function action({ params, request }: Route.ActionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const values = workshopValuesFromForm(await request.formData());
  const invalid = (errors: FieldErrors) => data<ActionData>({ errors, values }, { status: 400 });
  const parsed = parseWorkshopRequest(values);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await createWorkshopRequest(getDb(), municipality.id, parsed.data, { language: lang, baseUrl: appBaseUrl(request) });
  if (!result.ok) return invalid(result.errors);
  throw redirect(statusPath(municipality.slug, lang, result.statusToken), 303);
}

const EMPTY: WorkshopFormValues = {
  schoolId: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  topic: "",
  grade: "",
  pupils: "",
  preferredDates: "",
  needsDevices: "",
  note: "",
};


export default function SchoolRequest({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { schools, topics } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]));
  const hasErrors = Object.values(errors).some(Boolean);
  const values = result?.values ?? EMPTY;
  const phone = ctx.municipality.phone;
  const title = t("courseRun.school.title");
  const withPhone = (key: string, values?: Record<string, string>) => <PhoneSentence textKey={key} phone={phone} values={values} />;

  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("courseRun.school.intro")}</p>
      <p>{withPhone("courseRun.school.callUs")}</p>
      {schools.length === 0 ? (
        <div className="notice">
          <p>{withPhone("courseRun.school.noSchools", { municipality: ctx.municipality.name })}</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" noValidate>
            <div className="field">
              <label htmlFor="schoolId">{t("courseRun.school.school")}</label>
              <p className="hint" id="schoolId-hint">
                {withPhone("courseRun.school.schoolHint")}
              </p>
              <FieldError id="schoolId" message={errors.schoolId} />
              <select
                id="schoolId"
                name="schoolId"
                defaultValue={values.schoolId}
                aria-invalid={errors.schoolId ? true : undefined}
                aria-describedby={describedBy("schoolId", { hint: true, error: errors.schoolId })}
              >
                <option value="">{t("courseRun.school.schoolChoose")}</option>
                {schools.map((school) => (
                  <option key={school.id} value={school.id}>
                    {school.name}
                  </option>
                ))}
              </select>
            </div>

            <fieldset className="field" aria-describedby="contact-hint">
              <legend>{t("courseRun.school.contact")}</legend>
              <p className="hint" id="contact-hint">
                {t("courseRun.school.contactHint")}
              </p>
              <TextField id="contactName" label={t("courseRun.school.contactName")} value={values.contactName} error={errors.contactName} autoComplete="name" />
              <TextField id="contactEmail" label={t("courseRun.school.email")} value={values.contactEmail} error={errors.contactEmail} type="email" autoComplete="email" />
              <TextField id="contactPhone" label={t("courseRun.school.phone")} value={values.contactPhone} error={errors.contactPhone} type="tel" autoComplete="tel" />
            </fieldset>

            <div className="field">
              <label htmlFor="topic">{t("courseRun.school.topic")}</label>
              <FieldError id="topic" message={errors.topic} />
              <select id="topic" name="topic" defaultValue={values.topic} aria-invalid={errors.topic ? true : undefined} aria-describedby={describedBy("topic", { error: errors.topic })}>
                <option value="">{t("courseRun.school.topicChoose")}</option>
                {topics.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topic.name}
                  </option>
                ))}
                <option value={OTHER_TOPIC}>{t("courseRun.school.topicOther")}</option>
              </select>
            </div>

            <div className="field">
              <label htmlFor="grade">{t("courseRun.school.grade")}</label>
              <FieldError id="grade" message={errors.grade} />
              <select id="grade" name="grade" defaultValue={values.grade} aria-invalid={errors.grade ? true : undefined} aria-describedby={describedBy("grade", { error: errors.grade })}>
                <option value="">{t("courseRun.school.gradeChoose")}</option>
                {GRADES.map((grade) => (
                  <option key={grade} value={grade}>
                    {t(`courseRun.school.grades.${grade}`)}
                  </option>
                ))}
              </select>
            </div>

            <TextField
              id="pupils"
              label={t("courseRun.school.pupils")}
              hint={t("courseRun.school.pupilsHint")}
              value={values.pupils}
              error={errors.pupils}
              inputMode="numeric"
              className="input-short"
            />

            <div className="field">
              <label htmlFor="preferredDates">{t("courseRun.school.dates")}</label>
              <p className="hint" id="preferredDates-hint">
                {t("courseRun.school.datesHint")}
              </p>
              <FieldError id="preferredDates" message={errors.preferredDates} />
              <textarea
                id="preferredDates"
                name="preferredDates"
                rows={3}
                defaultValue={values.preferredDates}
                aria-invalid={errors.preferredDates ? true : undefined}
                aria-describedby={describedBy("preferredDates", { hint: true, error: errors.preferredDates })}
              />
            </div>

            <fieldset className="field" aria-describedby={describedBy("needsDevices", { error: errors.needsDevices })}>
              <legend>{t("courseRun.school.devices")}</legend>
              <FieldError id="needsDevices" message={errors.needsDevices} />
              <div className="radios">
                <div className="radio">
                  <input type="radio" id="needsDevices" name="needsDevices" value="yes" defaultChecked={values.needsDevices === "yes"} />
                  <label htmlFor="needsDevices">{t("courseRun.school.devicesYes")}</label>
                </div>
                <div className="radio">
                  <input type="radio" id="needsDevices-no" name="needsDevices" value="no" defaultChecked={values.needsDevices === "no"} />
                  <label htmlFor="needsDevices-no">{t("courseRun.school.devicesNo")}</label>
                </div>
              </div>
            </fieldset>

            <div className="field">
              <label htmlFor="note">{t("courseRun.school.note")}</label>
              <p className="hint" id="note-hint">
                {t("courseRun.school.noteHint")}
              </p>
              <FieldError id="note" message={errors.note} />
              <textarea
                id="note"
                name="note"
                rows={4}
                defaultValue={values.note}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={describedBy("note", { hint: true, error: errors.note })}
              />
            </div>

            <button type="submit" className="button">
              {t("courseRun.school.submit")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
