import { data, Form, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { locationOptions } from "~/modules/devices/inventory.server";
import { readStaffForm, requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { CsrfInput } from "~/modules/auth/staff-context";
import { addCriterion, criterionInput, getSettings, listCriteria, saveSettings, setCriterionActive, settingsInput } from "~/modules/devices/settings.server";
import { fieldErrors } from "~/modules/offer/schema";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/ui/form";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/device-settings";

const NUMBER_FIELDS = ["maxDevicesPerHousehold", "loanWeeks", "extensionWeeks", "maxExtensions", "reminderDaysBefore", "auditPeriodDays"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const db = getDb();
  const settings = await getSettings(db, municipality.id);
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    saved: saved === "regels" ? "De regels zijn opgeslagen." : saved === "criterium" ? "Het criterium is opgeslagen." : null,
    values: {
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(settings[f])])),
      requiresReferral: settings.requiresReferral,
      requiresCourse: settings.requiresCourse,
      returnHelpPointId: settings.returnHelpPointId ?? "",
    } as Record<string, string | boolean>,
    points: await locationOptions(db, municipality.id),
    criteria: await listCriteria(db, municipality.id),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "devices.manage");
  const form = await readStaffForm(request, session);
  const actor = { id: session.user.id, email: session.user.email };
  const db = getDb();
  const path = new URL(request.url).pathname;
  const intent = String(form.get("intent") ?? "");
  if (intent === "settings") {
    const values: Record<string, string | boolean> = {
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(form.get(f) ?? "")])),
      requiresReferral: form.get("requiresReferral") === "on",
      requiresCourse: form.get("requiresCourse") === "on",
      returnHelpPointId: String(form.get("returnHelpPointId") ?? ""),
    };
    const parsed = settingsInput.safeParse(values);
    if (!parsed.success) return data({ form: "settings", errors: fieldErrors(parsed.error) as FieldErrors, values }, { status: 400 });
    const result = await saveSettings(db, municipality.id, parsed.data, actor);
    if (!result.ok) return data({ form: "settings", errors: { [result.field]: result.message } as FieldErrors, values }, { status: 409 });
    throw redirect(`${path}?opgeslagen=regels`, 303);
  }
  if (intent === "criterion") {
    const values = { label: String(form.get("label") ?? ""), required: form.get("required") === "on" };
    const parsed = criterionInput.safeParse(values);
    if (!parsed.success) return data({ form: "criterion", errors: fieldErrors(parsed.error) as FieldErrors, values: values as Record<string, string | boolean> }, { status: 400 });
    await addCriterion(db, municipality.id, parsed.data, actor);
    throw redirect(`${path}?opgeslagen=criterium`, 303);
  }
  if (intent === "activate" || intent === "deactivate") {
    await setCriterionActive(db, municipality.id, String(form.get("criterionId") ?? ""), intent === "activate", actor);
    throw redirect(`${path}?opgeslagen=criterium`, 303);
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function DeviceSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { municipality, saved, points, criteria } = loaderData;
  const errors: FieldErrors = actionData?.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  const v = actionData?.form === "settings" ? actionData.values : loaderData.values;
  const c = actionData?.form === "criterion" ? actionData.values : { label: "", required: true };
  const s = (name: string) => String(v[name] ?? "");
  const settingsErrors = actionData?.form === "settings" ? errors : {};
  return (
    <div className="narrow">
      <title>{`${hasErrors ? "Fout: " : ""}Regels voor het uitlenen — ${municipality.name} — Digibrug beheer`}</title>
      <p>
        <Link to={`/beheer/${municipality.slug}/uitlenen/aanvragen`}>Naar de aanvragen</Link>
      </p>
      <h1>Regels voor het uitlenen</h1>
      {saved && !hasErrors ? (
        <div className="success" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="settings" />
        <h2>Wie kan lenen</h2>
        <TextField id="maxDevicesPerHousehold" label="Toestellen per gezin" hint="Hoeveel toestellen één gezin (één adres) tegelijk mag lenen." value={s("maxDevicesPerHousehold")} error={settingsErrors.maxDevicesPerHousehold} className="input-short" inputMode="numeric" />
        <div className="checkboxes">
          <div className="checkbox">
            <input type="checkbox" id="requiresReferral" name="requiresReferral" defaultChecked={v.requiresReferral === true} />
            <label htmlFor="requiresReferral">Alleen na een doorverwijzing door het OCMW of een maatschappelijk werker</label>
          </div>
          <div className="checkbox">
            <input type="checkbox" id="requiresCourse" name="requiresCourse" defaultChecked={v.requiresCourse === true} />
            <label htmlFor="requiresCourse">Eerst een cursus afronden</label>
          </div>
        </div>
        <h2>Hoe lang</h2>
        <TextField id="loanWeeks" label="Weken lenen" value={s("loanWeeks")} error={settingsErrors.loanWeeks} className="input-short" inputMode="numeric" />
        <TextField id="extensionWeeks" label="Weken per verlenging" value={s("extensionWeeks")} error={settingsErrors.extensionWeeks} className="input-short" inputMode="numeric" />
        <TextField id="maxExtensions" label="Aantal verlengingen" hint="0 als verlengen niet kan." value={s("maxExtensions")} error={settingsErrors.maxExtensions} className="input-short" inputMode="numeric" />
        <TextField id="reminderDaysBefore" label="Dagen vooraf herinneren" hint="De bewoner krijgt een herinnering zoveel dagen voor de terugbrengdatum, en één op de dag zelf." value={s("reminderDaysBefore")} error={settingsErrors.reminderDaysBefore} className="input-short" inputMode="numeric" />
        <TextField id="auditPeriodDays" label="Controle na dagen" hint="Een toestel dat zo lang niet gezien is, krijgt een vlag in de voorraad." value={s("auditPeriodDays")} error={settingsErrors.auditPeriodDays} className="input-short" inputMode="numeric" />
        <SelectField
          id="returnHelpPointId"
          label="Hulppunt om terug te brengen"
          hint="De terugbrengdatum valt altijd op een dag dat dit punt open is. Leeg: het hulppunt van het toestel."
          value={s("returnHelpPointId")}
          error={settingsErrors.returnHelpPointId}
          empty="Het hulppunt van het toestel"
          options={points.map((p) => ({ value: p.id, label: p.name }))}
        />
        <button type="submit" className="button">
          Regels opslaan
        </button>
      </Form>

      <section className="staff-section" aria-labelledby="criteria-title">
        <h2 id="criteria-title">Wat de helper nakijkt</h2>
        <p className="hint">Helpers vinken deze criteria aan bij een aanvraag. We bewaren geen kopie van documenten. Een verplicht criterium moet aangevinkt zijn voor u kunt goedkeuren.</p>
        {criteria.length === 0 ? (
          <p>Nog geen criteria.</p>
        ) : (
          <ul className="run-list">
            {criteria.map((cr) => (
              <li key={cr.id}>
                <Form method="post" noValidate className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="criterionId" value={cr.id} />
                  <span>
                    {cr.label} <span className="muted">({cr.required ? "verplicht" : "niet verplicht"}{cr.active ? "" : ", uitgeschakeld"})</span>
                  </span>
                  <button type="submit" className="button button-secondary" name="intent" value={cr.active ? "deactivate" : "activate"}>
                    {cr.active ? "Uitschakelen" : "Weer gebruiken"}
                    <span className="visually-hidden">: {cr.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="criterion" />
          <TextField id="label" label="Nieuw criterium" hint="Bijvoorbeeld: inkomen onder de grens (attest gezien)." value={String(c.label ?? "")} error={actionData?.form === "criterion" ? errors.label : undefined} />
          <div className="checkboxes">
            <div className="checkbox">
              <input type="checkbox" id="required" name="required" defaultChecked={c.required !== false} />
              <label htmlFor="required">Verplicht voor goedkeuren</label>
            </div>
          </div>
          <button type="submit" className="button button-secondary">
            Criterium toevoegen
          </button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
