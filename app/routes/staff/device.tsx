import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { applicationsWaitingForKind } from "~/modules/devices/applications.server";
import { CONDITION_LABELS_NL, DEVICE_CONDITIONS, KIND_LABELS_NL, LAYOUT_LABELS_NL } from "~/modules/devices/donation-schema";
import { deviceSeen, getDevice, locationOptions, MANUAL_STEPS, stepDevice, updateDeviceDetails } from "~/modules/devices/inventory.server";
import { ALLOWED_STEPS, DEVICE_STATUS_LABELS, type DeviceStatus } from "~/modules/devices/lifecycle.server";
import { dutchDate, dutchDateTime } from "~/modules/offer/labels";
import { FieldError, type FieldErrors, SelectField, TextField } from "~/ui/form";
import styles from "~/ui/device-bank.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import type { Route } from "./+types/device";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** What the button of each manual step says. */
const STEP_BUTTONS: Partial<Record<DeviceStatus, string>> = {
  ready: "Klaar om uit te lenen",
  in_repair: "Naar herstelling",
  retired: "Afvoeren",
};

async function load(request: Request, params: Route.LoaderArgs["params"], permission: "devices.view" | "devices.manage") {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, permission);
  const device = await getDevice(getDb(), municipality.id, params.deviceId ?? "");
  if (!device) throw new Response("Toestel niet gevonden", { status: 404 });
  return { session, municipality, device };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, device } = await load(request, params, "devices.view");
  const canManage = can(session.assignments, "devices.manage", { municipalityId: municipality.id });
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    canManage,
    saved: saved === "stap" ? "De stand is aangepast." : saved === "gezien" ? "Genoteerd: het toestel is gezien." : saved === "gegevens" ? "De gegevens zijn bewaard." : null,
    locations: canManage ? await locationOptions(getDb(), municipality.id) : [],
    // A ready device and people waiting for one of its kind: point the device officer to them.
    waitingForKind: device.status === "ready" ? await applicationsWaitingForKind(getDb(), municipality.id, device.kind) : null,
    device: {
      id: device.id,
      assetTag: device.assetTag,
      kind: KIND_LABELS_NL[device.kind],
      make: device.make,
      model: device.model,
      serial: device.serial,
      specs: device.specs,
      keyboardLayout: device.keyboardLayout ? LAYOUT_LABELS_NL[device.keyboardLayout] : null,
      accessories: device.accessories ?? "",
      source: device.source === "donation" ? `Schenking van ${device.donorName ?? "?"}` : "Aankoop",
      donationId: device.donationId,
      homeHelpPointId: device.homeHelpPointId ?? "",
      location: device.location,
      condition: device.condition,
      status: device.status,
      statusLabel: DEVICE_STATUS_LABELS[device.status],
      wiped: device.wiped,
      lastSeen: dutchDate(device.lastSeenAt),
      notSeen: device.notSeen,
      steps: ALLOWED_STEPS[device.status].filter((s) => MANUAL_STEPS.includes(s)).map((s) => ({ to: s, label: STEP_BUTTONS[s] ?? DEVICE_STATUS_LABELS[s] })),
      toWipe: device.status === "received" || device.status === "returned",
      history: device.history.map((h) => ({
        id: h.id,
        at: dutchDateTime(h.at),
        from: h.from ? DEVICE_STATUS_LABELS[h.from] : null,
        to: DEVICE_STATUS_LABELS[h.to],
        who: h.who ?? "—",
        evidence: h.wipeMethod ? `${h.wipeMethod}, referentie ${h.wipeReference}` : null,
        note: h.note,
      })),
    },
  };
}

