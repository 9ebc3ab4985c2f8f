import { useTranslation } from "react-i18next";
import { formatDay, formatTime } from "~/i18n/format";
import type { Language } from "~/i18n/languages";
import type { OpenStatus } from "~/modules/finder/opening-hours";

export function OpenStatusText({ status, lang, today }: { status: OpenStatus; lang: Language; today: string }) {
  const { t } = useTranslation();
  if (status.openNow) {
    return <span className="status status-open">{t("point.openNow", { time: formatTime(status.closesAt!, lang) })}</span>;
  }
  if (!status.nextOpening) return <span className="status status-closed">{t("point.closedNoDate")}</span>;
  const when =
    status.nextOpening.date === today ? t("point.today") : formatDay(status.nextOpening.date, lang);
  return (
    <span className="status status-closed">
      {t("point.closedOpens", { day: when, time: formatTime(status.nextOpening.time, lang) })}
    </span>
  );
}
