import { useTranslation } from "react-i18next";
import { getDb } from "~/db/client.server";
import { normaliseCode } from "~/modules/shared/codes";
import { homeVisitCodeExists } from "~/modules/home-visits/home-visits.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import type { Route } from "./+types/home-visit-received";
import { PhoneSentence } from "~/ui/phone-link";

/** The confirmation after a request: only the code and the phone number, never the personal data. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const { municipality } = await requirePublicMunicipality(params);
  const code = normaliseCode(new URL(request.url).searchParams.get("code") ?? "");
  const known = code ? await homeVisitCodeExists(getDb(), municipality.id, code) : false;
  return { code: known ? code : null };
}

export default function HomeVisitReceived({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const phone = ctx.municipality.phone;
  const withPhone = (key: string) => <PhoneSentence textKey={key} phone={phone} />;
  if (!loaderData.code) {
    return (
      <div className="narrow">
        <title>{`${t("homeVisit.title")} — Digibrug ${ctx.municipality.name}`}</title>
        <h1>{t("homeVisit.title")}</h1>
        <p>{withPhone("homeVisit.done.notFound")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <title>{`${t("homeVisit.done.title")} — Digibrug ${ctx.municipality.name}`}</title>
      <div className="success">
        <h1>{t("homeVisit.done.title")}</h1>
      </div>
      <div className="code-box">
        <p>{t("homeVisit.done.code")}</p>
        <p className="registration-code">
          <bdi dir="ltr">{loaderData.code}</bdi>
        </p>
        <p className="hint">{t("homeVisit.done.codeHint")}</p>
      </div>
      <p>{t("homeVisit.done.next")}</p>
      <p>{withPhone("homeVisit.done.callUs")}</p>
      <p>
        <a href={publicHref(ctx)}>{t("homeVisit.done.back")}</a>
      </p>
    </div>
  );
}
