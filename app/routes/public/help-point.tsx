import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { formatDate, formatDay, formatTime } from "~/i18n/format";
import { SPOKEN_LANGUAGE_NAMES, translated } from "~/i18n/languages";
import { getHelpPointDetails } from "~/modules/finder/finder.server";
import { pointTakesAppointments } from "~/modules/appointments/appointments.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { Icon } from "~/ui/icons";
import { OpenStatusText } from "~/ui/open-status";
import { PhoneLink } from "~/ui/phone-link";

export async function loader({ params }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const point = await getHelpPointDetails(getDb(), municipality.id, params.pointId ?? "", new Date(), lang);
  if (!point) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return {
    today: brusselsDate(),
    takesAppointments: await pointTakesAppointments(getDb(), municipality.id, point.id),
    point: {
      ...point,
      description: translated(point.description, lang),
      accessibilityNotes: translated(point.accessibilityNotes, lang),
      topics: point.topics.map((t) => ({ code: t.code, icon: t.icon, name: translated(t.name, lang) })),
      services: point.services.map((s) => ({ id: s.id, name: translated(s.name, lang), description: translated(s.description, lang), free: s.free })),
      lastCheckedAt: point.lastCheckedAt?.toISOString() ?? null,
      createdAt: undefined,
      updatedAt: undefined,
    },
  };
}

const EQUIPMENT = ["computers", "printer", "scanner", "wifi"] as const;
const EQUIPMENT_ICON: Record<string, string> = { computers: "computer", printer: "printer", scanner: "printer", wifi: "wifi" };

export default function HelpPoint({ loaderData }: { loaderData: Awaited<ReturnType<typeof loader>> }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { point, today } = loaderData;
  const lang = ctx.lang;
  const address = `${point.street}, ${point.postcode} ${point.city}`;
  const directions =
    point.latitude != null
      ? `https://www.openstreetmap.org/directions?to=${point.latitude},${point.longitude}`
      : `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
  const phone = point.phone ?? ctx.municipality.phone;
  return (
    <article className="help-point">
      <title>{`${point.name} — Digibrug ${ctx.municipality.name}`}</title>
      <p className="no-print">
        <Link to={publicHref(ctx, "/hulp")}>{t("point.back")}</Link>
      </p>
      <h1>{point.name}</h1>
      <p className="result-type">
        {t(`pointType.${point.type}`)} · {point.organization.name}
      </p>
      {point.description ? <p className="lead">{point.description}</p> : null}

      <div className="point-grid">
        <section aria-labelledby="where">
          <h2 id="where">
            <Icon name="pin" /> {t("point.address")}
          </h2>
          <p>
            {point.street}
            <br />
            {point.postcode} {point.city}
            {point.district ? (
              <>
                <br />
                <span className="muted">{t("point.district", { district: point.district })}</span>
              </>
            ) : null}
          </p>
          <p className="no-print">
            <a href={directions}>{t("point.directions")}</a>
          </p>
          <p>
            <Icon name="call" size={20} />{" "}
            <PhoneLink phone={phone} />
          </p>
          {point.email ? (
            <p>
              <a href={`mailto:${point.email}`}>{point.email}</a>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="hours">
          <h2 id="hours">
            <Icon name="clock" /> {t("point.hours")}
          </h2>
          <p>
            <OpenStatusText status={point.status} lang={lang} today={today} />
          </p>
          <ul className="badges">
            {point.walkIn ? <li>{t("finder.walkIn")}</li> : null}
            {point.byAppointment ? <li>{t("point.byAppointment")}</li> : null}
          </ul>
          {loaderData.takesAppointments ? (
            <p>
              <Link to={`${publicHref(ctx, "/afspraak")}?punt=${point.id}`} className="button">
                {t("appointments.makeAppointment")}
              </Link>
            </p>
          ) : null}
          <table className="hours-table">
            <caption className="visually-hidden">{t("point.hoursThisWeek")}</caption>
            <tbody>
              {point.week.map((day) => (
                <tr key={day.date} className={day.date === today ? "today" : undefined}>
                  <th scope="row">
                    {formatDay(day.date, lang)}
                    {day.date === today ? <span className="muted"> ({t("point.today")})</span> : null}
                  </th>
                  <td>
                    {day.intervals.length > 0
                      ? day.intervals.map((i) => t("point.interval", { from: formatTime(i.opens, lang), to: formatTime(i.closes, lang) })).join(", ")
                      : day.closedReason
                        ? t("point.closedBecause", { reason: day.closedReason })
                        : t("point.closed")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {point.nextDates.length > 0 ? (
            <>
              <h3>{t("point.nextDates")}</h3>
              <ul>
                {point.nextDates.map((d) => (
                  <li key={d.date}>
                    {formatDay(d.date, lang)}: {d.intervals.map((i) => t("point.interval", { from: formatTime(i.opens, lang), to: formatTime(i.closes, lang) })).join(", ")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      {point.topics.length > 0 ? (
        <section aria-labelledby="topics">
          <h2 id="topics">{t("point.topics")}</h2>
          <ul className="topic-list">
            {point.topics.map((topic) => (
              <li key={topic.code}>
                <Icon name={topic.icon} size={20} /> {topic.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {point.services.length > 0 ? (
        <section aria-labelledby="services">
          <h2 id="services">{t("point.services")}</h2>
          <ul className="service-list">
            {point.services.map((service) => (
              <li key={service.id}>
                <strong>{service.name}</strong>
                {service.free ? <span className="badge-inline">{t("point.free")}</span> : null}
                {service.description ? <p>{service.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="point-grid">
        <section aria-labelledby="languages">
          <h2 id="languages">
            <Icon name="languages" /> {t("point.languages")}
          </h2>
          <ul className="inline-list">
            {point.languages.map((code) => (
              <li key={code} lang={code}>
                {SPOKEN_LANGUAGE_NAMES[code] ?? code}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="access">
          <h2 id="access">
            <Icon name="access" /> {t("point.accessibility")}
          </h2>
          <p>{point.wheelchairAccessible ? t("point.wheelchair") : t("point.notWheelchair")}</p>
          {point.accessibilityNotes ? <p>{point.accessibilityNotes}</p> : null}
        </section>
        <section aria-labelledby="equipment">
          <h2 id="equipment">
            <Icon name="computer" /> {t("point.equipment")}
          </h2>
          {point.equipment.length > 0 ? (
            <ul className="topic-list">
              {EQUIPMENT.filter((e) => point.equipment.includes(e)).map((e) => (
                <li key={e}>
                  <Icon name={EQUIPMENT_ICON[e]} size={20} /> {t(`equipment.${e}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("point.noEquipment")}</p>
          )}
        </section>
      </div>

      <p className="last-checked">
        {point.lastCheckedAt ? t("point.lastChecked", { date: formatDate(new Date(point.lastCheckedAt), lang) }) : t("point.neverChecked")}
      </p>
      <p className="no-print">
        <button type="button" className="button button-secondary" data-print hidden>
          <Icon name="printer" /> {t("point.print")}
        </button>
      </p>
      <script src="/enhance.js" defer></script>
    </article>
  );
}
