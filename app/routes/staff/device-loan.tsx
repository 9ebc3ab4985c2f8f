import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { recordAudit } from "~/modules/auth/audit.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import {
  addContactNote,
  cancelReservation,
  extendLoan,
  getLoan,
  giftLoan,
  handOver,
  returnDevice,
  sendReminderNow,
} from "~/modules/devices/lending.server";
import { CONDITION_LABELS, CONTACT_CHANNEL_LABELS, KIND_LABELS, LANGUAGE_NAMES_NL, LOAN_STATUS_LABELS, type Condition } from "~/modules/devices/lending-labels";
import { getSettings } from "~/modules/devices/settings.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { dutchDateTime } from "~/modules/offer/labels";
import { dutchLongDate, RadioGroup } from "~/ui/device-lending";
import { SelectField, TextArea, TextField, type FieldErrors } from "~/ui/form";
import styles from "~/ui/course-run.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import { DataTable, IntentForm, StaffPageHead, StaffSection } from "~/ui/staff-page";
import { telHref } from "~/ui/phone-link";
import type { Route } from "./+types/device-loan";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const SAVED: Record<string, string> = {
  gereserveerd: "Het toestel is gereserveerd. De bewoner krijgt een bericht: waar en wanneer het klaarligt.",
  meegegeven: "Het toestel is meegegeven. Geef de bewoner de getekende afspraak mee.",
  verlengd: "De uitlening is verlengd. De bewoner krijgt een bericht met de nieuwe datum.",
  herinnerd: "De herinnering is verstuurd. U ziet ze bij Berichten en in de contacten hieronder.",
  genoteerd: "Het contact is genoteerd.",
  teruggebracht: "Het toestel is teruggenomen. Het moet nu gewist worden voor het opnieuw uitgeleend wordt.",
  geschonken: "Het toestel is geschonken. De bewoner mag het houden.",
  geannuleerd: "De reservering is geannuleerd. Het toestel is weer vrij.",
};

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.lend");
  const found = await getLoan(getDb(), municipality.id, params.loanId ?? "");
  if (!found) throw new Response("Uitlening niet gevonden", { status: 404 });
  return { session, municipality, found };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality, found } = await load(request, params);
  const db = getDb();
  await recordAudit(db, { actor: session.user, municipalityId: municipality.id, action: "device-loan.view", entityType: "device_loan", entityId: found.loan.id });
  const settings = await getSettings(db, municipality.id);
  const { loan, device, application: app } = found;
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    path: new URL(request.url).pathname,
    saved: saved ? (SAVED[saved] ?? null) : null,
    loan: {
      id: loan.id,
      status: loan.status,
      statusLabel: LOAN_STATUS_LABELS[loan.status],
      overdue: loan.status === "on_loan" && loan.endsOn < brusselsDate(),
      from: dutchLongDate(loan.startsOn),
      until: dutchLongDate(loan.endsOn),
      extensions: loan.extensions,
      extensionsLeft: Math.max(0, settings.maxExtensions - loan.extensions),
      extensionWeeks: settings.extensionWeeks,
      handedOver: loan.handedOverAt ? dutchDateTime(loan.handedOverAt) : null,
      signature: loan.agreementSignature === "paper" ? "op papier" : loan.agreementSignature === "screen" ? "op het scherm aan de balie" : null,
      returned: loan.returnedAt ? dutchDateTime(loan.returnedAt) : null,
      returnCondition: loan.returnCondition ? CONDITION_LABELS[loan.returnCondition] : null,
      missingAccessories: loan.missingAccessories,
      damageNote: loan.damageNote,
      gifted: loan.giftedAt ? dutchDateTime(loan.giftedAt) : null,
      giftReason: loan.giftReason,
      returnPlace: found.returnPoint ? `${found.returnPoint.name}, ${found.returnAddress}` : "Niet ingesteld",
    },
    device: { assetTag: device.assetTag, kind: KIND_LABELS[device.kind], model: [device.make, device.model].filter(Boolean).join(" "), accessories: device.accessories },
    app: {
      id: app.id,
      name: app.applicantName ?? "(gewist)",
      code: app.code,
      phone: app.phone,
      email: app.email,
      language: LANGUAGE_NAMES_NL[app.language] ?? app.language,
    },
    contacts: found.contacts.map((c) => ({ id: c.id, channel: CONTACT_CHANNEL_LABELS[c.channel] ?? c.channel, note: c.note, at: dutchDateTime(c.at), by: c.by ?? "Automatisch" })),
  };
}

