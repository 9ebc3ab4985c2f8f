import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { isLanguage, translated, type Language } from "~/i18n/languages";
import { bookAppointment, freeSlots, loadTypeContext, nextFreeSlots, type FreeSlot, type TypeContext } from "~/modules/appointments/appointments.server";
import { bookingSchema, bookingValuesFromForm, type BookingFormValues } from "~/modules/appointments/schema";
import { checkSlot } from "~/modules/appointments/slots";
import { formatDateTime } from "~/modules/learning/registration-format";
import { formatSlotWhen } from "~/modules/appointments/manage.server";
import { fieldErrors } from "~/modules/offer/schema";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { CallUs } from "~/ui/call-us";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";
import { MessageLanguageField, ResidentContactFields } from "~/ui/resident-fields";
import type { Route } from "./+types/appointment-book";

async function loadType(params: Route.LoaderArgs["params"], typeId: string) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const ctx = await loadTypeContext(getDb(), typeId);
  if (!ctx || ctx.municipalityId !== municipality.id || !ctx.active || !ctx.pointActive) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return { municipality, lang, ctx };
}

const nextTimes = (slots: FreeSlot[], lang: Language) =>
  slots.map((s) => ({ startsAt: s.startsAt.toISOString(), label: formatDateTime(s.startsAt, lang) }));

function typeSummary(ctx: TypeContext, lang: Language) {
  return {
    id: ctx.id,
    name: translated(ctx.name, lang),
    duration: ctx.rules.durationMinutes,
    pointId: ctx.helpPointId,
    pointName: ctx.pointName,
    pointAddress: ctx.pointAddress,
  };
}

/** Whether the time in the address is a free slot now; else the next free times. */
async function timeState(ctx: TypeContext, raw: string, lang: Language) {
  const now = new Date();
  const startsAt = new Date(raw);
  const check = checkSlot(ctx.rules, ctx.blocks, ctx.exceptions, startsAt, now);
  if (check.ok) {
    const [slot] = await freeSlots(getDb(), ctx, now, { from: check.slot.date, days: 1, includeFull: true }).then((all) =>
      all.filter((s) => s.startsAt.getTime() === startsAt.getTime()),
    );
    if (slot && slot.free > 0) {
      return { ok: true as const, startsAt: startsAt.toISOString(), when: formatSlotWhen(startsAt, slot.endsAt, lang) };
    }
  }
  const error = check.ok ? "full" : check.error;
  return { ok: false as const, error, next: nextTimes(await nextFreeSlots(getDb(), ctx, Number.isNaN(startsAt.getTime()) ? now : startsAt, now), lang) };
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const { municipality, lang, ctx } = await loadType(params, url.searchParams.get("type") ?? "");
  return {
    type: typeSummary(ctx, lang),
    time: await timeState(ctx, url.searchParams.get("tijd") ?? "", lang),
    languages: municipality.languages.filter(isLanguage),
  };
}

type ActionData = { values: BookingFormValues; errors: FieldErrors; next?: { startsAt: string; label: string }[]; when?: string };

/** The fields in the order of the form, so the error summary reads in the same order as the page. */
const FIELD_ORDER = ["startsAt", "name", "phone", "email", "language", "note"];
const inFormOrder = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));

/** "donderdag 26 november 2026, 11:00 – 11:30" for a time the form sent back (no check: the booking checks it). */
function whenLabel(raw: string, durationMinutes: number, lang: Language): string | undefined {
  const startsAt = new Date(raw);
  if (!raw || Number.isNaN(startsAt.getTime())) return undefined;
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return formatSlotWhen(startsAt, endsAt, lang);
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const { municipality, lang, ctx } = await loadType(params, String(form.get("type") ?? ""));
  const values = bookingValuesFromForm(form, lang);
  const parsed = bookingSchema({ mode: "public", languages: municipality.languages }).safeParse(values);
  if (!parsed.success) {
    // Keep what was typed; without a usable time, offer the next free ones in the form itself.
    const errors = fieldErrors(parsed.error);
    const next = errors.startsAt ? nextTimes(await nextFreeSlots(getDb(), ctx, new Date(), new Date()), lang) : undefined;
    return data<ActionData>({ values, errors, next, when: whenLabel(values.startsAt, ctx.rules.durationMinutes, lang) }, { status: 400 });
  }
  const input = parsed.data;
  const result = await bookAppointment(
    getDb(),
    {
      municipalityId: municipality.id,
      appointmentTypeId: ctx.id,
      startsAt: input.startsAt,
      name: input.name,
      phone: input.phone,
      email: input.email,
      language: input.language,
      note: input.note,
      channel: "online",
    },
    { baseUrl: appBaseUrl(request) },
  );
  if (!result.ok) {
    return data<ActionData>({ values, errors: { startsAt: `appointments.errors.${result.error}` }, next: nextTimes(result.nextFree, lang) }, { status: 409 });
  }
  const manageLang = municipality.languages.includes(input.language) ? input.language : lang;
  throw redirect(`/${municipality.slug}/${manageLang}/afspraak/${result.manageToken}?nieuw=1`, 303);
}

