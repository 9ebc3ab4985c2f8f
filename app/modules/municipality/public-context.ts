import { useRouteLoaderData } from "react-router";
import type { Language } from "~/i18n/languages";

/** What every public page knows about its municipality, loaded once by the public layout. */
export interface PublicContext {
  lang: Language;
  /** scheme://host of this request, for absolute links such as hreflang alternates. */
  origin: string;
  municipality: {
    slug: string;
    name: string;
    phone: string;
    phoneHours: string;
    languages: string[];
    isDemo: boolean;
  };
}

export function usePublicContext(): PublicContext {
  const data = useRouteLoaderData("routes/public/layout") as PublicContext | undefined;
  if (!data) throw new Error("usePublicContext used outside the public layout");
  return data;
}

/** A link inside the public site, in the current language. */
export function publicHref(ctx: Pick<PublicContext, "lang" | "municipality">, path = "", lang: string = ctx.lang): string {
  return `/${ctx.municipality.slug}/${lang}${path}`;
}

export const LANGUAGE_COOKIE = "digibrug_lang";