type ActionData = { form: string; errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality, found } = await load(request, params);
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const path = new URL(request.url).pathname;
  const id = found.loan.id;
  const text = (name: string) => String(form.get(name) ?? "");
  const intent = text("intent");
  const fail = (field: string, message: string, values?: Record<string, string>) => data<ActionData>({ form: intent, errors: { [field]: message }, values }, { status: 409 });
  const done = (what: string) => redirect(`${path}?opgeslagen=${what}`, 303);
  switch (intent) {
    case "handover": {
      const signature = text("signature");
      if (signature !== "paper" && signature !== "screen") return fail("signature", "Kies hoe de bewoner de afspraak getekend heeft.");
      const result = await handOver(db, municipality.id, id, signature, actor);
      if (!result.ok) return fail("signature", result.message);
      throw done("meegegeven");
    }
    case "cancel": {
      const result = await cancelReservation(db, municipality.id, id, actor);
      if (!result.ok) return fail("cancel-form", result.message);
      throw done("geannuleerd");
    }
    case "extend": {
      const result = await extendLoan(db, municipality.id, id, actor);
      if (!result.ok) return fail("extend-form", result.message);
      throw done("verlengd");
    }
    case "remind": {
      const result = await sendReminderNow(db, municipality.id, id, actor);
      if (!result.ok) return fail("remind-form", result.message);
      throw done("herinnerd");
    }
    case "contact": {
      const values = { channel: text("channel"), note: text("note") };
      const result = await addContactNote(db, municipality.id, id, values, actor);
      if (!result.ok) return fail(result.field, result.message, values);
      throw done("genoteerd");
    }
    case "return": {
      const values = { condition: text("condition"), missingAccessories: text("missingAccessories"), damageNote: text("damageNote") };
      if (!(values.condition in CONDITION_LABELS)) return fail("condition", "Kies in welke staat het toestel is.", values);
      const result = await returnDevice(db, municipality.id, { loanId: id }, { ...values, condition: values.condition as Condition }, actor);
      if (!result.ok) return fail("condition", result.message, values);
      throw done("teruggebracht");
    }
    case "gift": {
      const values = { giftReason: text("giftReason") };
      const result = await giftLoan(db, municipality.id, id, values.giftReason, actor);
      if (!result.ok) return fail("giftReason", result.message, values);
      throw done("geschonken");
    }
    default:
      throw new Response("Onbekende actie", { status: 400 });
  }
}

