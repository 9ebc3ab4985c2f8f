import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { CallUs } from "./call-us";

/**
 * The error page of a secret-link page (a registration, an appointment): an unknown or mistyped link is a 404
 * that points to finding it by its code; anything else is the general error text. Texts come from
 * `<prefix>.title|text|find`.
 */
export function LinkGoneBoundary({ prefix, findPath, callUsKey }: { prefix: string; findPath: string; callUsKey: string }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  const title = notFound ? t(`${prefix}.title`) : t("error.title");
  return (
    <div className="narrow">
      <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      <p>{notFound ? t(`${prefix}.text`) : t("error.text")}</p>
      <p>
        <Link to={publicHref(ctx, findPath)} className="button">
          {t(`${prefix}.find`)}
        </Link>
      </p>
      <CallUs textKey={callUsKey} />
    </div>
  );
}
