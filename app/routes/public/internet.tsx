import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";

/** The social internet offer explained in plain words, with where to get help applying. */
export default function Internet() {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <div className="narrow">
      <title>{`${t("internet.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{t("internet.title")}</h1>
      <p className="lead">{t("internet.intro")}</p>
      <h2>{t("internet.whatTitle")}</h2>
      <ul>
        <li>{t("internet.what1")}</li>
        <li>{t("internet.what2")}</li>
        <li>{t("internet.what3")}</li>
      </ul>
      <h2>{t("internet.whoTitle")}</h2>
      <p>{t("internet.whoIntro")}</p>
      <ul>
        <li>{t("internet.who1")}</li>
        <li>{t("internet.who2")}</li>
        <li>{t("internet.who3")}</li>
        <li>{t("internet.who4")}</li>
        <li>{t("internet.who5")}</li>
      </ul>
      <h2>{t("internet.howTitle")}</h2>
      <ol>
        <li>{t("internet.how1")}</li>
        <li>{t("internet.how2")}</li>
        <li>{t("internet.how3")}</li>
      </ol>
      <p className="notice">
        {t("internet.help")} <Link to={`${publicHref(ctx, "/hulp")}?topic=internet-subscription`}>{t("internet.helpLink")}</Link>
      </p>
      <p className="muted">{t("internet.source")}</p>
    </div>
  );
}
