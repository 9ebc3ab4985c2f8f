import type { Params } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage, type Language } from "~/i18n/languages";
import { findMunicipality, type Municipality } from "./municipality.server";

/** The municipality and language of a public page, or a 404 for an unknown one. */
export async function requirePublicMunicipality(params: Params): Promise<{ municipality: Municipality; lang: Language }> {
  const municipality = await findMunicipality(getDb(), params.municipality ?? "");
  const lang = params.lang;
  if (!municipality || !isLanguage(lang) || !municipality.languages.includes(lang)) {
    throw new Response("Not found", { status: 404, statusText: "Not found" });
  }
  return { municipality, lang };
}
