/**
 * The resident's appointment page (secret link or code plus phone number): confirmation to print, cancel, move.
 * Plain forms that post back to the page they are on; `hidden` carries the code and phone number on the code route.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { CallUs } from "~/ui/call-us";
import { ErrorSummary, FieldError, SavedNotice } from "~/ui/form";
import { Icon } from "~/ui/icons";
import type { ManageOutcome, ManageView } from "./manage.server";
import { PhoneLink } from "~/ui/phone-link";

interface Props {
  view: ManageView;
  isNew?: boolean;
  done?: "cancelled" | "moved" | null;
  outcome?: ManageOutcome | null;
  /** Only on the secret-link page: the link itself (to keep) and the calendar file. */
  manageUrl?: string;
  icsHref?: string;
  hidden?: Record<string, string>;
}

function Hidden({ fields }: { fields?: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** One button that posts an intent back to the page (with the code and phone number on the code route). */
function IntentButton({ hidden, intent, className, children }: { hidden?: Record<string, string>; intent: string; className: string; children: React.ReactNode }) {
  return (
    <form method="post">
      <Hidden fields={hidden} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}

export function AppointmentManage({ view: v, isNew, done, outcome, manageUrl, icsHref, hidden }: Props) {
  const { t } = useTranslation();
  // "3 uur", "1 hour", "ساعتين": the number of hours with the noun in the right plural form of the language.
  const cutoff = t("appointments.manage.hours", { count: v.cutoffHours });
  const ctx = usePublicContext();
  const phone = v.phone ?? ctx.municipality.phone;
  const callLink = <PhoneLink phone={phone} />;
  const error = outcome?.kind === "error" ? outcome.error : null;
  const errors = error ? { [error === "chooseTime" || error === "full" || error === "already_booked" || error === "past" || error === "not_a_slot" ? "startsAt" : "manage"]: t(`appointments.manage.errors.${error}`) } : {};
  const moveDays = outcome?.kind === "move" ? outcome.days : outcome?.kind === "error" ? outcome.days : undefined;
  const active = v.status === "booked" && !v.past;

  if (outcome?.kind === "confirm-cancel") {
    const title = t("appointments.manage.confirmTitle");
    return (
      <div className="narrow">
        <title>{`${title} — Digibrug ${ctx.municipality.name}`}</title>
        <meta name="robots" content="noindex" />
        <h1>{title}</h1>
        <p className="lead">
          {v.what}, {v.when}
        </p>
        <p>{t("appointments.manage.confirmText")}</p>
        <div className="actions">
          <IntentButton hidden={hidden} intent="cancel" className="button button-danger">
            {t("appointments.manage.confirmYes")}
          </IntentButton>
          <IntentButton hidden={hidden} intent="view" className="button button-secondary">
            {t("appointments.manage.confirmNo")}
          </IntentButton>
        </div>
      </div>
    );
  }

  const heading = isNew ? t("appointments.manage.newTitle") : t("appointments.manage.title");
  return (
    <div className="narrow registration">
      <title>{`${error ? `${t("form.errorPrefix")} ` : ""}${heading} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      <SavedNotice message={done ? t(`appointments.manage.done.${done}`) : null} />
      {!isNew ? (
        <p className="lead">
          <strong>{t(`appointments.manage.status.${v.status}`)}</strong>
        </p>
      ) : null}
      <FieldError id="manage" message={errors.manage} />

      {v.status === "booked" ? (
        <section className="code-box" aria-labelledby="code-title">
          <h2 id="code-title">{t("appointments.manage.code")}</h2>
          <p className="registration-code">
            <bdi dir="ltr">{v.code}</bdi>
          </p>
          <p className="hint">{t("appointments.manage.codeHint")}</p>
          {isNew && manageUrl ? (
            <>
              <p>{t("appointments.manage.keepLink")}</p>
              <p className="manage-link">
                <a href={manageUrl} dir="ltr">
                  {manageUrl}
                </a>
              </p>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("appointments.manage.details")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("appointments.what")}</dt>
            <dd>{v.what}</dd>
          </div>
          <div>
            <dt>{t("appointments.when")}</dt>
            <dd>
              <strong>{v.when}</strong>
            </dd>
          </div>
          <div>
            <dt>{t("appointments.where")}</dt>
            <dd>
              <Link to={publicHref(ctx, `/punt/${v.pointId}`)}>{v.pointName}</Link>
              <br />
              {v.pointAddress}
            </dd>
          </div>
          {v.name ? (
            <div>
              <dt>{t("appointments.manage.name")}</dt>
              <dd>{v.name}</dd>
            </div>
          ) : null}
        </dl>
        {active && icsHref ? (
          <p className="no-print">
            <a href={icsHref} download>
              <Icon name="clock" size={20} /> {t("appointments.manage.calendar")}
            </a>
          </p>
        ) : null}
      </section>

      {isNew && v.status === "booked" ? (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("appointments.manage.next")}</h2>
          <ul>
            <li>{v.hasContact ? t("appointments.manage.nextMessage") : t("appointments.manage.nextNoMessage")}</li>
            {v.hasContact ? <li>{t("appointments.manage.nextReminder")}</li> : null}
            <li>{t("appointments.manage.nextBring")}</li>
            <li>{t("appointments.manage.nextCancel", { hours: cutoff })}</li>
          </ul>
          <p className="no-print">
            <button type="button" className="button button-secondary" data-print hidden>
              <Icon name="printer" size={20} /> {t("appointments.manage.print")}
            </button>
          </p>
        </section>
      ) : null}

      {active && v.changeable ? (
        <section className="no-print" aria-labelledby="change-title">
          <h2 id="change-title">{t("appointments.manage.changeTitle")}</h2>
          <p>{t("appointments.manage.changeUntil", { hours: cutoff })}</p>
          {moveDays ? (
            <form method="post" noValidate>
              <Hidden fields={hidden} />
              <input type="hidden" name="intent" value="move" />
              <fieldset className="field" id="startsAt" tabIndex={-1} aria-describedby={errors.startsAt ? "startsAt-error" : undefined}>
                <legend>{t("appointments.manage.moveLegend")}</legend>
                <FieldError id="startsAt" message={errors.startsAt} />
                {moveDays.length === 0 ? <p>{t("appointments.manage.moveNone")}</p> : null}
                {moveDays.map((day) => (
                  <fieldset key={day.date} className="field move-day">
                    <legend>{day.label}</legend>
                    <div className="radios time-radios">
                      {day.times.map((time) => (
                        <div className="radio" key={time.startsAt}>
                          <input type="radio" id={`time-${time.startsAt}`} name="startsAt" value={time.startsAt} />
                          <label htmlFor={`time-${time.startsAt}`}>
                            <bdi dir="ltr">{time.label}</bdi>
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </fieldset>
              {moveDays.length > 0 ? (
                <button type="submit" className="button">
                  {t("appointments.manage.moveSubmit")}
                </button>
              ) : null}
            </form>
          ) : (
            <div className="actions">
              <IntentButton hidden={hidden} intent="show-move" className="button button-secondary">
                {t("appointments.manage.move")}
              </IntentButton>
              <IntentButton hidden={hidden} intent="confirm-cancel" className="button button-secondary">
                {t("appointments.manage.cancel")}
              </IntentButton>
            </div>
          )}
        </section>
      ) : null}

      {active && !v.changeable ? (
        <p className="notice">
          {t("appointments.manage.tooLate", { hours: cutoff })} {callLink}
        </p>
      ) : null}

      {v.status === "cancelled" && v.typeId ? (
        <p>
          <Link to={`${publicHref(ctx, "/afspraak")}?type=${v.typeId}`} className="button">
            {t("appointments.manage.bookAgain")}
          </Link>
        </p>
      ) : null}

      <CallUs textKey="appointments.callUs" />
      <script src="/enhance.js" defer></script>
    </div>
  );
}
