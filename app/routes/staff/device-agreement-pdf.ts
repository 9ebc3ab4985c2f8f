import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { agreementPdf } from "~/modules/devices/agreement.server";
import { expectedDueDate, getLoan } from "~/modules/devices/lending.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import type { Route } from "./+types/device-agreement-pdf";

/** The loan agreement to print at the hand-over, in the resident's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.lend");
  const db = getDb();
  const found = await getLoan(db, municipality.id, params.loanId ?? "");
  if (!found || (found.loan.status !== "reserved" && found.loan.status !== "on_loan")) throw new Response("Uitlening niet gevonden", { status: 404 });
  const { loan, device, application } = found;
  // Before the hand-over the dates are the expected ones: from today, for the loan weeks (the page says so too).
  const from = loan.status === "on_loan" ? loan.startsOn : brusselsDate();
  const until = loan.status === "on_loan" ? loan.endsOn : await expectedDueDate(db, municipality.id, loan.returnHelpPointId, from);
  const pdf = await agreementPdf({
    municipalityName: municipality.name,
    municipalityPhone: municipality.phone,
    name: application.applicantName ?? "",
    language: application.language,
    kind: device.kind,
    make: device.make,
    model: device.model,
    assetTag: device.assetTag,
    accessories: device.accessories,
    from,
    until,
    returnPlace: found.returnPoint?.name ?? municipality.name,
    returnAddress: found.returnAddress,
  });
  await recordAudit(db, { actor: session.user, municipalityId: municipality.id, action: "export", entityType: "device_loan", entityId: loan.id, after: { format: "pdf", document: "agreement" } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="afspraak-${device.assetTag}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
