import { redirect, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage } from "~/i18n/languages";
import { readCookie } from "~/modules/auth/session.server";
import { LANGUAGE_COOKIE } from "~/modules/municipality/public-context";
import { findMunicipality } from "~/modules/municipality/municipality.server";

/** /antwerpen → /antwerpen/nl, or the language the person chose before. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await findMunicipality(getDb(), params.municipality ?? "");
  if (!municipality) throw new Response("Not found", { status: 404 });
  const remembered = readCookie(request, LANGUAGE_COOKIE);
  const lang = isLanguage(remembered) && municipality.languages.includes(remembered) ? remembered : municipality.defaultLanguage;
  throw redirect(`/${municipality.slug}/${lang}`);
}