type ActionData = { form: "wipe" | "step" | "details"; errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, device } = await load(request, params, "devices.manage");
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const path = new URL(request.url).pathname;
  const db = getDb();
  const text = (name: string) => String(form.get(name) ?? "");
  switch (text("intent")) {
    case "wipe": {
      const values = { wipeMethod: text("wipeMethod"), wipeReference: text("wipeReference"), note: text("note") };
      const errors: FieldErrors = {};
      if (!values.wipeMethod.trim()) errors.wipeMethod = "Vul de wismethode in, bijvoorbeeld Blancco of een fabrieksreset met versleuteling.";
      if (!values.wipeReference.trim()) errors.wipeReference = "Vul de referentie of het certificaatnummer van het wisrapport in.";
      if (Object.keys(errors).length) return data<ActionData>({ form: "wipe", errors, values }, { status: 400 });
      const result = await stepDevice(db, municipality.id, device.id, "wiped", actor, values);
      if (!result.ok) return data<ActionData>({ form: "wipe", errors: { wipeMethod: result.message }, values }, { status: 409 });
      throw redirect(`${path}?opgeslagen=stap`, 303);
    }
    case "step": {
      const to = text("to") as DeviceStatus;
      const result = await stepDevice(db, municipality.id, device.id, to, actor, { note: text("note") });
      if (!result.ok) return data<ActionData>({ form: "step", errors: { steps: result.message } }, { status: 409 });
      throw redirect(`${path}?opgeslagen=stap`, 303);
    }
    case "seen": {
      await deviceSeen(db, municipality.id, device.id, actor);
      throw redirect(`${path}?opgeslagen=gezien`, 303);
    }
    case "details": {
      const values = { homeHelpPointId: text("homeHelpPointId"), condition: text("condition"), accessories: text("accessories") };
      if (!(DEVICE_CONDITIONS as readonly string[]).includes(values.condition)) {
        return data<ActionData>({ form: "details", errors: { condition: "Kies de staat van het toestel." }, values }, { status: 400 });
      }
      if (values.accessories.length > 300) return data<ActionData>({ form: "details", errors: { accessories: "Te lang: hoogstens 300 tekens." }, values }, { status: 400 });
      const result = await updateDeviceDetails(
        db,
        municipality.id,
        device.id,
        { homeHelpPointId: values.homeHelpPointId || null, condition: values.condition as (typeof DEVICE_CONDITIONS)[number], accessories: values.accessories.trim() || null },
        actor,
      );
      if (!result.ok) return data<ActionData>({ form: "details", errors: result.errors, values }, { status: 400 });
      throw redirect(`${path}?opgeslagen=gegevens`, 303);
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

export default function Device({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, canManage, saved, locations, device: d } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const wipeErrors = result?.form === "wipe" ? errors : {};
  const detailErrors = result?.form === "details" ? errors : {};
  const values = result?.values ?? {};
  const base = `/beheer/${municipality.slug}/toestellen`;
  const heading = `Toestel ${d.assetTag}`;
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: base, label: "Terug naar de toestellen" }} saved={saved} errors={errors} />
      {loaderData.waitingForKind && loaderData.waitingForKind.approved + loaderData.waitingForKind.waiting > 0 ? (
        <div className="notice">
          <p>
            <strong>Dit toestel is klaar. Er wachten mensen op dit soort toestel ({d.kind}):</strong>
          </p>
          <ul>
            {loaderData.waitingForKind.approved > 0 ? (
              <li>
                <Link to={`/beheer/${municipality.slug}/uitlenen/aanvragen?status=approved`}>
                  {loaderData.waitingForKind.approved} goedgekeurd, nog zonder toestel
                </Link>
              </li>
            ) : null}
            {loaderData.waitingForKind.waiting > 0 ? (
              <li>
                <Link to={`/beheer/${municipality.slug}/uitlenen/aanvragen?status=waiting`}>
                  {loaderData.waitingForKind.waiting} op de wachtlijst
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      <div className="device-status">
        <p>
          <strong>Stand: {d.statusLabel}</strong>
        </p>
        <p>{d.wiped ? "Gewist sinds het binnenkwam." : "Nog niet gewist sinds het binnenkwam: dit toestel kan niet uitgeleend worden."}</p>
        <p>
          Laatst gezien: {d.lastSeen}
          {d.notSeen ? <strong className="not-seen"> — lang niet gezien, controleer of het er nog is</strong> : null}
        </p>
        {canManage ? (
          <div className="actions">
            <IntentForm path={path} intent="seen">
              <button type="submit" className="button button-secondary">
                Gezien
              </button>
            </IntentForm>
            <Link to={`${path}/etiket`}>Etiket afdrukken</Link>
          </div>
        ) : null}
      </div>

      <h2>Gegevens</h2>
      <dl className="facts">
        <div>
          <dt>Soort</dt>
          <dd>{d.kind}</dd>
        </div>
        <div>
          <dt>Merk en model</dt>
          <dd>{[d.make, d.model].filter(Boolean).join(" ") || "—"}</dd>
        </div>
        <div>
          <dt>Serienummer</dt>
          <dd>{d.serial ?? "—"}</dd>
        </div>
        <div>
          <dt>Specificaties</dt>
          <dd>{d.specs ?? "—"}</dd>
        </div>
        <div>
          <dt>Toetsenbord</dt>
          <dd>{d.keyboardLayout ?? "—"}</dd>
        </div>
        <div>
          <dt>Herkomst</dt>
          <dd>{d.donationId && canManage ? <Link to={`/beheer/${municipality.slug}/schenkingen/${d.donationId}`}>{d.source}</Link> : d.source}</dd>
        </div>
        <div>
          <dt>Plaats</dt>
          <dd>{d.location ?? "Geen vaste plaats"}</dd>
        </div>
        <div>
          <dt>Staat</dt>
          <dd>{CONDITION_LABELS_NL[d.condition]}</dd>
        </div>
        <div>
          <dt>Toebehoren</dt>
          <dd>{d.accessories || "—"}</dd>
        </div>
      </dl>

      {canManage && d.steps.length > 0 ? (
        <StaffSection id="steps" title="Stand aanpassen">
          <FieldError id="steps" message={result?.form === "step" ? errors.steps : undefined} />
          {d.steps.some((s) => s.to === "wiped") ? (
            <IntentForm path={path} intent="wipe" id="steps">
              <h3>Gewist</h3>
              <p className="hint">Noteer hoe het toestel gewist is en het nummer van het wisrapport of certificaat.</p>
              <TextField id="wipeMethod" label="Wismethode" hint="Bijvoorbeeld Blancco, DBAN 3-pass, fabrieksreset met versleuteling" value={values.wipeMethod ?? ""} error={wipeErrors.wipeMethod} />
              <TextField id="wipeReference" label="Referentie of certificaatnummer" value={values.wipeReference ?? ""} error={wipeErrors.wipeReference} />
              <button type="submit" className="button">
                Gewist
              </button>
            </IntentForm>
          ) : null}
          <div className="actions">
            {d.steps
              .filter((s) => s.to !== "wiped")
              .map((s) => (
                <IntentForm path={path} intent="step" key={s.to}>
                  <input type="hidden" name="to" value={s.to} />
                  <button type="submit" className={s.to === "ready" ? "button" : "button button-secondary"}>
                    {s.label}
                  </button>
                </IntentForm>
              ))}
          </div>
          {d.toWipe ? (
            <p className="hint">Klaar om uit te lenen kan pas als het toestel gewist is.</p>
          ) : null}
        </StaffSection>
      ) : null}

      {canManage ? (
        <StaffSection id="details" title="Plaats, staat en toebehoren">
          <IntentForm path={path} intent="details">
            <SelectField
              id="homeHelpPointId"
              label="Plaats"
              value={values.homeHelpPointId ?? d.homeHelpPointId}
              error={detailErrors.homeHelpPointId}
              empty="Geen vaste plaats"
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
            <SelectField
              id="condition"
              label="Staat"
              value={values.condition ?? d.condition}
              error={detailErrors.condition}
              options={DEVICE_CONDITIONS.map((c) => ({ value: c, label: CONDITION_LABELS_NL[c] }))}
            />
            <TextField
              id="accessories"
              label="Toebehoren"
              hint="Wat hoort terug te komen: lader, muis, hoes, pincode-brief van de simkaart …"
              value={values.accessories ?? d.accessories}
              error={detailErrors.accessories}
            />
            <button type="submit" className="button button-secondary">
              Gegevens bewaren
            </button>
          </IntentForm>
        </StaffSection>
      ) : null}

      <StaffSection id="history" title="Geschiedenis">
        <p className="hint">De nieuwste stap eerst.</p>
        <ol className="device-history">
          {d.history.map((h) => (
            <li key={h.id}>
              <strong>{h.from ? `${h.from} → ${h.to}` : h.to}</strong>
              <br />
              {h.at}, {h.who}
              {h.evidence || h.note ? (
                <>
                  <br />
                  {[h.evidence, h.note].filter(Boolean).join(". ")}
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </StaffSection>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
