import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { freeSlots, listBookableTopics, listBookableTypes, loadTypeContext } from "~/modules/appointments/appointments.server";
import { lastBookableDate } from "~/modules/appointments/slots";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { formatClock, formatLongDate } from "~/modules/learning/registration-format";
import { isUuid } from "~/modules/offer/help-points.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { CallUs } from "~/ui/call-us";
import { Icon } from "~/ui/icons";
import type { Route } from "./+types/appointment-start";

const WEEK = 7;
const isDate = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));

/**
 * Booking in plain GET steps (works without JavaScript): 1. what do you need help with, 2. where, 3. which time.
 * A help point's page links straight to step 2 for that point (?punt=…).
 */
export async function loader({ params, request }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const db = getDb();
  const url = new URL(request.url);
  const typeId = url.searchParams.get("type");
  const pointId = url.searchParams.get("punt");
  const topic = url.searchParams.get("onderwerp");
  const now = new Date();

  if (typeId) {
    const ctx = await loadTypeContext(db, typeId, now);
    if (!ctx || ctx.municipalityId !== municipality.id || !ctx.active || !ctx.pointActive) throw new Response("Not found", { status: 404, statusText: "Not found" });
    const today = brusselsDate(now);
    const last = lastBookableDate(ctx.rules, now);
    const requested = url.searchParams.get("vanaf");
    const from = isDate(requested) && requested > today && requested <= last ? requested : today;
    const slots = await freeSlots(db, ctx, now, { from, days: WEEK });
    const days = new Map<string, { date: string; label: string; times: { startsAt: string; label: string; free: number }[] }>();
    for (const s of slots) {
      const day = days.get(s.date) ?? { date: s.date, label: formatLongDate(s.startsAt, lang), times: [] };
      day.times.push({ startsAt: s.startsAt.toISOString(), label: formatClock(s.startsAt, lang), free: s.free });
      days.set(s.date, day);
    }
    const next = addDaysTo(from, WEEK);
    const previous = from > today ? addDaysTo(from, -WEEK) : null;
    return {
      step: "time" as const,
      type: {
        id: ctx.id,
        name: translated(ctx.name, lang),
        duration: ctx.rules.durationMinutes,
        pointId: ctx.helpPointId,
        pointName: ctx.pointName,
        pointAddress: ctx.pointAddress,
        pointPhone: ctx.pointPhone,
      },
      from: formatLongDate(`${from}T12:00:00Z`, lang),
      to: formatLongDate(`${addDaysTo(from, WEEK - 1)}T12:00:00Z`, lang),
      days: [...days.values()],
      next: next <= last ? next : null,
      previous: previous && previous < today ? today : previous,
    };
  }

  if (pointId || topic) {
    const filter = pointId && isUuid(pointId) ? { helpPointId: pointId } : topic === "overig" ? { topicId: null } : topic && isUuid(topic) ? { topicId: topic } : null;
    const types = filter ? await listBookableTypes(db, municipality.id, filter) : [];
    return {
      step: "place" as const,
      byPoint: Boolean(pointId),
      types: types.map((t) => ({ id: t.id, name: translated(t.name, lang), duration: t.durationMinutes, pointId: t.helpPointId, pointName: t.pointName, pointAddress: t.pointAddress })),
    };
  }

  const { topics, other } = await listBookableTopics(db, municipality.id);
  return { step: "topic" as const, topics: topics.map((t) => ({ id: t.id, icon: t.icon, name: translated(t.name, lang) })), other };
}

