import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { formatList } from "~/i18n/format";
import { SPOKEN_LANGUAGE_NAMES, translated, type Language } from "~/i18n/languages";
import { catalogueOptions, searchCourses, type RunSummary } from "~/modules/learning/catalogue.server";
import { COURSE_AUDIENCES, COURSE_LEVELS, parseCatalogueQuery } from "~/modules/learning/course-schema";
import { dayAndTime, priceParts } from "~/modules/learning/display.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import { Icon } from "~/ui/icons";

function runForList(run: RunSummary, lang: Language) {
  return {
    id: run.id,
    ...dayAndTime(run.registrationOpen ? run.firstStart : run.nextStart, lang),
    sessionCount: run.sessionCount,
    place: run.place ? { name: run.place.name, district: run.place.district } : null,
    venue: run.venue,
    freePlaces: run.freePlaces,
    registrationOpen: run.registrationOpen,
  };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const db = getDb();
  const url = new URL(request.url);
  const parsed = parseCatalogueQuery(url.searchParams);
  const values = Object.fromEntries(url.searchParams.entries());
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }
  const [options, search] = await Promise.all([
    catalogueOptions(db, municipality.id),
    parsed.success ? searchCourses(db, municipality.id, parsed.data) : null,
  ]);
  return {
    values,
    errors,
    topics: options.topics.map((t) => ({ code: t.code, name: translated(t.name, lang) })),
    languages: options.languages,
    districts: options.districts,
    search: search
      ? {
          total: search.total,
          page: search.page,
          pages: search.pages,
          results: search.results.map((course) => {
            // The run to show first: the soonest one with a free place, else the soonest one open for the waiting list.
            const shown = course.runs.find((r) => r.registrationOpen && r.freePlaces > 0) ?? course.runs.find((r) => r.registrationOpen) ?? course.runs[0];
            return {
              id: course.id,
              title: translated(course.title, lang),
              level: course.level,
              audiences: course.audiences,
              instructionLanguage: course.instructionLanguage,
              mode: course.mode,
              price: priceParts(course.priceCents, course.uitpasPriceCents, lang),
              run: runForList(shown, lang),
              otherRuns: course.runs.length - 1,
            };
          }),
        }
      : null,
  };
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function Courses({ loaderData }: { loaderData: LoaderData }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { values, errors, search, topics, districts, languages } = loaderData;
  const translatedErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v!)]));
  const hasErrors = Object.keys(errors).length > 0;
  const topicName = topics.find((x) => x.code === values.topic)?.name;
  const heading = topicName ? t("courses.titleTopic", { topic: topicName }) : t("courses.title");
  const pageHref = (page: number) => {
    const next = new URLSearchParams(values);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const base = publicHref(ctx, "/cursussen");
  return (
    <>
      <title>{`${hasErrors ? `${t("form.errorPrefix")} ` : ""}${heading} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{heading}</h1>
      <p className="lead">{t("courses.intro")}</p>
      <ErrorSummary errors={translatedErrors} />

      <div className="finder">
        <form method="get" action={base} className="finder-form" aria-label={t("courses.formLabel")}>
          {topics.length > 0 ? (
            <div className="field">
              <label htmlFor="topic">{t("courses.topic")}</label>
              <FieldError id="topic" message={translatedErrors.topic} />
              <select id="topic" name="topic" defaultValue={values.topic ?? ""} aria-describedby={describedBy("topic", { error: translatedErrors.topic })}>
                <option value="">{t("courses.allTopics")}</option>
                {topics.map((topic) => (
                  <option key={topic.code} value={topic.code}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}

          <fieldset className="field">
            <legend>{t("courses.level")}</legend>
            <div className="radios">
              {(["", ...COURSE_LEVELS] as const).map((level) => (
                <div className="radio" key={level || "all"}>
                  <input type="radio" id={`level-${level || "all"}`} name="level" value={level} defaultChecked={(values.level ?? "") === level} />
                  <label htmlFor={`level-${level || "all"}`}>{level ? t(`courses.levels.${level}`) : t("courses.allLevels")}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <div className="field">
            <label htmlFor="audience">{t("courses.audience")}</label>
            <select id="audience" name="audience" defaultValue={values.audience ?? ""}>
              <option value="">{t("courses.allAudiences")}</option>
              {COURSE_AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`courses.audiences.${audience}`)}
                </option>
              ))}
            </select>
          </div>

          {languages.length > 1 ? (
            <div className="field">
              <label htmlFor="language">{t("courses.language")}</label>
              <FieldError id="language" message={translatedErrors.language} />
              <select id="language" name="language" defaultValue={values.language ?? ""} aria-describedby={describedBy("language", { error: translatedErrors.language })}>
                <option value="">{t("courses.anyLanguage")}</option>
                {languages.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {SPOKEN_LANGUAGE_NAMES[code] ?? code}
                  </option>
                ))}
              </select>
            </div>
          ) : null}

          <div className="field">
            <label htmlFor="district">{t("courses.district")}</label>
            <FieldError id="district" message={translatedErrors.district} />
            <select id="district" name="district" defaultValue={values.district ?? ""} aria-describedby={describedBy("district", { error: translatedErrors.district })}>
              <option value="">{t("courses.allDistricts")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>

          <div className="field">
            <label htmlFor="from">{t("courses.from")}</label>
            <p className="hint" id="from-hint">
              {t("courses.fromHint")}
            </p>
            <FieldError id="from" message={translatedErrors.from} />
            <input
              id="from"
              name="from"
              type="date"
              className="input-date"
              defaultValue={values.from ?? ""}
              aria-describedby={describedBy("from", { hint: true, error: translatedErrors.from })}
              aria-invalid={errors.from ? true : undefined}
            />
          </div>

          <div className="checkboxes">
            <div className="checkbox">
              <input type="checkbox" id="free" name="free" value="1" defaultChecked={values.free === "1"} />
              <label htmlFor="free">{t("courses.freeOnly")}</label>
            </div>
          </div>

          <button type="submit" className="button">
            <Icon name="search" /> {t("courses.search")}
          </button>
        </form>

        <section className="finder-results" aria-labelledby="results-heading">
          {search ? (
            <>
              <h2 id="results-heading">{t("courses.resultCount", { count: search.total })}</h2>
              {search.total === 0 ? (
                <div className="notice">
                  <p>{t("courses.noResults")}</p>
                  <p>
                    <a href={base}>{t("courses.clearFilters")}</a>
                  </p>
                </div>
              ) : null}
              <ol className="results">
                {search.results.map((course) => (
                  <li key={course.id} className="result">
                    <h3>
                      <Link to={`${base}/${course.id}`}>{course.title}</Link>
                    </h3>
                    <p className="result-type">
                      {t(`courses.levels.${course.level}`)} · {formatList(course.audiences.map((a) => t(`courses.audiences.${a}`)), ctx.lang)}
                    </p>
                    <p>
                      <Icon name="clock" size={20} /> {t(course.run.registrationOpen ? "courses.startsOn" : "courses.nextSession", { date: `${course.run.day}, ${course.run.time}` })}
                      <span className="muted"> · {t("courses.sessions", { count: course.run.sessionCount })}</span>
                    </p>
                    <p>
                      <Icon name="pin" size={20} />{" "}
                      {course.run.place ? (
                        <>
                          {course.run.place.name}
                          {course.run.place.district ? <span className="muted"> ({course.run.place.district})</span> : null}
                        </>
                      ) : course.mode === "online" ? (
                        t("courses.online")
                      ) : (
                        course.run.venue
                      )}
                    </p>
                    <ul className="badges">
                      <li className={course.run.freePlaces > 0 && course.run.registrationOpen ? "badge-ok" : "badge-full"}>
                        {!course.run.registrationOpen
                          ? t("courses.alreadyStarted")
                          : course.run.freePlaces > 0
                            ? t("courses.freePlaces", { count: course.run.freePlaces })
                            : t("courses.full")}
                      </li>
                      <li>{course.price.free ? t("courses.free") : course.price.uitpas ? t("courses.priceUitpas", { price: course.price.price, uitpas: course.price.uitpas }) : course.price.price}</li>
                      <li lang={course.instructionLanguage}>{SPOKEN_LANGUAGE_NAMES[course.instructionLanguage] ?? course.instructionLanguage}</li>
                    </ul>
                    {course.otherRuns > 0 ? <p className="muted">{t("courses.moreRuns", { count: course.otherRuns })}</p> : null}
                  </li>
                ))}
              </ol>
              {search.pages > 1 ? (
                <nav aria-label={t("courses.pages")} className="pagination">
                  {search.page > 1 ? <a href={pageHref(search.page - 1)}>{t("courses.previous")}</a> : null}
                  <span>{t("courses.pageOf", { page: search.page, pages: search.pages })}</span>
                  {search.page < search.pages ? <a href={pageHref(search.page + 1)}>{t("courses.next")}</a> : null}
                </nav>
              ) : null}
              <p>
                <a href={`/api/ical/${ctx.municipality.slug}/cursussen?lang=${ctx.lang}`}>{t("courses.calendarAll")}</a>
              </p>
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}
