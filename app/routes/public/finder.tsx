import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { formatDistance } from "~/i18n/format";
import { SPOKEN_LANGUAGE_NAMES, translated } from "~/i18n/languages";
import { listSpokenLanguages, searchHelpPoints } from "~/modules/finder/finder.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { parseFinderQuery } from "~/modules/finder/schema";
import { listDistricts, listTopics } from "~/modules/municipality/municipality.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import { Icon } from "~/ui/icons";
import { OpenStatusText } from "~/ui/open-status";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const db = getDb();
  const url = new URL(request.url);
  const parsed = parseFinderQuery(url.searchParams);
  // The search does not need the form's lists: on PostgreSQL they run side by side instead of one after the other.
  const [districtRows, topicRows, spokenLanguages, search] = await Promise.all([
    listDistricts(db, municipality.id),
    listTopics(db, municipality.id),
    listSpokenLanguages(db, municipality.id),
    parsed.success ? searchHelpPoints(db, municipality, parsed.data) : null,
  ]);
  const values = Object.fromEntries(url.searchParams.entries());
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }
  return {
    values,
    errors,
    search,
    today: brusselsDate(),
    districts: districtRows.map((d) => ({ id: d.id, name: d.name })),
    topics: topicRows.map((t) => ({ code: t.code, icon: t.icon, name: translated(t.name, lang) })),
    spokenLanguages,
  };
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function Finder({ loaderData }: { loaderData: LoaderData }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { values, errors, search, districts, topics, today } = loaderData;
  const translatedErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v!)]));
  const hasErrors = Object.keys(errors).length > 0;
  const topicName = topics.find((x) => x.code === values.topic)?.name;
  const pageHref = (page: number) => {
    const next = new URLSearchParams(values);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const title = `${hasErrors ? `${t("form.errorPrefix")} ` : ""}${topicName ? t("finder.titleTopic", { topic: topicName }) : t("finder.title")}`;
  return (
    <>
      <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{topicName ? t("finder.titleTopic", { topic: topicName }) : t("finder.title")}</h1>
      <ErrorSummary errors={translatedErrors} />

      <div className="finder">
        <form method="get" className="finder-form" id="finder-form" aria-label={t("finder.formLabel")}>
          <div className="field">
            <label htmlFor="q">{t("finder.q")}</label>
            <p className="hint" id="q-hint">
              {t("finder.qHint")}
            </p>
            <FieldError id="q" message={translatedErrors.q} />
            <input id="q" name="q" type="search" defaultValue={values.q ?? ""} aria-describedby={describedBy("q", { hint: true, error: translatedErrors.q })} aria-invalid={errors.q ? true : undefined} />
          </div>

          <div className="field">
            <label htmlFor="topic">{t("finder.topic")}</label>
            <FieldError id="topic" message={translatedErrors.topic} />
            <select id="topic" name="topic" defaultValue={values.topic ?? ""} aria-describedby={describedBy("topic", { error: translatedErrors.topic })}>
              <option value="">{t("finder.allTopics")}</option>
              {topics.map((topic) => (
                <option key={topic.code} value={topic.code}>
                  {topic.name}
                </option>
              ))}
            </select>
          </div>

          <fieldset className="field">
            <legend>{t("finder.where")}</legend>
            <div className="field">
              <label htmlFor="postcode">{t("finder.postcode")}</label>
              <p className="hint" id="postcode-hint">
                {t("finder.postcodeHint")}
              </p>
              <FieldError id="postcode" message={translatedErrors.postcode} />
              <input
                id="postcode"
                name="postcode"
                inputMode="numeric"
                autoComplete="postal-code"
                className="input-short"
                defaultValue={values.postcode ?? ""}
                aria-describedby={describedBy("postcode", { hint: true, error: translatedErrors.postcode })}
                aria-invalid={errors.postcode ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="district">{t("finder.district")}</label>
              <select id="district" name="district" defaultValue={values.district ?? ""}>
                <option value="">{t("finder.allDistricts")}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            {/* Filled in by the browser's location when the person asks for it (enhancement, see /enhance.js). */}
            <input type="hidden" name="lat" id="lat" defaultValue={values.lat ?? ""} />
            <input type="hidden" name="lng" id="lng" defaultValue={values.lng ?? ""} />
            <button type="button" className="button button-secondary" id="near-me" hidden data-locating={t("finder.locating")} data-failed={t("finder.locationFailed")}>
              <Icon name="pin" /> {t("finder.nearMe")}
            </button>
            <p id="near-me-status" className="hint" role="status"></p>
          </fieldset>

          <fieldset className="field">
            <legend>{t("finder.how")}</legend>
            <div className="radios">
              {[
                ["", t("finder.accessAll")],
                ["walk_in", t("finder.walkIn")],
                ["appointment", t("finder.appointment")],
              ].map(([value, label]) => (
                <div className="radio" key={value}>
                  <input type="radio" id={`access-${value || "all"}`} name="access" value={value} defaultChecked={(values.access ?? "") === value} />
                  <label htmlFor={`access-${value || "all"}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <div className="field">
            <label htmlFor="language">{t("finder.language")}</label>
            <select id="language" name="language" defaultValue={values.language ?? ""}>
              <option value="">{t("finder.anyLanguage")}</option>
              {loaderData.spokenLanguages.map((code) => (
                <option key={code} value={code} lang={code}>
                  {SPOKEN_LANGUAGE_NAMES[code] ?? code}
                </option>
              ))}
            </select>
          </div>

          <div className="checkboxes">
            <div className="checkbox">
              <input type="checkbox" id="open" name="open" value="now" defaultChecked={values.open === "now"} />
              <label htmlFor="open">{t("finder.openNow")}</label>
            </div>
            <div className="checkbox">
              <input type="checkbox" id="wheelchair" name="wheelchair" value="1" defaultChecked={values.wheelchair === "1"} />
              <label htmlFor="wheelchair">{t("finder.wheelchair")}</label>
            </div>
          </div>

          <button type="submit" className="button">
            <Icon name="search" /> {t("finder.search")}
          </button>
        </form>

        <section className="finder-results" aria-labelledby="results-heading">
          {search ? (
            <>
              <h2 id="results-heading">{t("finder.resultCount", { count: search.total })}</h2>
              {search.unknownPostcode ? <p className="notice">{t("finder.unknownPostcode", { postcode: values.postcode, city: ctx.municipality.name })}</p> : null}
              {search.place ? (
                <p className="muted">{search.place.label === "location" ? t("finder.sortedFromYou") : t("finder.sortedFrom", { postcode: search.place.label })}</p>
              ) : null}
              {search.total === 0 ? (
                <div className="notice">
                  <p>{t("finder.noResults")}</p>
                  <p>
                    <a href={publicHref(ctx, "/hulp")}>{t("finder.clearFilters")}</a>
                  </p>
                </div>
              ) : null}
              <div id="map" className="map" hidden data-points={JSON.stringify(search.results.filter((r) => r.latitude != null).map((r) => ({ name: r.name, lat: r.latitude, lng: r.longitude, href: publicHref(ctx, `/punt/${r.id}`) })))} data-label={t("finder.mapLabel")}></div>
              <ol className="results">
                {search.results.map((point) => (
                  <li key={point.id} className="result">
                    <h3>
                      <Link to={publicHref(ctx, `/punt/${point.id}`)}>{point.name}</Link>
                    </h3>
                    <p className="result-type">{t(`pointType.${point.type}`)}</p>
                    <p>
                      <Icon name="pin" size={20} /> {point.street}, {point.postcode} {point.city}
                      {point.distanceKm != null ? <span className="muted"> · {t("finder.distance", { distance: formatDistance(point.distanceKm, ctx.lang) })}</span> : null}
                    </p>
                    <p>
                      <Icon name="clock" size={20} /> <OpenStatusText status={point.status} lang={ctx.lang} today={today} />
                    </p>
                    <ul className="badges">
                      {point.walkIn ? <li>{t("finder.walkIn")}</li> : null}
                      {point.byAppointment ? <li>{t("finder.appointment")}</li> : null}
                      {point.wheelchairAccessible ? <li>{t("point.wheelchair")}</li> : null}
                    </ul>
                  </li>
                ))}
              </ol>
              {search.pages > 1 ? (
                <nav aria-label={t("finder.pages")} className="pagination">
                  {search.page > 1 ? <a href={pageHref(search.page - 1)}>{t("finder.previous")}</a> : null}
                  <span>{t("finder.pageOf", { page: search.page, pages: search.pages })}</span>
                  {search.page < search.pages ? <a href={pageHref(search.page + 1)}>{t("finder.next")}</a> : null}
                </nav>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
      <script src="/enhance.js" defer></script>
    </>
  );
}