export default function AppointmentStart({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const start = publicHref(ctx, "/afspraak");
  const data = loaderData;

  if (data.step === "time") {
    const title = t("appointments.time.title");
    const here = `${start}?type=${data.type.id}`;
    return (
      <div className="narrow">
        <title>{`${title} — ${data.type.name} — Digibrug ${ctx.municipality.name}`}</title>
        <p className="no-print">
          <Link to={`${start}?punt=${data.type.pointId}`}>{t("appointments.back")}</Link>
        </p>
        <p className="step">{t("appointments.stepOf", { step: 3, total: 4 })}</p>
        <h1>{title}</h1>
        <dl className="facts">
          <div>
            <dt>{t("appointments.what")}</dt>
            <dd>
              {data.type.name} ({t("appointments.duration", { minutes: data.type.duration })})
            </dd>
          </div>
          <div>
            <dt>{t("appointments.where")}</dt>
            <dd>
              <Link to={publicHref(ctx, `/punt/${data.type.pointId}`)}>{data.type.pointName}</Link>
              <br />
              {data.type.pointAddress}
            </dd>
          </div>
        </dl>
        <h2>{t("appointments.time.week", { from: data.from, to: data.to })}</h2>
        {data.days.length === 0 ? (
          <p className="notice">{t("appointments.time.none")}</p>
        ) : (
          data.days.map((day) => (
            <section key={day.date} aria-labelledby={`day-${day.date}`}>
              <h3 id={`day-${day.date}`}>{day.label}</h3>
              <ul className="time-list">
                {day.times.map((time) => (
                  <li key={time.startsAt}>
                    <Link
                      to={`${publicHref(ctx, "/afspraak/boeken")}?type=${data.type.id}&tijd=${encodeURIComponent(time.startsAt)}`}
                      className="time-link"
                      aria-label={t("appointments.time.choose", { day: day.label, time: time.label })}
                    >
                      <bdi dir="ltr">{time.label}</bdi>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
        <p className="actions no-print">
          {data.previous ? (
            <Link to={`${here}&vanaf=${data.previous}`} className="button button-secondary">
              {t("appointments.time.earlier")}
            </Link>
          ) : null}
          {data.next ? (
            <Link to={`${here}&vanaf=${data.next}`} className="button button-secondary">
              {t("appointments.time.later")}
            </Link>
          ) : null}
        </p>
        <CallUs textKey="appointments.callUs" />
      </div>
    );
  }

  if (data.step === "place") {
    const title = data.byPoint ? t("appointments.place.titlePoint") : t("appointments.place.title");
    return (
      <div className="narrow">
        <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
        <p className="no-print">
          <Link to={start}>{t("appointments.back")}</Link>
        </p>
        <p className="step">{t("appointments.stepOf", { step: 2, total: 4 })}</p>
        <h1>{title}</h1>
        {data.types.length === 0 ? (
          <>
            <p className="notice">{t("appointments.place.none")}</p>
            <p>
              <Link to={publicHref(ctx, "/hulp")}>{t("appointments.place.finder")}</Link>
            </p>
          </>
        ) : (
          <ul className="results">
            {data.types.map((type) => (
              <li key={type.id} className="result">
                <h2 className="result-title">
                  <Link to={`${start}?type=${type.id}`}>
                    {type.pointName}: {type.name}
                  </Link>
                </h2>
                <p>
                  <Icon name="pin" size={20} /> {type.pointAddress}
                </p>
                <p>
                  <Icon name="clock" size={20} /> {t("appointments.duration", { minutes: type.duration })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={publicHref(ctx, "/hulp?access=appointment")}>{t("appointments.place.finder")}</Link>
        </p>
        <CallUs textKey="appointments.callUs" />
      </div>
    );
  }

  const title = t("appointments.topic.title");
  return (
    <div className="narrow">
      <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
      <p className="step">{t("appointments.stepOf", { step: 1, total: 4 })}</p>
      <h1>{title}</h1>
      <p className="lead">{t("appointments.topic.intro")}</p>
      {data.topics.length === 0 && !data.other ? (
        <p className="notice">{t("appointments.place.none")}</p>
      ) : (
        <ul className="topic-grid">
          {data.topics.map((topic) => (
            <li key={topic.id}>
              <Link to={`${start}?onderwerp=${topic.id}`} className="topic-link">
                <Icon name={topic.icon} />
                <span>{topic.name}</span>
              </Link>
            </li>
          ))}
          {data.other ? (
            <li>
              <Link to={`${start}?onderwerp=overig`} className="topic-link">
                <Icon name="help" />
                <span>{t("appointments.topic.other")}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      )}
      <p>
        <Link to={publicHref(ctx, "/afspraak/zoeken")}>{t("appointments.topic.haveOne")}</Link>
      </p>
      <CallUs textKey="appointments.callUs" />
    </div>
  );
}
