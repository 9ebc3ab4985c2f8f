import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { getDb } from "~/db/client.server";
import { findAppointmentByCode } from "~/modules/appointments/appointments.server";
import { handleManageIntent, manageView, type ManageOutcome, type ManageView } from "~/modules/appointments/manage.server";
import { AppointmentManage } from "~/modules/appointments/manage-view";
import { findAppointmentInput } from "~/modules/appointments/schema";
import { fieldErrors } from "~/modules/offer/schema";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { CallUs } from "~/ui/call-us";
import { CodeLookupForm } from "~/ui/code-lookup";
import { ErrorSummary, type FieldErrors } from "~/ui/form";
import type { Route } from "./+types/appointment-find";

export async function loader({ params }: Route.LoaderArgs) {
  await requirePublicMunicipality(params);
  return null;
}

type ActionData =
  | { found: false; values: { code: string; contact: string }; errors: FieldErrors }
  | { found: true; view: ManageView; outcome: ManageOutcome | null; done: "cancelled" | "moved" | null; hidden: Record<string, string> };

/**
 * Find an appointment with its code and the phone number or e-mail it was booked with. The page then shows the
 * appointment; its forms post back here with the code and number, so nothing about the person is in an address.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const form = await request.formData();
  const values = { code: String(form.get("code") ?? ""), contact: String(form.get("contact") ?? "") };
  const parsed = findAppointmentInput.safeParse(values);
  if (!parsed.success) return data<ActionData>({ found: false, values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const db = getDb();
  const found = await findAppointmentByCode(db, municipality.id, parsed.data.code, parsed.data.contact);
  // The same answer whether the code does not exist or the phone number or e-mail does not match.
  if (!found) return data<ActionData>({ found: false, values, errors: { code: "appointments.find.notFound" } }, { status: 404 });
  const hidden = { code: parsed.data.code, contact: parsed.data.contact };
  const outcome = await handleManageIntent(db, found, form, lang, appBaseUrl(request));
  if (outcome?.kind === "done") {
    const again = await findAppointmentByCode(db, municipality.id, parsed.data.code, parsed.data.contact);
    return data<ActionData>({ found: true, view: manageView(again ?? found, lang), outcome: null, done: outcome.done, hidden });
  }
  return data<ActionData>({ found: true, view: manageView(found, lang), outcome, done: null, hidden }, { status: outcome?.kind === "error" ? 409 : 200 });
}

export default function AppointmentFind({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const result = actionData as ActionData | undefined;
  if (result?.found) return <AppointmentManage view={result.view} outcome={result.outcome} done={result.done} hidden={result.hidden} />;
  const errors: FieldErrors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]));
  const values = result?.values ?? { code: "", contact: "" };
  const title = t("appointments.find.title");
  return (
    <div className="narrow">
      <title>{`${result ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>{t("appointments.find.intro")}</p>
      <CodeLookupForm prefix="appointments.find" values={values} errors={errors} />
      <CallUs textKey="appointments.callUs" />
    </div>
  );
}
