import { redirect, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage } from "~/i18n/languages";
import { readCookie } from "~/modules/auth/session.server";
import { LANGUAGE_COOKIE } from "~/modules/municipality/public-context";
import { findMunicipality } from "~/modules/municipality/municipality.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { hydrate: false };

/** /antwerpen → /antwerpen/nl, or the language the person chose before. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await findMunicipality(getDb(), params.municipality ?? "");
  if (!municipality) throw new Response("Not found", { status: 404 });
  const remembered = readCookie(request, LANGUAGE_COOKIE);
  const lang = isLanguage(remembered) && municipality.languages.includes(remembered) ? remembered : municipality.defaultLanguage;
  throw redirect(`/${municipality.slug}/${lang}`);
}

/** Never rendered: the loader always redirects or throws. Having a component makes an unknown municipality
 * show the site's 404 page (root ErrorBoundary) instead of a bare "Not found" text response. */
export default function Municipality() {
  return null;
}
