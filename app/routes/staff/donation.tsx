import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import {
  DONATION_STATUS_LABELS,
  EMPTY_INTAKE_ROW,
  intakeValuesFromForm,
  KIND_LABELS_NL,
  parseIntake,
  pledgedText,
  type IntakeRowValues,
} from "~/modules/devices/donation-schema";
import { cancelDonation, donationDevices, donationImpact, getDonation, registerDevices, resendImpactLink } from "~/modules/devices/donations.server";
import { locationOptions, readyDevices, wipeDevices } from "~/modules/devices/inventory.server";
import { DEVICE_STATUS_LABELS } from "~/modules/devices/lifecycle.server";
import { dutchDate, dutchDateTime } from "~/modules/offer/labels";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { describedBy, FieldError, type FieldErrors, SelectField, TextField } from "~/ui/form";
import { IntakeRowFields } from "~/ui/intake-rows";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import type { Route } from "./+types/donation";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const MAX_ROWS = 60;

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const donation = await getDonation(getDb(), municipality.id, params.donationId ?? "");
  if (!donation) throw new Response("Schenking niet gevonden", { status: 404 });
  return { session, municipality, donation };
}

const SAVED: Record<string, string> = {
  nieuw: "De schenking is bewaard. De contactpersoon krijgt een e-mail met de link naar de aantallen.",
  ontvangen: "De toestellen zijn geregistreerd. Druk de etiketten af en kleef ze op de toestellen.",
  gewist: "De toestellen zijn als gewist genoteerd.",
  klaar: "De toestellen zijn klaar om uit te lenen.",
  geannuleerd: "De schenking is geannuleerd.",
  link: "De contactpersoon krijgt een e-mail met een nieuwe link. De oude link werkt niet meer.",
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, donation } = await load(request, params);
  const db = getDb();
  const url = new URL(request.url);
  const [devices, impact, locations] = await Promise.all([donationDevices(db, donation.id), donationImpact(db, donation.id), locationOptions(db, municipality.id)]);
  const pledgedTotal = donation.pledged.reduce((sum, p) => sum + p.count, 0);
  const asked = Number(url.searchParams.get("rijen"));
  const rows = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_ROWS) : Math.max(3, Math.min(pledgedTotal - devices.length, 20));
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: url.pathname,
    saved: SAVED[url.searchParams.get("opgeslagen") ?? ""] ?? null,
    rows,
    locations,
    impact,
    donation: {
      id: donation.id,
      donor: donation.donorName,
      status: donation.status,
      statusLabel: DONATION_STATUS_LABELS[donation.status],
      pledged: pledgedText(donation.pledged),
      pledgedTotal,
      minimumSpecs: donation.minimumSpecs,
      pickupAddress: donation.pickupAddress,
      pickupDate: donation.pickupDate ? dutchDate(donation.pickupDate) : null,
      contactName: donation.contactName,
      contactEmail: donation.contactEmail,
      contactPhone: donation.contactPhone,
      note: donation.note,
      created: dutchDateTime(donation.createdAt),
      received: donation.receivedAt ? dutchDateTime(donation.receivedAt) : null,
    },
    devices: devices.map((d) => ({
      id: d.id,
      assetTag: d.assetTag,
      kind: KIND_LABELS_NL[d.kind],
      model: [d.make, d.model].filter(Boolean).join(" "),
      serial: d.serial ?? "—",
      status: DEVICE_STATUS_LABELS[d.status],
      toWipe: d.status === "received" || d.status === "returned",
      wiped: d.status === "wiped",
    })),
  };
}

