import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { EMPTY_INTAKE_ROW, intakeValuesFromForm, parseIntake, type IntakeRowValues } from "~/modules/devices/donation-schema";
import { registerDevices } from "~/modules/devices/donations.server";
import { locationOptions } from "~/modules/devices/inventory.server";
import { FieldError, type FieldErrors, SelectField } from "~/ui/form";
import { IntakeRowFields } from "~/ui/intake-rows";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { StaffPageHead } from "~/ui/staff-page";
import type { Route } from "./+types/device-intake";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const MAX_ROWS = 60;

/** Devices the city bought (not donated): the same intake as a donation batch, with source "purchase". */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const asked = Number(new URL(request.url).searchParams.get("rijen"));
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    rows: Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_ROWS) : 5,
    locations: await locationOptions(getDb(), municipality.id),
  };
}

type ActionData = { errors: FieldErrors; rows: IntakeRowValues[]; homeHelpPointId: string };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const form = await readStaffForm(request, session);
  const rows = intakeValuesFromForm(form, MAX_ROWS);
  const homeHelpPointId = String(form.get("homeHelpPointId") ?? "");
  const parsed = parseIntake(rows);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, rows, homeHelpPointId }, { status: 400 });
  const result = await registerDevices(getDb(), municipality.id, { purchase: true }, parsed.rows, { id: session.user.id, email: session.user.email }, {
    homeHelpPointId: homeHelpPointId || null,
    index: parsed.index,
  });
  if (!result.ok) return data<ActionData>({ errors: result.errors, rows, homeHelpPointId }, { status: 409 });
  throw redirect(`/beheer/${municipality.slug}/toestellen?nieuw=${result.devices.length}`, 303);
}

export default function DeviceIntake({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, rows, locations } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const values = result?.rows ?? Array.from({ length: rows }, () => ({ ...EMPTY_INTAKE_ROW }));
  const base = `/beheer/${municipality.slug}/toestellen`;
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading="Gekochte toestellen registreren" back={{ to: base, label: "Terug naar de toestellen" }} errors={errors}>
        <p>
          Voor toestellen die de stad zelf kocht. Geschonken toestellen registreert u bij de <Link to={`/beheer/${municipality.slug}/schenkingen`}>schenking</Link>, zodat de
          schenker ziet wat ermee gebeurt.
        </p>
      </StaffPageHead>
      <Form method="post" noValidate>
        <CsrfInput />
        <FieldError id="form" message={errors.form} />
        <SelectField
          id="homeHelpPointId"
          label="Waar komen de toestellen te liggen?"
          value={result?.homeHelpPointId ?? ""}
          error={errors.homeHelpPointId}
          empty="Geen vaste plaats"
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        {values.map((row, i) => (
          <IntakeRowFields key={i} index={i} values={row} errors={errors} />
        ))}
        <p className="hint">
          Lege rijen tellen niet mee. Meer rijen nodig? <Link to={`?rijen=${Math.min(values.length + 10, MAX_ROWS)}`}>Toon {Math.min(values.length + 10, MAX_ROWS)} rijen</Link>.
        </p>
        <button type="submit" className="button">
          Toestellen registreren
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
