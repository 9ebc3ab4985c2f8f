import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage, translated } from "~/i18n/languages";
import { priceParts, sessionWhen } from "~/modules/learning/display.server";
import {
  NEEDS,
  registrationSchema,
  registrationValuesFromForm,
  type RegistrationFormValues,
} from "~/modules/learning/registration-schema";
import { getRunOverview, registerForRun } from "~/modules/learning/registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { fieldErrors } from "~/modules/offer/schema";
import { MessageLanguageField, ResidentContactFields } from "~/ui/resident-fields";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import { Icon } from "~/ui/icons";
import type { Route } from "./+types/course-register";

async function loadRun(params: Route.LoaderArgs["params"]) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const run = await getRunOverview(getDb(), municipality.id, params.courseId ?? "", params.runId ?? "");
  if (!run || !run.course.published) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return { municipality, lang, run };
}

export async function loader({ params }: Route.LoaderArgs) {
  const { municipality, lang, run } = await loadRun(params);
  const place = run.place;
  return {
    courseId: run.course.id,
    title: translated(run.course.title, lang),
    sessions: run.sessions.map((s) => ({ id: s.id, ...sessionWhen(s.startsAt, s.endsAt, lang) })),
    place: place.name
      ? { name: place.name, address: `${place.street}, ${place.postcode} ${place.city}`, helpPointId: place.helpPointId }
      : { name: place.venue, address: null, helpPointId: null },
    online: run.course.mode === "online",
    price: priceParts(run.course.priceCents, run.course.uitpasPriceCents, lang),
    freePlaces: run.freePlaces,
    waiting: run.waiting,
    offerHours: run.run.offerHours,
    started: run.started,
    cancelled: run.run.cancelled,
    askUitpas: run.course.priceCents > 0 && run.course.uitpasPriceCents != null,
    askDepartment: run.course.audiences.includes("city_staff"),
    languages: municipality.languages.filter(isLanguage),
  };
}

