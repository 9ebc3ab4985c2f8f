import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";

/** Until the course catalogue exists, learning happens at the help points: say so honestly and lead there. */
export default function Learn() {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <div className="narrow">
      <title>{`${t("learn.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{t("learn.title")}</h1>
      <p className="lead">{t("learn.intro")}</p>
      <ul className="pillars">
        <li>
          <Link className="pillar" to={`${publicHref(ctx, "/hulp")}?topic=smartphone-basics`}>
            <span className="pillar-title">{t("learn.smartphone")}</span>
          </Link>
        </li>
        <li>
          <Link className="pillar" to={`${publicHref(ctx, "/hulp")}?topic=computer-basics`}>
            <span className="pillar-title">{t("learn.computer")}</span>
          </Link>
        </li>
        <li>
          <Link className="pillar" to={`${publicHref(ctx, "/hulp")}?topic=online-safety`}>
            <span className="pillar-title">{t("learn.safety")}</span>
          </Link>
        </li>
      </ul>
      <p>{t("learn.call", { phone: ctx.municipality.phone })}</p>
    </div>
  );
}