export default function DeviceLoan({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, path, saved, loan, device, app, contacts } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors = result?.errors ?? {};
  const mine = (form: string) => (result?.form === form ? errors : {});
  const values = result?.values ?? {};
  const base = `/beheer/${municipality.slug}/uitlenen`;
  const heading = `${device.assetTag}: ${device.kind} voor ${app.name}`;
  const formError = (id: string, message?: string) =>
    message ? (
      <p className="field-error" id={`${id}-error`}>
        {message}
      </p>
    ) : null;
  return (
    <>
      <StaffPageHead municipalityName={municipality.name} heading={heading} back={{ to: `${base}/uitleningen`, label: "Terug naar de uitleningen" }} saved={saved} errors={errors} />
      <div className={`status-panel is-${loan.overdue ? "declined" : loan.status === "on_loan" ? "planned" : "new"}`}>
        <p>
          <strong>Stand: {loan.overdue ? "Te laat: moest terug op " + loan.until : loan.statusLabel}</strong>
        </p>
        <p>{loan.status === "reserved" ? `Ophalen van ${loan.from} tot en met ${loan.until}` : `Van ${loan.from} tot ${loan.until}`}</p>
        {loan.extensions ? <p>{loan.extensions}× verlengd</p> : null}
      </div>
      <dl className="facts">
        <div>
          <dt>Toestel</dt>
          <dd>
            {device.assetTag} · {device.kind}
            {device.model ? ` · ${device.model}` : ""}
          </dd>
        </div>
        <div>
          <dt>Hoort erbij</dt>
          <dd>{device.accessories || "Niets extra"}</dd>
        </div>
        <div>
          <dt>Bewoner</dt>
          <dd>
            <Link to={`${base}/aanvragen/${app.id}`}>{app.name}</Link> (code <span className="code-inline">{app.code}</span>) ·{" "}
            {app.phone ? <a href={telHref(app.phone)}>{app.phone}</a> : null}
            {app.phone && app.email ? ", " : null}
            {app.email ? <a href={`mailto:${app.email}`}>{app.email}</a> : null}
            {!app.phone && !app.email ? "Geen gsm-nummer of e-mail" : null} · {app.language}
          </dd>
        </div>
        <div>
          <dt>Terugbrengen bij</dt>
          <dd>{loan.returnPlace}</dd>
        </div>
        {loan.handedOver ? (
          <div>
            <dt>Meegegeven</dt>
            <dd>
              {loan.handedOver}, afspraak getekend {loan.signature}
            </dd>
          </div>
        ) : null}
        {loan.returned ? (
          <div>
            <dt>Teruggebracht</dt>
            <dd>
              {loan.returned}, staat: {loan.returnCondition}
              {loan.missingAccessories ? `. Ontbreekt: ${loan.missingAccessories}` : ""}
              {loan.damageNote ? `. Schade: ${loan.damageNote}` : ""}
            </dd>
          </div>
        ) : null}
        {loan.gifted ? (
          <div>
            <dt>Geschonken</dt>
            <dd>
              {loan.gifted}: {loan.giftReason}
            </dd>
          </div>
        ) : null}
      </dl>
      {loan.status === "reserved" || loan.status === "on_loan" ? (
        <p>
          <a className="button button-secondary" href={`${base}/uitleningen/${loan.id}/overeenkomst.pdf`}>
            Afspraak afdrukken (pdf, in het {app.language})
          </a>
        </p>
      ) : null}

      {loan.status === "reserved" ? (
        <>
          <StaffSection id="handover" title="Meegeven">
            <p className="hint">Druk de afspraak af, lees ze samen met de bewoner en laat ze tekenen. De terugbrengdatum valt op een dag dat het hulppunt open is.</p>
            <IntentForm path={path} intent="handover">
              <RadioGroup
                id="signature"
                name="signature"
                legend="Hoe heeft de bewoner de afspraak getekend?"
                options={[
                  { value: "paper", label: "Op papier" },
                  { value: "screen", label: "Op het scherm aan de balie" },
                ]}
                value={values.signature ?? ""}
                error={mine("handover").signature}
              />
              <button type="submit" className="button">
                Toestel meegeven
              </button>
            </IntentForm>
          </StaffSection>
          <StaffSection id="cancel" title="Reservering annuleren">
            <IntentForm path={path} intent="cancel" id="cancel-form">
              {formError("cancel-form", mine("cancel")["cancel-form"])}
              <button type="submit" className="button button-secondary">
                Reservering annuleren
              </button>
            </IntentForm>
          </StaffSection>
        </>
      ) : null}

      {loan.status === "on_loan" ? (
        <>
          <StaffSection id="extend" title="Langer lenen">
            <IntentForm path={path} intent="extend" id="extend-form">
              <p className="hint">
                {loan.extensionsLeft > 0
                  ? `Met ${loan.extensionWeeks} weken verlengen. Dat kan nog ${loan.extensionsLeft} keer. De bewoner krijgt een bericht.`
                  : "Deze uitlening kan niet meer verlengd worden."}
              </p>
              {formError("extend-form", mine("extend")["extend-form"])}
              <button type="submit" className="button button-secondary">
                Verlengen
              </button>
            </IntentForm>
          </StaffSection>
          <StaffSection id="remind" title="Herinnering sturen">
            <IntentForm path={path} intent="remind" id="remind-form">
              <p className="hint">Er gaan automatisch herinneringen een paar dagen vooraf en op de dag zelf. Hier stuurt u er nu een, in de taal van de bewoner.</p>
              {formError("remind-form", mine("remind")["remind-form"])}
              <button type="submit" className="button button-secondary">
                Herinnering nu sturen
              </button>
            </IntentForm>
          </StaffSection>
          <StaffSection id="return" title="Terugnemen">
            <IntentForm path={path} intent="return">
              <SelectField id="condition" label="In welke staat is het toestel?" value={values.condition ?? "good"} error={mine("return").condition} options={Object.entries(CONDITION_LABELS).map(([value, label]) => ({ value, label }))} />
              <TextField id="missingAccessories" label="Wat ontbreekt er? (niet verplicht)" hint={device.accessories ? `Hoort erbij: ${device.accessories}` : undefined} value={values.missingAccessories ?? ""} />
              <TextArea id="damageNote" label="Schade (niet verplicht)" rows={3} value={values.damageNote ?? ""} />
              <button type="submit" className="button">
                Toestel terugnemen
              </button>
            </IntentForm>
          </StaffSection>
          <StaffSection id="gift" title="Schenken">
            <IntentForm path={path} intent="gift">
              <TextField id="giftReason" label="Waarom mag de bewoner het toestel houden?" hint="Bijvoorbeeld: cursus afgerond." value={values.giftReason ?? ""} error={mine("gift").giftReason} />
              <button type="submit" className="button button-secondary">
                Toestel schenken
              </button>
            </IntentForm>
          </StaffSection>
        </>
      ) : null}

      <StaffSection id="contacts" title="Contacten">
        {contacts.length === 0 ? (
          <p>Nog geen contacten.</p>
        ) : (
          <DataTable caption="Contacten over deze uitlening" columns={["Wanneer", "Hoe", "Wat", "Door"]}>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.at}</td>
                <td>{c.channel}</td>
                <td>{c.note}</td>
                <td>{c.by}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3>Contact noteren</h3>
        <IntentForm path={path} intent="contact">
          <SelectField
            id="channel"
            label="Hoe had u contact?"
            value={values.channel ?? "phone"}
            error={mine("contact").channel}
            options={[
              { value: "phone", label: "Gebeld" },
              { value: "letter", label: "Brief gestuurd" },
              { value: "visit", label: "Bezoek" },
            ]}
          />
          <TextArea id="note" label="Wat is er gezegd of afgesproken?" rows={3} value={values.note ?? ""} error={mine("contact").note} />
          <button type="submit" className="button button-secondary">
            Contact noteren
          </button>
        </IntentForm>
      </StaffSection>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
