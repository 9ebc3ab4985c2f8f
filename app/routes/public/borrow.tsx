import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { CallUs } from "~/ui/call-us";

/** Borrowing a device starts at a help point with a digihelper; this page explains how. */
export default function Borrow() {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <div className="narrow">
      <title>{`${t("borrow.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{t("borrow.title")}</h1>
      <p className="lead">{t("borrow.intro")}</p>
      <h2>{t("borrow.howTitle")}</h2>
      <ol>
        <li>{t("borrow.how1")}</li>
        <li>{t("borrow.how2")}</li>
        <li>{t("borrow.how3")}</li>
        <li>{t("borrow.how4")}</li>
      </ol>
      <h2>{t("borrow.bringTitle")}</h2>
      <ul>
        <li>{t("borrow.bring1")}</li>
        <li>{t("borrow.bring2")}</li>
        <li>{t("borrow.bring3")}</li>
      </ul>
      <p>
        <Link className="button" to={publicHref(ctx, "/hulp")}>
          {t("borrow.findPoint")}
        </Link>
      </p>
      {/* The number as a link that stays whole and left to right in Arabic (plain text broke across lines). */}
      <CallUs textKey="borrow.callUs" />
      {/* Device bank (issue 5): companies donate devices */}
      <h2>{t("donation.borrowPage.title")}</h2>
      <p>
        {t("donation.borrowPage.text")} <Link to={publicHref(ctx, "/lenen/schenken")}>{t("donation.borrowPage.link")}</Link>
      </p>
    </div>
  );
}
