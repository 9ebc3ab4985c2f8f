import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { KIND_LABELS_NL } from "~/modules/devices/donation-schema";
import { getDonation } from "~/modules/devices/donations.server";
import { deviceLabels, donationDeviceIds } from "~/modules/devices/labels.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { AssetLabels } from "~/ui/asset-labels";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/donation-labels";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const db = getDb();
  const donation = await getDonation(db, municipality.id, params.donationId ?? "");
  if (!donation) throw new Response("Schenking niet gevonden", { status: 404 });
  const labels = await deviceLabels(db, municipality, await donationDeviceIds(db, donation.id), appBaseUrl(request));
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    donation: { id: donation.id, donor: donation.donorName },
    labels: labels.map((l) => ({ id: l.id, assetTag: l.assetTag, description: [KIND_LABELS_NL[l.kind], l.make, l.model].filter(Boolean).join(" "), svg: l.svg })),
  };
}

export default function DonationLabels({ loaderData }: Route.ComponentProps) {
  const { municipality, donation, labels } = loaderData;
  const heading = `Etiketten voor de schenking van ${donation.donor}`;
  return (
    <>
      <title>{`${heading} — ${municipality.name} — Digibrug beheer`}</title>
      <div className="label-intro no-print">
        <p>
          <Link to={`/beheer/${municipality.slug}/schenkingen/${donation.id}`}>Terug naar de schenking</Link>
        </p>
        <h1>{heading}</h1>
        <p>
          {labels.length} etiketten. Druk af op A4-etikettenpapier met 3 × 8 etiketten van 70 × 37 mm (Ctrl+P, schaal 100 %, zonder kop- en voetteksten). Elke
          QR-code opent de pagina van het toestel in het beheer.
        </p>
      </div>
      {labels.length === 0 ? <p>Er zijn nog geen toestellen geregistreerd voor deze schenking.</p> : <AssetLabels labels={labels} municipalityName={municipality.name} />}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
