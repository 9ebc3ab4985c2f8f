import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { COMMENT_MAX, FEEDBACK_QUESTIONS, FEEDBACK_SCALE, type FeedbackQuestion } from "~/modules/learning/feedback-form";
import { feedbackOpen, saveFeedback } from "~/modules/learning/feedback.server";
import { formatLongDate } from "~/modules/learning/registration-format";
import { findRegistrationByToken } from "~/modules/learning/registration.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import styles from "~/ui/course-run.css?url";
import type { Route } from "./+types/course-feedback";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

type State = "form" | "thanks" | "already" | "notYet" | "closed";

async function load(params: Route.LoaderArgs["params"]) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const found = await findRegistrationByToken(getDb(), municipality.id, params.token ?? "");
  if (!found) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return { municipality, lang, found };
}

function stateOf(found: NonNullable<Awaited<ReturnType<typeof findRegistrationByToken>>>, now: Date): State {
  if (found.registration.status !== "registered" || found.run.cancelled) return "closed";
  if (found.registration.feedbackGiven) return "already";
  if (!feedbackOpen(found.sessions, now)) return "notYet";
  return "form";
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const { municipality, lang, found } = await load(params);
  let state = stateOf(found, new Date());
  if (state === "already" && new URL(request.url).searchParams.get("bedankt") === "1") state = "thanks";
  const last = found.sessions[found.sessions.length - 1];
  return {
    state,
    course: translated(found.course.title, lang),
    lastSession: last ? formatLongDate(last.startsAt, lang) : "",
    certificateHref:
      found.registration.completedAt && found.registration.status === "registered"
        ? `/${municipality.slug}/${lang}/inschrijving/${params.token}/getuigschrift`
        : null,
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action({ params, request }: Route.ActionArgs) {
  const { found } = await load(params);
  const form = await request.formData();
  const thanks = () => redirect(`${new URL(request.url).pathname}?bedankt=1`, 303);
  const state = stateOf(found, new Date());
  if (state === "already") throw thanks();
  if (state !== "form") throw redirect(new URL(request.url).pathname, 303);
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  const answers: Record<FeedbackQuestion, number | null> = { liked: null, learned: null, clear: null };
  for (const question of FEEDBACK_QUESTIONS) {
    const value = String(form.get(question) ?? "");
    values[question] = value;
    if (value === "" || value === "none") continue;
    const number = Number(value);
    if ((FEEDBACK_SCALE as readonly number[]).includes(number)) answers[question] = number;
    else errors[question] = "courseRun.feedback.errorScale";
  }
  const comment = String(form.get("comment") ?? "");
  values.comment = comment;
  if (comment.trim().length > COMMENT_MAX) errors.comment = "courseRun.feedback.errorComment";
  if (Object.keys(errors).length) return data<ActionData>({ errors, values }, { status: 400 });
  await saveFeedback(getDb(), found.registration.id, { ...answers, comment });
  throw thanks();
}

/** A simple face: from sad (1) to very happy (5). Decoration only: the words say the same. */
function Face({ value }: { value: number }) {
  const mouth: Record<number, string> = {
    1: "M8.5 17.5 Q12 13.5 15.5 17.5",
    2: "M9 16.8 Q12 15 15 16.8",
    3: "M9 16 L15 16",
    4: "M9 15 Q12 17.6 15 15",
    5: "M8 14.2 Q12 19.8 16 14.2 Z",
  };
  return (
    <svg viewBox="0 0 24 24" width="44" height="44" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.2" fill={value >= 4 ? "#fff4c2" : value <= 2 ? "#e8eef5" : "#f3f3f3"} stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.8" cy="9.6" r="1.25" fill="currentColor" />
      <circle cx="15.2" cy="9.6" r="1.25" fill="currentColor" />
      <path d={mouth[value]} fill={value === 5 ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export default function CourseFeedback({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { state, course, lastSession, certificateHref } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]));
  const hasErrors = Object.values(errors).some(Boolean);
  const values = result?.values ?? {};
  const certificateLink = certificateHref ? (
    <p>
      <a href={certificateHref} className="button button-secondary" type="application/pdf">
        {t("courseRun.certificate.download")}
      </a>
    </p>
  ) : null;

  if (state !== "form") {
    const [title, text] =
      state === "thanks"
        ? [t("courseRun.feedback.thanksTitle"), t("courseRun.feedback.thanksText")]
        : state === "already"
          ? [t("courseRun.feedback.alreadyTitle"), t("courseRun.feedback.alreadyText")]
          : state === "notYet"
            ? [t("courseRun.feedback.notYetTitle"), t("courseRun.feedback.notYetText", { date: lastSession })]
            : [t("courseRun.feedback.closedTitle"), t("courseRun.feedback.closedText")];
    return (
      <div className="narrow">
        <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
        <meta name="robots" content="noindex" />
        <h1>{title}</h1>
        <div className={state === "thanks" ? "success" : "notice"} role={state === "thanks" ? "status" : undefined}>
          <p>{text}</p>
        </div>
        <p className="lead">{course}</p>
        {state === "closed" ? null : certificateLink}
      </div>
    );
  }

  const title = t("courseRun.feedback.title");
  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      <p className="lead">{t("courseRun.feedback.intro", { course })}</p>
      <ErrorSummary errors={errors} />
      <form method="post" noValidate>
        {FEEDBACK_QUESTIONS.map((question) => (
          <fieldset key={question} className="field smiley-question" aria-describedby={describedBy(question, { error: errors[question] })}>
            <legend>{t(`courseRun.feedback.${question}`)}</legend>
            <FieldError id={question} message={errors[question]} />
            <div className="smiley-scale">
              {FEEDBACK_SCALE.map((value, i) => {
                const id = i === 0 ? question : `${question}-${value}`;
                return (
                  <div className="smiley-option" key={value}>
                    <input type="radio" id={id} name={question} value={value} defaultChecked={values[question] === String(value)} />
                    <label htmlFor={id}>
                      <Face value={value} />
                      <span>{t(`courseRun.feedback.scale${value}`)}</span>
                    </label>
                  </div>
                );
              })}
              <div className="smiley-option no-answer">
                <input type="radio" id={`${question}-none`} name={question} value="none" defaultChecked={values[question] === "none"} />
                <label htmlFor={`${question}-none`}>{t("courseRun.feedback.noAnswer")}</label>
              </div>
            </div>
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor="comment">{t("courseRun.feedback.comment")}</label>
          <p className="hint" id="comment-hint">
            {t("courseRun.feedback.commentHint")}
          </p>
          <FieldError id="comment" message={errors.comment} />
          <textarea
            id="comment"
            name="comment"
            rows={4}
            maxLength={COMMENT_MAX + 200}
            defaultValue={values.comment ?? ""}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={describedBy("comment", { hint: true, error: errors.comment })}
          />
        </div>
        <button type="submit" className="button">
          {t("courseRun.feedback.send")}
        </button>
      </form>
      {certificateLink}
    </div>
  );
}
