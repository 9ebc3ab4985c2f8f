import { useTranslation } from "react-i18next";
import { Link, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { listTopics } from "~/modules/municipality/municipality.server";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { Icon } from "~/ui/icons";

export async function loader({ params }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const topics = await listTopics(getDb(), municipality.id);
  return { topics: topics.map((t) => ({ code: t.code, icon: t.icon, name: translated(t.name, lang) })) };
}

export default function Home({ loaderData }: { loaderData: Awaited<ReturnType<typeof loader>> }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const pillars = [
    { path: "/hulp", icon: "help", title: t("home.getHelp"), text: t("home.getHelpText") },
    { path: "/leren", icon: "learn", title: t("home.learn"), text: t("home.learnText") },
    { path: "/lenen", icon: "laptop", title: t("home.borrow"), text: t("home.borrowText") },
    { path: "/internet", icon: "wifi", title: t("home.internet"), text: t("home.internetText") },
  ];
  return (
    <>
      <title>{`${t("home.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro", { city: ctx.municipality.name })}</p>

      <ul className="pillars">
        {pillars.map((p) => (
          <li key={p.path}>
            <Link to={publicHref(ctx, p.path)} className="pillar">
              <Icon name={p.icon} size={36} />
              <span>
                <span className="pillar-title">{p.title}</span>
                <span className="pillar-text">{p.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>

      <section aria-labelledby="other-ways">
        <h2 id="other-ways">{t("home.otherWays")}</h2>
        <ul className="pillars">
          <li>
            <Link to={publicHref(ctx, "/afspraak")} className="pillar">
              <Icon name="calendar" size={36} />
              <span>
                <span className="pillar-title">{t("home.appointment")}</span>
                <span className="pillar-text">{t("home.appointmentText")}</span>
              </span>
            </Link>
          </li>
          <li>
            <Link to={publicHref(ctx, "/hulp-aan-huis")} className="pillar">
              <Icon name="house" size={36} />
              <span>
                <span className="pillar-title">{t("home.homeVisit")}</span>
                <span className="pillar-text">{t("home.homeVisitText")}</span>
              </span>
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="quick-search">
        <h2 id="quick-search">{t("home.nearYou")}</h2>
        <form method="get" action={publicHref(ctx, "/hulp")} className="inline-form">
          <div className="field">
            <label htmlFor="home-postcode">{t("finder.postcode")}</label>
            <p className="hint" id="home-postcode-hint">
              {t("finder.postcodeHint")}
            </p>
            <input id="home-postcode" name="postcode" inputMode="numeric" autoComplete="postal-code" maxLength={4} className="input-short" aria-describedby="home-postcode-hint" />
          </div>
          <button type="submit" className="button">
            {t("finder.search")}
          </button>
        </form>
      </section>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t("home.topicsTitle")}</h2>
        <ul className="topic-grid">
          {loaderData.topics.map((topic) => (
            <li key={topic.code}>
              <Link to={`${publicHref(ctx, "/hulp")}?topic=${topic.code}`} className="topic-link">
                <Icon name={topic.icon} />
                <span>{topic.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
