import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { getDb } from "~/db/client.server";
import { formatDate } from "~/i18n/format";
import { impactByToken } from "~/modules/devices/donations.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import type { RouteHandle } from "~/root";
import type { Route } from "./+types/donation-impact";
import { PhoneSentence } from "~/ui/phone-link";

export const handle: RouteHandle = { hydrate: false };

export async function loader({ params }: Route.LoaderArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const impact = await impactByToken(getDb(), municipality.id, params.token ?? "");
  if (!impact) throw new Response("Not found", { status: 404, statusText: "Not found" });
  // Counts only: nothing here identifies a device or a resident.
  return {
    donor: impact.donorName,
    status: impact.status,
    pledged: impact.pledged,
    receivedOn: impact.receivedAt ? formatDate(impact.receivedAt, lang) : null,
    counts: impact.counts,
  };
}

/** Never indexed, never sent on as a referrer: the address is the key. */
export const headers: Route.HeadersFunction = ({ parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.set("X-Robots-Tag", "noindex");
  headers.set("Referrer-Policy", "no-referrer");
  return headers;
};

const ROWS = ["received", "wiped", "ready", "lentOut", "onLoanNow", "gifted", "inRepair", "retired"] as const;

export default function DonationImpact({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const [search] = useSearchParams();
  const { donor, status, pledged, receivedOn, counts } = loaderData;
  const title = t("donation.impact.title", { municipality: ctx.municipality.name });
  const phone = ctx.municipality.phone;
  return (
    <div className="narrow">
      <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      {search.get("nieuw") ? (
        <div className="success" role="status">
          <p>{t("donation.impact.thanks")}</p>
        </div>
      ) : null}
      <p className="lead">{t("donation.impact.from", { donor })}</p>
      <dl className="facts">
        <div>
          <dt>{t("donation.impact.status")}</dt>
          <dd>
            {t("donation.impact.pledged", { count: pledged })}{" "}
            {status === "received" && receivedOn
              ? t("donation.impact.statusReceived", { date: receivedOn })
              : status === "cancelled"
                ? t("donation.impact.statusCancelled")
                : t("donation.impact.statusPledged")}
          </dd>
        </div>
      </dl>
      {status !== "cancelled" ? (
        <section aria-labelledby="numbers-title">
          <h2 id="numbers-title">{t("donation.impact.numbersTitle")}</h2>
          <dl className="facts">
            {ROWS.map((key) => (
              <div key={key}>
                <dt>{t(`donation.impact.${key}`)}</dt>
                <dd>{counts[key]}</dd>
              </div>
            ))}
          </dl>
          <p>{t("donation.impact.privacy")}</p>
        </section>
      ) : null}
      <p className="hint">{t("donation.impact.keepLink")}</p>
      <p>
        <PhoneSentence textKey="donation.impact.questions" phone={phone} />
      </p>
    </div>
  );
}