type ActionData = { values: RegistrationFormValues; errors: FieldErrors; waitlist?: boolean };

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, lang, run } = await loadRun(params);
  const form = await request.formData();
  const values = registrationValuesFromForm(form, lang);
  const invalid = (errors: FieldErrors, status = 400, waitlist?: boolean) => data<ActionData>({ values, errors, waitlist }, { status });
  if (run.run.cancelled) return invalid({ form: "registration.errors.cancelled" }, 409);
  if (run.started) return invalid({ form: "registration.errors.past" }, 409);
  const schema = registrationSchema({
    mode: "public",
    languages: municipality.languages,
    requireDepartment: run.course.audiences.includes("city_staff"),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const result = await registerForRun(
    getDb(),
    {
      runId: run.run.id,
      municipalityId: municipality.id,
      name: input.name,
      phone: input.phone,
      email: input.email,
      language: input.language,
      needs: input.needs,
      uitpasNumber: run.course.priceCents > 0 ? input.uitpasNumber : null,
      department: input.department,
    },
    // The person saw "full: you go on the waiting list" before they pressed the button.
    { joinWaitlistIfFull: form.get("waitlist") === "1", baseUrl: appBaseUrl(request) },
  );
  if (!result.ok) {
    if (result.error === "full") return invalid({ form: "registration.errors.full" }, 409, true);
    return invalid({ form: `registration.errors.${result.error}` }, 409);
  }
  const manageLang = municipality.languages.includes(input.language) ? input.language : lang;
  throw redirect(`/${municipality.slug}/${manageLang}/inschrijving/${result.manageToken}?nieuw=1`, 303);
}

export default function CourseRegister({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const result = actionData as ActionData | undefined;
  const run = loaderData;
  const errors = result?.errors ?? {};
  const translatedErrors: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v ? t(v) : v]));
  const hasErrors = Object.values(errors).some(Boolean);
  const values: RegistrationFormValues = result?.values ?? {
    name: "",
    phone: "",
    email: "",
    language: ctx.lang,
    needs: [],
    uitpasNumber: "",
    department: "",
  };
  const waitlist = result?.waitlist || run.freePlaces === 0;
  const open = !run.started && !run.cancelled;
  const heading = waitlist && open ? t("registration.register.titleWaitlist", { course: run.title }) : t("registration.register.title", { course: run.title });
  const price = run.price.free
    ? t("registration.register.free")
    : run.price.uitpas
      ? t("registration.register.priceUitpas", { price: run.price.price, uitpasPrice: run.price.uitpas })
      : run.price.price;
  const coursePage = publicHref(ctx, `/cursussen/${run.courseId}`);
  const findPage = publicHref(ctx, "/inschrijving");

  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${heading} — Digibrug ${ctx.municipality.name}`}</title>
      <p className="no-print">
        <Link to={coursePage}>{t("registration.register.back")}</Link>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary errors={translatedErrors} />

      <dl className="facts">
        <div>
          <dt>{t("registration.register.when")}</dt>
          <dd>
            {t("registration.register.sessions", { count: run.sessions.length })}
            <ul className="plain-list">
              {run.sessions.map((s) => (
                <li key={s.id}>
                  <Icon name="clock" size={20} /> {s.day}, {s.from} – {s.to}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("registration.register.where")}</dt>
          <dd>
            {run.place.name ? (
              <>
                {run.place.helpPointId ? <Link to={publicHref(ctx, `/punt/${run.place.helpPointId}`)}>{run.place.name}</Link> : run.place.name}
                {run.place.address ? (
                  <>
                    <br />
                    {run.place.address}
                  </>
                ) : null}
              </>
            ) : run.online ? (
              t("registration.register.online")
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("registration.register.price")}</dt>
          <dd>{price}</dd>
        </div>
        {open ? (
          <div>
            <dt>{t("registration.register.places")}</dt>
            <dd>
              {waitlist ? (
                <>
                  <strong>{t("registration.register.full")}</strong>
                  {run.waiting > 0 ? <> {t("registration.register.waitingNow", { count: run.waiting })}</> : null}
                  <br />
                  {t("registration.register.fullExplain", { hours: run.offerHours })}
                </>
              ) : (
                t("registration.register.freePlaces", { count: run.freePlaces })
              )}
            </dd>
          </div>
        ) : null}
      </dl>

      {!open ? (
        <>
          <p className="notice">{run.cancelled ? t("registration.register.cancelledRun") : t("registration.register.closed")}</p>
          <p>
            <Link to={publicHref(ctx, "/cursussen")}>{t("registration.register.otherCourses")}</Link>
          </p>
        </>
      ) : (
        <form method="post" noValidate id="form" aria-labelledby="form-title">
          <h2 id="form-title">{t("registration.register.formTitle")}</h2>
          {waitlist ? <input type="hidden" name="waitlist" value="1" /> : null}
          <ResidentContactFields prefix="registration.register" values={values} errors={translatedErrors} />

          {run.askDepartment ? (
            <div className="field">
              <label htmlFor="department">{t("registration.register.department")}</label>
              <p className="hint" id="department-hint">
                {t("registration.register.departmentHint")}
              </p>
              <FieldError id="department" message={translatedErrors.department} />
              <input
                id="department"
                name="department"
                type="text"
                autoComplete="organization"
                defaultValue={values.department}
                aria-invalid={errors.department ? true : undefined}
                aria-describedby={describedBy("department", { hint: true, error: translatedErrors.department })}
              />
            </div>
          ) : null}

          <MessageLanguageField legend={t("registration.register.language")} languages={run.languages} value={values.language} error={translatedErrors.language} fallback={ctx.lang} />

          <fieldset className="field" aria-describedby="needs-hint">
            <legend>{t("registration.register.needsLegend")}</legend>
            <p className="hint" id="needs-hint">
              {t("registration.register.needsHint")}
            </p>
            <FieldError id="needs" message={translatedErrors.needs} />
            <div className="checkboxes">
              {NEEDS.map((need, i) => (
                <div className="checkbox" key={need}>
                  <input type="checkbox" id={i === 0 ? "needs" : `needs-${need}`} name="needs" value={need} defaultChecked={values.needs.includes(need)} />
                  <label htmlFor={i === 0 ? "needs" : `needs-${need}`}>{t(`registration.register.needs.${need}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>

          {run.askUitpas && !run.price.free ? (
            <div className="field">
              <label htmlFor="uitpasNumber">{t("registration.register.uitpas")}</label>
              <p className="hint" id="uitpasNumber-hint">
                {t("registration.register.uitpasHint", { price: run.price.uitpas })}
              </p>
              <FieldError id="uitpasNumber" message={translatedErrors.uitpasNumber} />
              <input
                id="uitpasNumber"
                name="uitpasNumber"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                dir="ltr"
                defaultValue={values.uitpasNumber}
                aria-invalid={errors.uitpasNumber ? true : undefined}
                aria-describedby={describedBy("uitpasNumber", { hint: true, error: translatedErrors.uitpasNumber })}
              />
            </div>
          ) : null}

          <p className="hint">{t("registration.register.privacy")}</p>
          <button type="submit" className="button">
            {waitlist ? t("registration.register.submitWaitlist") : t("registration.register.submit")}
          </button>
        </form>
      )}
      <p className="no-print">
        <Link to={findPage}>{t("registration.register.findLink")}</Link>
      </p>
    </div>
  );
}
