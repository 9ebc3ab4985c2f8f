import { useTranslation } from "react-i18next";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { formatClock, formatLongDate } from "~/modules/learning/registration-format";
import { getWorkshopRequestByToken } from "~/modules/learning/workshops.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import styles from "~/ui/course-run.css?url";
import type { Route } from "./+types/school-request-status";
import { PhoneSentence } from "~/ui/phone-link";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const request = await getWorkshopRequestByToken(getDb(), municipality.id, params.token ?? "");
  if (!request) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return {
    status: request.status,
    school: request.schoolName,
    topic: request.topicName ? translated(request.topicName, lang) : null,
    grade: request.grade,
    pupils: request.pupils,
    preferredDates: request.preferredDates,
    note: request.note,
    needsDevices: request.needsDevices,
    received: formatLongDate(request.createdAt, lang),
    declineReason: request.status === "declined" ? request.declineReason : null,
    planned:
      request.status === "planned" && request.planned
        ? {
            course: translated(request.planned.courseTitle, lang),
            date: formatLongDate(request.planned.startsAt, lang),
            from: formatClock(request.planned.startsAt, lang),
            to: formatClock(request.planned.endsAt, lang),
            venue: request.planned.venue ?? request.schoolName,
          }
        : null,
  };
}

export default function SchoolRequestStatus({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const r = loaderData;
  const title = t("courseRun.school.statusTitle");
  const phone = ctx.municipality.phone;
  return (
    <div className="narrow">
      <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      <p className="lead">{r.school}</p>

      <div className={`status-panel is-${r.status}`}>
        {r.status === "new" ? <p>{t("courseRun.school.statusNew")}</p> : null}
        {r.status === "planned" ? (
          <>
            <p>
              <strong>{t("courseRun.school.statusPlanned")}</strong>
            </p>
            {r.planned ? (
              <dl className="summary-list">
                <dt>{t("courseRun.school.plannedCourse")}</dt>
                <dd>{r.planned.course}</dd>
                <dt>{t("courseRun.school.plannedWhen")}</dt>
                <dd>{t("courseRun.school.whenValue", { date: r.planned.date, from: r.planned.from, to: r.planned.to })}</dd>
                <dt>{t("courseRun.school.plannedWhere")}</dt>
                <dd>{r.planned.venue}</dd>
              </dl>
            ) : null}
          </>
        ) : null}
        {r.status === "declined" ? (
          <>
            <p>
              <strong>{t("courseRun.school.statusDeclined")}</strong>
            </p>
            {r.declineReason ? (
              <p>
                {t("courseRun.school.reason")} {r.declineReason}
              </p>
            ) : null}
          </>
        ) : null}
      </div>

      <h2>{t("courseRun.school.yourRequest")}</h2>
      <dl className="summary-list">
        <dt>{t("courseRun.school.topic")}</dt>
        <dd>{r.topic ?? t("courseRun.school.topicOtherShort")}</dd>
        <dt>{t("courseRun.school.grade")}</dt>
        <dd>{t(`courseRun.school.grades.${r.grade}`, { defaultValue: r.grade })}</dd>
        <dt>{t("courseRun.school.pupils")}</dt>
        <dd>{r.pupils}</dd>
        <dt>{t("courseRun.school.dates")}</dt>
        <dd>{r.preferredDates}</dd>
        <dt>{t("courseRun.school.devicesNeeded")}</dt>
        <dd>{r.needsDevices ? t("courseRun.school.yes") : t("courseRun.school.no")}</dd>
        {r.note ? (
          <>
            <dt>{t("courseRun.school.noteShort")}</dt>
            <dd>{r.note}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t("courseRun.school.received", { date: r.received })}</p>
      <p>{t("courseRun.school.keepLink")}</p>
      <p>
        <PhoneSentence textKey="courseRun.school.questions" phone={phone} />
      </p>
    </div>
  );
}
