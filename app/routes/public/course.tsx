import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { formatList } from "~/i18n/format";
import { SPOKEN_LANGUAGE_NAMES, translated } from "~/i18n/languages";
import { getCourseDetails } from "~/modules/learning/catalogue.server";
import { DIGCOMP_LEVELS } from "~/modules/learning/course-schema";
import { dayAndTime, priceParts, sessionWhen } from "~/modules/learning/display.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { CallUs } from "~/ui/call-us";
import { Icon } from "~/ui/icons";

export async function loader({ params }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const course = await getCourseDetails(getDb(), municipality.id, params.courseId ?? "");
  if (!course) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return {
    course: {
      id: course.id,
      title: translated(course.title, lang),
      description: translated(course.description, lang),
      whatToBring: translated(course.whatToBring, lang),
      level: course.level,
      digcompLevel: DIGCOMP_LEVELS[course.level],
      digcompIds: course.digcompIds,
      audiences: course.audiences,
      instructionLanguage: course.instructionLanguage,
      format: course.format,
      mode: course.mode,
      price: priceParts(course.priceCents, course.uitpasPriceCents, lang),
      organizer: { name: course.organizer.name, website: course.organizer.website },
      trainers: course.trainers,
      topics: course.topics.map((t) => ({ code: t.code, icon: t.icon, name: translated(t.name, lang) })),
      runs: course.runs.map((run, i) => ({
        id: run.id,
        number: i + 1,
        start: run.sessions[0] ? dayAndTime(run.sessions[0].startsAt, lang) : null,
        cancelled: run.cancelled,
        registrationOpen: run.registrationOpen,
        freePlaces: run.freePlaces,
        place: run.place,
        venue: run.venue,
        sessions: run.sessions.map((s) => ({ id: s.id, ...sessionWhen(s.startsAt, s.endsAt, lang), past: s.endsAt.getTime() < Date.now() })),
      })),
    },
  };
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function Course({ loaderData }: { loaderData: LoaderData }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { course } = loaderData;
  const base = publicHref(ctx, "/cursussen");
  const price = course.price.free
    ? t("courses.free")
    : course.price.uitpas
      ? t("courses.priceUitpas", { price: course.price.price, uitpas: course.price.uitpas })
      : course.price.price;
  return (
    <article className="course">
      <title>{`${course.title} — Digibrug ${ctx.municipality.name}`}</title>
      <p className="no-print">
        <Link to={base}>{t("courses.back")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="result-type">
        {t(`courses.levels.${course.level}`)} · {formatList(course.audiences.map((a) => t(`courses.audiences.${a}`)), ctx.lang)}
      </p>
      {course.description ? <p className="lead">{course.description}</p> : null}

      <section aria-labelledby="facts">
        <h2 id="facts">{t("courses.facts")}</h2>
        <dl className="course-facts">
          <div>
            <dt>{t("courses.level")}</dt>
            <dd>
              {t(`courses.levels.${course.level}`)}: {t(`courses.levelHints.${course.level}`)}{" "}
              <span className="muted">({t("courses.digcompLevel", course.digcompLevel)})</span>
            </dd>
          </div>
          <div>
            <dt>{t("courses.audience")}</dt>
            <dd>{formatList(course.audiences.map((a) => t(`courses.audiences.${a}`)), ctx.lang)}</dd>
          </div>
          <div>
            <dt>{t("courses.language")}</dt>
            <dd lang={course.instructionLanguage}>{SPOKEN_LANGUAGE_NAMES[course.instructionLanguage] ?? course.instructionLanguage}</dd>
          </div>
          <div>
            <dt>{t("courses.format")}</dt>
            <dd>
              {t(`courses.formats.${course.format}`)}, {t(`courses.modes.${course.mode}`).toLowerCase()}
            </dd>
          </div>
          <div>
            <dt>{t("courses.price")}</dt>
            <dd>
              {price}
              {!course.price.free && course.price.uitpas ? <span className="muted"> — {t("courses.uitpasHint")}</span> : null}
            </dd>
          </div>
          {course.whatToBring ? (
            <div>
              <dt>{t("courses.whatToBring")}</dt>
              <dd>{course.whatToBring}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("courses.organizer")}</dt>
            <dd>{course.organizer.name}</dd>
          </div>
          {course.trainers.length > 0 ? (
            <div>
              <dt>{t("courses.trainers")}</dt>
              <dd>{formatList(course.trainers, ctx.lang)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {course.digcompIds.length > 0 ? (
        <section aria-labelledby="learn">
          <h2 id="learn">{t("courses.digcomp")}</h2>
          <ul>
            {course.digcompIds.map((id) => (
              <li key={id}>{t(`courses.digcompNames.c${id.replace(".", "_")}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {course.topics.length > 0 ? (
        <section aria-labelledby="topics">
          <h2 id="topics">{t("courses.topics")}</h2>
          <ul className="topic-list">
            {course.topics.map((topic) => (
              <li key={topic.code}>
                <Icon name={topic.icon} size={20} /> {topic.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="runs">
        <h2 id="runs">{t("courses.runsTitle")}</h2>
        {course.runs.length === 0 ? <p className="notice">{t("courses.noRuns")}</p> : null}
        <ol className="runs">
          {course.runs.map((run) => {
            const registerHref = publicHref(ctx, `/cursussen/${course.id}/inschrijven/${run.id}`);
            return (
              <li key={run.id} className={`run${run.cancelled ? " run-cancelled" : ""}`}>
                <h3 id={`run-${run.id}`}>
                  {run.start ? t("courses.runTitle", { number: run.number, date: run.start.day }) : t("courses.runNoDate", { number: run.number })}
                </h3>
                {run.cancelled ? (
                  <p className="run-status run-status-cancelled">
                    <strong>{t("courses.runCancelled")}</strong>
                  </p>
                ) : null}
                <p>
                  <Icon name="pin" size={20} /> <span className="visually-hidden">{t("courses.place")} </span>
                  {run.place ? (
                    <>
                      <Link to={publicHref(ctx, `/punt/${run.place.helpPointId}`)}>{run.place.name}</Link>
                      <br />
                      <span>
                        {run.place.street}, {run.place.postcode} {run.place.city}
                      </span>
                    </>
                  ) : course.mode === "online" && !run.venue ? (
                    t("courses.online")
                  ) : (
                    run.venue
                  )}
                </p>
                <h4>{t("courses.sessionsTitle")}</h4>
                <ol className="sessions">
                  {run.sessions.map((s) => (
                    <li key={s.id} className={s.past ? "muted" : undefined}>
                      <Icon name="clock" size={20} /> {t("courses.at", { day: s.day, from: s.from, to: s.to })}
                      {s.past ? ` (${t("courses.sessionPast")})` : null}
                    </li>
                  ))}
                </ol>
                {run.cancelled ? null : !run.registrationOpen ? (
                  <p className="run-status">{t("courses.registrationClosed")}</p>
                ) : run.freePlaces > 0 ? (
                  <>
                    <p className="run-status run-status-ok">
                      <strong>{t("courses.freePlaces", { count: run.freePlaces })}</strong>
                    </p>
                    <p>
                      <Link to={registerHref} className="button">
                        {t("courses.register")}
                        <span className="visually-hidden"> {t("courses.registerFor", { number: run.number })}</span>
                      </Link>
                    </p>
                  </>
                ) : (
                  <>
                    <p className="run-status run-status-full">
                      <strong>{t("courses.fullLong")}</strong> {t("courses.waitingHint")}
                    </p>
                    <p>
                      <Link to={registerHref} className="button button-secondary">
                        {t("courses.waitingList")}
                        <span className="visually-hidden"> {t("courses.registerFor", { number: run.number })}</span>
                      </Link>
                    </p>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <p className="no-print">
        <Icon name="clock" size={20} /> <a href={`/api/ical/${ctx.municipality.slug}/cursussen/${course.id}?lang=${ctx.lang}`}>{t("courses.calendar")}</a>
        <br />
        <span className="hint">{t("courses.calendarHint")}</span>
      </p>
      <CallUs />
    </article>
  );
}
