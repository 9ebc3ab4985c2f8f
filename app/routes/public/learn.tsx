import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { CallUs } from "~/ui/call-us";
import { Icon } from "~/ui/icons";

/** Learning: first the course catalogue, then help at a help point at your own pace. */
export default function Learn() {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <div className="narrow">
      <title>{`${t("learn.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{t("learn.title")}</h1>
      <ul className="pillars">
        <li>
          <Link className="pillar" to={publicHref(ctx, "/cursussen")}>
            <Icon name="learn" size={36} />
            <span>
              <span className="pillar-title">{t("courses.learnCatalogueTitle")}</span>
              <span className="pillar-text">{t("courses.learnCatalogueText")}</span>
            </span>
          </Link>
        </li>
      </ul>
      <h2>{t("courses.learnHelpTitle")}</h2>
      <p>{t("courses.learnHelpText")}</p>
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
      <h2>{t("learn.schoolsTitle")}</h2>
      <p>
        <Link to={publicHref(ctx, "/scholen")}>{t("courseRun.school.title")}</Link>
      </p>
      <CallUs textKey="learn.callUs" />
    </div>
  );
}
