import { I18nextProvider, useTranslation } from "react-i18next";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "react-router";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, direction, isLanguage, type Language } from "~/i18n/languages";
import stylesheet from "~/ui/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function loader({ params, context }: LoaderFunctionArgs) {
  const lang: Language = isLanguage(params.lang) ? params.lang : DEFAULT_LANGUAGE;
  return { lang, nonce: context.cspNonce };
}

export interface RouteHandle {
  /** Public pages are plain server-rendered HTML: no React bundle on a cheap phone. */
  hydrate?: boolean;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? DEFAULT_LANGUAGE;
  const matches = useMatches();
  const hydrate = !matches.some((m) => (m.handle as RouteHandle | undefined)?.hydrate === false);
  return (
    <html lang={lang} dir={direction(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18nFor(lang)}>{children}</I18nextProvider>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={data?.nonce} />
            <Scripts nonce={data?.nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status !== 404) console.error(error);
  return (
    <main id="main" className="container narrow">
      <title>{status === 404 ? t("error.notFoundTitle") : t("error.title")}</title>
      <h1>{status === 404 ? t("error.notFoundTitle") : t("error.title")}</h1>
      <p>{status === 404 ? t("error.notFoundText") : t("error.text")}</p>
      <p>
        <a href="/">{t("error.home")}</a>
      </p>
    </main>
  );
}