export default function AppointmentBook({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const { type, time, languages } = loaderData;
  const result = actionData as ActionData | undefined;
  const errors: FieldErrors = inFormOrder(Object.fromEntries(Object.entries(result?.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v])));
  const hasErrors = Object.values(errors).some(Boolean);
  const values: BookingFormValues = result?.values ?? { startsAt: time.ok ? time.startsAt : "", name: "", phone: "", email: "", language: ctx.lang, note: "" };
  const timesPage = `${publicHref(ctx, "/afspraak")}?type=${type.id}`;
  const bookHref = (startsAt: string) => `${publicHref(ctx, "/afspraak/boeken")}?type=${type.id}&tijd=${encodeURIComponent(startsAt)}`;
  const next = result?.next ?? (time.ok ? [] : time.next);
  const timeTaken = !time.ok || Boolean(errors.startsAt);
  // After a post: the time the form sent (it may be another one than in the address, chosen below).
  const when = result ? (errors.startsAt ? undefined : result.when) : time.ok ? time.when : undefined;
  // The time was just taken (or missing) after the resident filled in the form: they choose another free time
  // in the form, and what they typed stays.
  const pickTime = Boolean(result && errors.startsAt && next.length > 0);
  const title = t("appointments.book.title");

  const nextList =
    next.length > 0 ? (
      <>
        <p>{t("appointments.book.nextFree")}</p>
        <ul className="time-list">
          {next.map((n) => (
            <li key={n.startsAt}>
              <Link to={bookHref(n.startsAt)} className="time-link">
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </>
    ) : null;

  return (
    <div className="narrow">
      <title>{`${hasErrors || !time.ok ? `${t("form.errorPrefix")} ` : ""}${title} — ${type.name} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <p className="no-print">
        <Link to={timesPage}>{t("appointments.book.otherTime")}</Link>
      </p>
      <p className="step">{t("appointments.stepOf", { step: 4, total: 4 })}</p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <dl className="facts">
        <div>
          <dt>{t("appointments.what")}</dt>
          <dd>
            {type.name} ({t("appointments.duration", { minutes: type.duration })})
          </dd>
        </div>
        <div>
          <dt>{t("appointments.where")}</dt>
          <dd>
            <Link to={publicHref(ctx, `/punt/${type.pointId}`)}>{type.pointName}</Link>
            <br />
            {type.pointAddress}
          </dd>
        </div>
        <div>
          <dt id="startsAt" tabIndex={-1}>
            {t("appointments.when")}
          </dt>
          <dd>
            <FieldError id="startsAt" message={errors.startsAt} />
            {/* Booked already (the form was sent twice): the way to the booking they have. */}
            {result?.errors.startsAt === "appointments.errors.already_booked" ? (
              <p>
                <Link to={publicHref(ctx, "/afspraak/zoeken")}>{t("appointments.topic.haveOne")}</Link>
              </p>
            ) : null}
            {when ? <strong>{when}</strong> : null}
            {!time.ok && !result ? <p className="field-error">{t(`appointments.errors.${time.error}`)}</p> : null}
            {timeTaken && !when && !pickTime ? nextList : null}
          </dd>
        </div>
      </dl>

      {when || pickTime ? (
        <form method="post" noValidate aria-labelledby="form-title">
          <input type="hidden" name="type" value={type.id} />
          {pickTime ? (
            <fieldset className="field">
              <legend>{t("appointments.book.pickOther")}</legend>
              <div className="radios">
                {next.map((n, i) => (
                  <div className="radio" key={n.startsAt}>
                    <input type="radio" id={`startsAt-${i}`} name="startsAt" value={n.startsAt} />
                    <label htmlFor={`startsAt-${i}`}>{n.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ) : (
            <input type="hidden" name="startsAt" value={values.startsAt} />
          )}
          <h2 id="form-title">{t("appointments.book.formTitle")}</h2>
          <ResidentContactFields prefix="appointments.book" values={values} errors={errors} />

          <MessageLanguageField legend={t("appointments.book.language")} languages={languages} value={values.language} error={errors.language} fallback={ctx.lang} />

          <div className="field">
            <label htmlFor="note">{t("appointments.book.note")}</label>
            <p className="hint" id="note-hint">
              {t("appointments.book.noteHint")}
            </p>
            <FieldError id="note" message={errors.note} />
            <textarea
              id="note"
              name="note"
              rows={3}
              defaultValue={values.note}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={describedBy("note", { hint: true, error: errors.note })}
            />
          </div>
          <p className="hint">{t("appointments.book.privacy")}</p>
          <button type="submit" className="button">
            {t("appointments.book.submit")}
          </button>
        </form>
      ) : null}
      <CallUs textKey="appointments.callUs" />
    </div>
  );
}
