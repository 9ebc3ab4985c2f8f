import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { findRegistrationInput } from "~/modules/learning/registration-schema";
import { findRegistrationByCode, issueManageLink } from "~/modules/learning/registration.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { fieldErrors } from "~/modules/offer/schema";
import { CallUs } from "~/ui/call-us";
import { CodeLookupForm } from "~/ui/code-lookup";
import { ErrorSummary, type FieldErrors } from "~/ui/form";
import type { Route } from "./+types/registration-find";

export async function loader({ params }: Route.LoaderArgs) {
  await requirePublicMunicipality(params);
  return null;
}

type ActionData = { values: { code: string; contact: string }; errors: FieldErrors };

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const form = await request.formData();
  const values = { code: String(form.get("code") ?? ""), contact: String(form.get("contact") ?? "") };
  const parsed = findRegistrationInput.safeParse(values);
  if (!parsed.success) return data<ActionData>({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const db = getDb();
  const found = await findRegistrationByCode(db, municipality.id, parsed.data.code, parsed.data.contact);
  // The same answer whether the code does not exist or the phone number or e-mail does not match.
  if (!found) return data<ActionData>({ values, errors: { code: "registration.find.notFound" } }, { status: 404 });
  // A link of its own: the links the person was sent keep working.
  const token = await issueManageLink(db, found.registration.id, "code");
  if (!token) return data<ActionData>({ values, errors: { code: "registration.find.notFound" } }, { status: 404 });
  throw redirect(`/${municipality.slug}/${lang}/inschrijving/${token}`, 303);
}

export default function RegistrationFind({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v, { phone: ctx.municipality.phone }) : v]),
  );
  const values = result?.values ?? { code: "", contact: "" };
  const title = t("registration.find.title");
  return (
    <div className="narrow">
      <title>{`${result ? `${t("form.errorPrefix")} ` : ""}${title} — Digibrug ${ctx.municipality.name}`}</title>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>{t("registration.find.intro")}</p>
      <CodeLookupForm prefix="registration.find" values={values} errors={errors} />
      <CallUs textKey="registration.manage.callUs" />
    </div>
  );
}
