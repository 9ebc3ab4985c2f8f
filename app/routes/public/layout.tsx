import { useTranslation } from "react-i18next";
import { data, Link, Outlet, useLocation, type HeadersFunction, type LoaderFunctionArgs } from "react-router";
import { isLanguage, LANGUAGE_NAMES, translated } from "~/i18n/languages";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { LANGUAGE_COOKIE, publicHref, type PublicContext } from "~/modules/municipality/public-context";
import type { RouteHandle } from "~/root";
import { Icon } from "~/ui/icons";
import { telHref } from "~/ui/phone-link";

export const handle: RouteHandle = { hydrate: false };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const context: PublicContext = {
    lang,
    origin: new URL(request.url).origin,
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      phone: municipality.phone,
      phoneHours: translated(municipality.phoneHours, lang),
      languages: municipality.languages,
      isDemo: municipality.isDemo,
    },
  };
  // Remember the language for the next visit to /{municipality}.
  return data(context, { headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function PublicLayout({ loaderData }: { loaderData: PublicContext }) {
  const { t } = useTranslation();
  const ctx = loaderData;
  const { municipality, lang } = ctx;
  const location = useLocation();
  // The same page in another language: swap the language segment, keep the rest of the address.
  const rest = location.pathname.split("/").slice(3).join("/");
  const inLanguage = (other: string) => `${publicHref(ctx, rest ? `/${rest}` : "", other)}${location.search}`;
  return (
    <>
      {municipality.languages.map((other) => (
        <link key={other} rel="alternate" hrefLang={other} href={`${ctx.origin}${inLanguage(other)}`} />
      ))}
      <a className="skip-link" href="#main">
        {t("layout.skip")}
      </a>
      {municipality.isDemo ? <p className="demo-banner">{t("layout.demo")}</p> : null}
      <header className="site-header">
        <div className="container header-row">
          <Link to={publicHref(ctx)} className="brand">
            <span className="brand-name">Digibrug</span> <span className="brand-city">{municipality.name}</span>
          </Link>
          <nav aria-label={t("layout.languages")} className="language-nav">
            <ul>
              {municipality.languages.filter(isLanguage).map((other) => (
                <li key={other}>
                  <a href={inLanguage(other)} hrefLang={other} lang={other} aria-current={other === lang ? "true" : undefined}>
                    {LANGUAGE_NAMES[other]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="call-us">
            <Icon name="call" />
            <span>
              {t("layout.callUs")}{" "}
              <a href={telHref(municipality.phone)} className="phone-link">
                <bdi dir="ltr">{municipality.phone}</bdi>
              </a>
              {municipality.phoneHours ? <span className="muted"> — {municipality.phoneHours}</span> : null}
            </span>
          </p>
          <ul className="footer-links">
            <li>
              <Link to={publicHref(ctx)}>{t("layout.home")}</Link>
            </li>
            <li>
              <Link to={publicHref(ctx, "/hulp")}>{t("home.getHelp")}</Link>
            </li>
            <li>
              <a href={`/api/hsds/${municipality.slug}/`}>{t("layout.openData")}</a>
            </li>
            <li>
              <a href="/beheer">{t("layout.staff")}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