type ActionData =
  | { form: "intake"; errors: FieldErrors; rows: IntakeRowValues[]; homeHelpPointId: string }
  | { form: "wipe"; errors: FieldErrors; selected: string[]; method: string; batchCertificate: string; references: Record<string, string> }
  | { form: "ready"; errors: FieldErrors };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, donation } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  switch (String(form.get("intent") ?? "")) {
    case "intake": {
      const rows = intakeValuesFromForm(form, MAX_ROWS);
      const homeHelpPointId = String(form.get("homeHelpPointId") ?? "");
      const parsed = parseIntake(rows);
      if (!parsed.ok) return data<ActionData>({ form: "intake", errors: parsed.errors, rows, homeHelpPointId }, { status: 400 });
      const result = await registerDevices(db, municipality.id, { donationId: donation.id }, parsed.rows, actor, { homeHelpPointId: homeHelpPointId || null, index: parsed.index });
      if (!result.ok) return data<ActionData>({ form: "intake", errors: result.errors, rows, homeHelpPointId }, { status: 409 });
      throw redirect(`${path}?opgeslagen=ontvangen`, 303);
    }
    case "wipe": {
      const selected = form.getAll("device").map(String);
      const references: Record<string, string> = {};
      for (const [key, value] of form.entries()) if (key.startsWith("ref-")) references[key.slice(4)] = String(value);
      const method = String(form.get("wipeMethod") ?? "");
      const batchCertificate = String(form.get("batchCertificate") ?? "");
      const result = await wipeDevices(db, municipality.id, { deviceIds: selected, method, references, batchCertificate }, actor);
      if (!result.ok) {
        const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k === "method" ? "wipeMethod" : k, v]));
        return data<ActionData>({ form: "wipe", errors, selected, method, batchCertificate, references }, { status: 400 });
      }
      throw redirect(`${path}?opgeslagen=gewist`, 303);
    }
    case "ready": {
      const result = await readyDevices(db, municipality.id, form.getAll("ready").map(String), actor);
      if (!result.ok) return data<ActionData>({ form: "ready", errors: result.errors }, { status: 409 });
      throw redirect(`${path}?opgeslagen=klaar`, 303);
    }
    case "cancel": {
      await cancelDonation(db, municipality.id, donation.id, actor);
      throw redirect(`${path}?opgeslagen=geannuleerd`, 303);
    }
    case "resend": {
      await resendImpactLink(db, municipality.id, donation.id, actor, appBaseUrl(request));
      throw redirect(`${path}?opgeslagen=link`, 303);
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

export default function Donation({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, saved, rows, locations, impact, donation: d, devices } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const intake = result?.form === "intake" ? result : null;
  const wipe = result?.form === "wipe" ? result : null;
  const intakeRows: IntakeRowValues[] = intake?.rows ?? Array.from({ length: rows }, () => ({ ...EMPTY_INTAKE_ROW }));
  const toWipe = devices.filter((x) => x.toWipe);
  const wiped = devices.filter((x) => x.wiped);
  const heading = `Schenking van ${d.donor}`;
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: `/beheer/${municipality.slug}/schenkingen`, label: "Terug naar de schenkingen" }} saved={saved} errors={errors} />

      <dl className="facts">
        <div>
          <dt>Stand</dt>
          <dd>
            {d.statusLabel}
            {d.received ? ` (${d.received})` : ""}
          </dd>
        </div>
        <div>
          <dt>Beloofd</dt>
          <dd>{d.pledged}</dd>
        </div>
        {d.minimumSpecs ? (
          <div>
            <dt>Specificaties</dt>
            <dd>{d.minimumSpecs}</dd>
          </div>
        ) : null}
        <div>
          <dt>Ophalen</dt>
          <dd>
            {d.pickupAddress ?? "—"}
            {d.pickupDate ? `, vanaf ${d.pickupDate}` : ""}
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {d.contactName}
            {d.contactEmail ? (
              <>
                <br />
                <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a>
              </>
            ) : null}
            {d.contactPhone ? (
              <>
                <br />
                <a href={telHref(d.contactPhone)}>{d.contactPhone}</a>
              </>
            ) : null}
          </dd>
        </div>
        {d.note ? (
          <div>
            <dt>Opmerking</dt>
            <dd>{d.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>Gemeld op</dt>
          <dd>{d.created}</dd>
        </div>
      </dl>

      <section aria-labelledby="impact-title">
        <h2 id="impact-title">Wat de schenker ziet</h2>
        <p className="hint">De schenker ziet alleen deze aantallen, via de geheime link in de e-mail.</p>
        <dl className="count-grid">
          {(
            [
              ["Ontvangen", impact.received],
              ["Gewist", impact.wiped],
              ["Klaar om uit te lenen", impact.ready],
              ["Al uitgeleend", impact.lentOut],
              ["Nu uitgeleend", impact.onLoanNow],
              ["Geschonken aan bewoners", impact.gifted],
              ["In herstelling", impact.inRepair],
              ["Afgevoerd", impact.retired],
            ] as const
          ).map(([label, n]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
        {d.contactEmail ? (
          <IntentForm path={path} intent="resend">
            <button type="submit" className="button button-secondary">
              Nieuwe link naar de schenker sturen
            </button>
          </IntentForm>
        ) : null}
      </section>

      <StaffSection id="devices" title={`Geregistreerde toestellen (${devices.length})`}>
        {devices.length === 0 ? (
          <p>Nog geen toestellen geregistreerd.</p>
        ) : (
          <>
            <p>
              <Link to={`${path}/etiketten`}>Etiketten afdrukken ({devices.length})</Link>
            </p>
            <DataTable wide caption="Toestellen van deze schenking" columns={["Nummer", "Soort", "Merk en model", "Serienummer", "Stand"]}>
              {devices.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Link to={`/beheer/${municipality.slug}/toestellen/${x.id}`}>{x.assetTag}</Link>
                  </th>
                  <td>{x.kind}</td>
                  <td>{x.model}</td>
                  <td>{x.serial}</td>
                  <td>{x.status}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </StaffSection>

      {toWipe.length > 0 ? (
        <StaffSection id="wipe" title="Deze toestellen wissen">
          <p className="hint">Vink de toestellen aan die gewist zijn. Vul per toestel de referentie van het wisrapport in, of één certificaatnummer voor de hele reeks.</p>
          <IntentForm path={path} intent="wipe">
            <TextField id="wipeMethod" label="Wismethode (voor alle gekozen toestellen)" hint="Bijvoorbeeld Blancco, DBAN 3-pass, fabrieksreset met versleuteling" value={wipe?.method ?? ""} error={errors.wipeMethod} />
            <TextField id="batchCertificate" label="Certificaatnummer voor de hele reeks (niet verplicht)" value={wipe?.batchCertificate ?? ""} error={errors.batchCertificate} />
            <fieldset className="field" id="devices" tabIndex={-1}>
              <legend>Toestellen</legend>
              <FieldError id="devices" message={errors.devices} />
              {toWipe.map((x) => {
                const refId = `ref-${x.id}`;
                return (
                  <div className="wipe-row" key={x.id}>
                    <div className="checkbox">
                      <input type="checkbox" id={`device-${x.id}`} name="device" value={x.id} defaultChecked={wipe ? wipe.selected.includes(x.id) : true} />
                      <label htmlFor={`device-${x.id}`}>
                        {x.assetTag} — {x.kind} {x.model}
                      </label>
                    </div>
                    <div className="field">
                      <label htmlFor={refId} className="visually-hidden">
                        Referentie voor {x.assetTag}
                      </label>
                      <FieldError id={refId} message={errors[refId]} />
                      <input
                        id={refId}
                        name={refId}
                        type="text"
                        placeholder="Referentie"
                        defaultValue={wipe?.references[x.id] ?? ""}
                        aria-invalid={errors[refId] ? true : undefined}
                        aria-describedby={describedBy(refId, { error: errors[refId] })}
                      />
                    </div>
                  </div>
                );
              })}
            </fieldset>
            <button type="submit" className="button">
              Gekozen toestellen zijn gewist
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}

      {wiped.length > 0 ? (
        <StaffSection id="ready" title="Klaar om uit te lenen">
          <IntentForm path={path} intent="ready">
            <fieldset className="field" id="ready" tabIndex={-1}>
              <legend>Welke gewiste toestellen zijn gecontroleerd en klaar?</legend>
              <FieldError id="ready" message={result?.form === "ready" ? Object.values(errors).find(Boolean) : undefined} />
              <div className="checkboxes checkbox-columns">
                {wiped.map((x) => (
                  <div className="checkbox" key={x.id}>
                    <input type="checkbox" id={`ready-${x.id}`} name="ready" value={x.id} defaultChecked />
                    <label htmlFor={`ready-${x.id}`}>
                      {x.assetTag} — {x.kind} {x.model}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button">
              Gekozen toestellen zijn klaar
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}

      {d.status !== "cancelled" ? (
        <StaffSection id="intake" title="Toestellen registreren">
          <p className="hint">
            Vul een rij in per toestel dat binnen is. Lege rijen tellen niet mee. Elk toestel krijgt automatisch een nummer. Meer rijen nodig?{" "}
            <Link to={`${path}?rijen=${Math.min(rows + 10, MAX_ROWS)}#intake-title`}>Toon {Math.min(rows + 10, MAX_ROWS)} rijen</Link>.
          </p>
          <IntentForm path={path} intent="intake">
            <FieldError id="form" message={intake ? errors.form : undefined} />
            <SelectField
              id="homeHelpPointId"
              label="Waar komen de toestellen te liggen?"
              value={intake?.homeHelpPointId ?? ""}
              error={errors.homeHelpPointId}
              empty="Geen vaste plaats"
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
            {intakeRows.map((row, i) => (
              <IntakeRowFields key={i} index={i} values={row} errors={intake ? errors : {}} />
            ))}
            <button type="submit" className="button">
              Toestellen registreren
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}

      {d.status === "pledged" ? (
        <StaffSection id="cancel" title="Schenking gaat niet door">
          <IntentForm path={path} intent="cancel">
            <button type="submit" className="button button-secondary">
              Schenking annuleren
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
