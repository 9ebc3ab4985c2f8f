import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { KIND_LABELS_NL } from "~/modules/devices/donation-schema";
import { deviceLabels } from "~/modules/devices/labels.server";
import { isUuid } from "~/modules/offer/help-points.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { AssetLabels } from "~/ui/asset-labels";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/device-label";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const id = params.deviceId ?? "";
  const labels = isUuid(id) ? await deviceLabels(getDb(), municipality, [id], appBaseUrl(request)) : [];
  if (labels.length === 0) throw new Response("Toestel niet gevonden", { status: 404 });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    labels: labels.map((l) => ({ id: l.id, assetTag: l.assetTag, description: [KIND_LABELS_NL[l.kind], l.make, l.model].filter(Boolean).join(" "), svg: l.svg })),
  };
}

export default function DeviceLabel({ loaderData }: Route.ComponentProps) {
  const { municipality, labels } = loaderData;
  const [label] = labels;
  return (
    <>
      <title>{`Etiket ${label.assetTag} — ${municipality.name} — Digibrug beheer`}</title>
      <div className="label-intro no-print">
        <p>
          <Link to={`/beheer/${municipality.slug}/toestellen/${label.id}`}>Terug naar het toestel</Link>
        </p>
        <h1>Etiket voor {label.assetTag}</h1>
        <p>Druk deze pagina af (Ctrl+P) en kleef het etiket op het toestel. De QR-code opent de pagina van het toestel in het beheer.</p>
      </div>
      <AssetLabels labels={labels} municipalityName={municipality.name} />
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
