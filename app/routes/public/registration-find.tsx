import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { findRegistrationInput } from "~/modules/learning/registration-schema";
import { findRegistrationByCode, issueManageLink } from "~/modules/learning/registration.server";
import { usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { fieldErrors } from "~/modules/offer/schema";
import { CallUs } from "~/ui/call-us";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
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
      <form method="post" noValidate>
        <div className="field">
          <label htmlFor="code">{t("registration.find.code")}</label>
          <p className="hint" id="code-hint">
            {t("registration.find.codeHint")}
          </p>
          <FieldError id="code" message={errors.code} />
          <input
            id="code"
            name="code"
            type="text"
            className="input-code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            dir="ltr"
            defaultValue={values.code}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy("code", { hint: true, error: errors.code })}
          />
        </div>
        <div className="field">
          <label htmlFor="contact">{t("registration.find.contact")}</label>
          <p className="hint" id="contact-hint">
            {t("registration.find.contactHint")}
          </p>
          <FieldError id="contact" message={errors.contact} />
          <input
            id="contact"
            name="contact"
            type="text"
            autoComplete="tel"
            spellCheck={false}
            dir="ltr"
            defaultValue={values.contact}
            aria-invalid={errors.contact ? true : undefined}
            aria-describedby={describedBy("contact", { hint: true, error: errors.contact })}
          />
        </div>
        <button type="submit" className="button">
          {t("registration.find.submit")}
        </button>
      </form>
      <CallUs textKey="registration.manage.callUs" />
    </div>
  );
}
