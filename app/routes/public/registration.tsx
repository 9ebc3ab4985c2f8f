import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { translated } from "~/i18n/languages";
import { sessionWhen } from "~/modules/learning/display.server";
import { formatDateTime } from "~/modules/learning/registration-format";
import { acceptOffer, cancelRegistration, findRegistrationByToken } from "~/modules/learning/registration.server";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { CallUs } from "~/ui/call-us";
import { LinkGoneBoundary } from "~/ui/link-gone";
import { ErrorSummary } from "~/ui/form";
import { Icon } from "~/ui/icons";
import type { Route } from "./+types/registration";

const DONE = ["accepted", "cancelled", "left"] as const;
type Done = (typeof DONE)[number];

async function loadRegistration(params: Route.LoaderArgs["params"]) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const found = await findRegistrationByToken(getDb(), municipality.id, params.token ?? "");
  if (!found) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return { municipality, lang, found };
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const { lang, found } = await loadRegistration(params);
  const url = new URL(request.url);
  const done = url.searchParams.get("gedaan");
  const r = found.registration;
  const now = new Date();
  const place = found.place;
  return {
    token: params.token ?? "",
    // The confirmation after registering (also when staff open it to print for someone at the desk).
    isNew: url.searchParams.get("nieuw") === "1" && (r.status === "registered" || r.status === "waiting"),
    done: DONE.includes(done as Done) ? (done as Done) : null,
    status: r.status,
    position: found.position,
    code: r.code,
    name: r.name,
    hasContact: Boolean(r.phone || r.email),
    courseId: found.course.id,
    runId: found.run.id,
    title: translated(found.course.title, lang),
    sessions: found.sessions.map((s) => ({ id: s.id, ...sessionWhen(s.startsAt, s.endsAt, lang) })),
    place: place.name ? { name: place.name, address: `${place.street}, ${place.postcode} ${place.city}`, helpPointId: place.helpPointId } : null,
    venue: place.venue,
    online: found.course.mode === "online",
    offer:
      r.status === "offered" && r.offerExpiresAt
        ? { deadline: formatDateTime(r.offerExpiresAt, lang), expired: r.offerExpiresAt <= now }
        : null,
    offerHours: found.run.offerHours,
    manageUrl: `${appBaseUrl(request)}${url.pathname}`,
    certificate: r.status === "registered" && r.completedAt !== null,
    feedback: r.status === "registered" && found.finished && !r.feedbackGiven,
    registerAgain: (r.status === "cancelled" || r.status === "expired") && !found.started && !found.run.cancelled,
  };
}

type ActionData = { confirm?: true; error?: "expired" | "notOffered" | "full" | "notActive" };

export async function action({ params, request }: Route.ActionArgs) {
  const { municipality, lang, found } = await loadRegistration(params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/${municipality.slug}/${lang}/inschrijving/${params.token}`;
  const db = getDb();
  switch (intent) {
    case "confirm-cancel":
      if (!["registered", "waiting", "offered"].includes(found.registration.status)) return data<ActionData>({ error: "notActive" }, { status: 409 });
      return data<ActionData>({ confirm: true });
    case "cancel": {
      const result = await cancelRegistration(db, found.registration.id, new Date(), { baseUrl: appBaseUrl(request) });
      if (!result.ok) return data<ActionData>({ error: "notActive" }, { status: 409 });
      throw redirect(`${here}?gedaan=${result.previous === "registered" ? "cancelled" : "left"}`, 303);
    }
    case "accept": {
      const result = await acceptOffer(db, found.registration.id, new Date(), { baseUrl: appBaseUrl(request) });
      if (!result.ok) {
        const error = result.error === "expired" ? "expired" : result.error === "full" ? "full" : "notOffered";
        return data<ActionData>({ error }, { status: 409 });
      }
      throw redirect(`${here}?gedaan=accepted`, 303);
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
}

export default function RegistrationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  const r = loaderData;
  const result = actionData as ActionData | undefined;
  const active = r.status === "registered" || r.status === "waiting" || r.status === "offered";
  const cancelsPlace = r.status === "registered";
  const errors = result?.error ? { form: t(`registration.manage.errors.${result.error}`) } : {};

  if (result?.confirm && active) {
    const title = t("registration.manage.confirmTitle");
    return (
      <div className="narrow">
        <title>{`${title} — ${r.title} — Digibrug ${ctx.municipality.name}`}</title>
        <meta name="robots" content="noindex" />
        <h1>{title}</h1>
        <p className="lead">{r.title}</p>
        <p>{cancelsPlace ? t("registration.manage.confirmCancelText") : t("registration.manage.confirmLeaveText")}</p>
        <form method="post" className="actions">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button button-danger">
            {cancelsPlace ? t("registration.manage.confirmCancelYes") : t("registration.manage.confirmLeaveYes")}
          </button>
          <a href="?" className="button button-secondary">
            {t("registration.manage.confirmNo")}
          </a>
        </form>
      </div>
    );
  }

  const heading = r.isNew
    ? r.status === "waiting"
      ? t("registration.manage.newWaiting")
      : t("registration.manage.newRegistered")
    : t("registration.manage.title");
  const place = r.place ? (
    <>
      {r.place.helpPointId ? <Link to={publicHref(ctx, `/punt/${r.place.helpPointId}`)}>{r.place.name}</Link> : r.place.name}
      <br />
      {r.place.address}
    </>
  ) : (
    (r.venue ?? (r.online ? t("registration.register.online") : ""))
  );

  return (
    <div className="narrow registration">
      <title>{`${result?.error ? `${t("form.errorPrefix")} ` : ""}${heading} — ${r.title} — Digibrug ${ctx.municipality.name}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      {r.done ? (
        <div className="success" role="status">
          <p>{t(`registration.manage.done.${r.done}`)}</p>
        </div>
      ) : null}

      {r.isNew && r.status === "waiting" && r.position ? <p className="lead">{t("registration.manage.newWaitingPosition", { position: r.position })}</p> : null}
      {!r.isNew ? (
        <p className="lead">
          <strong>{t(`registration.manage.status.${r.status}`, { position: r.position ?? "" })}</strong>
        </p>
      ) : null}
      {!r.isNew && r.status === "waiting" ? <p>{t("registration.manage.nextWaiting", { hours: r.offerHours })}</p> : null}

      {r.offer ? (
        r.offer.expired ? (
          <p className="notice">{t("registration.manage.errors.expired")}</p>
        ) : (
          <section className="offer" aria-labelledby="offer-title">
            <h2 id="offer-title">{r.title}</h2>
            <p>{t("registration.manage.offerDeadline", { deadline: r.offer.deadline })}</p>
            <form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="button button-large">
                {t("registration.manage.accept")}
              </button>
            </form>
          </section>
        )
      ) : null}

      {active ? (
        <section className="code-box" aria-labelledby="code-title">
          <h2 id="code-title">{t("registration.manage.code")}</h2>
          <p className="registration-code">
            <bdi dir="ltr">{r.code}</bdi>
          </p>
          <p className="hint">{t("registration.manage.codeHint")}</p>
          {r.isNew ? (
            <>
              <p>{t("registration.manage.keepLink")}</p>
              <p className="manage-link">
                <a href={r.manageUrl} dir="ltr">
                  {r.manageUrl}
                </a>
              </p>
            </>
          ) : null}
        </section>
      ) : null}

      {r.isNew ? (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t("registration.manage.next")}</h2>
          <ul>
            <li>{r.hasContact ? t("registration.manage.nextMessage") : t("registration.manage.nextNoMessage")}</li>
            {r.status === "waiting" ? (
              <li>{t("registration.manage.nextWaiting", { hours: r.offerHours })}</li>
            ) : (
              <>
                {r.hasContact ? <li>{t("registration.manage.nextReminder")}</li> : null}
                <li>{t("registration.manage.nextCancel")}</li>
              </>
            )}
          </ul>
          <p className="no-print">
            <button type="button" className="button button-secondary" data-print hidden>
              <Icon name="printer" size={20} /> {t("registration.manage.print")}
            </button>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("registration.manage.details")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("registration.manage.course")}</dt>
            <dd>
              <Link to={publicHref(ctx, `/cursussen/${r.courseId}`)}>{r.title}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("registration.manage.name")}</dt>
            <dd>{r.name}</dd>
          </div>
          <div>
            <dt>{t("registration.manage.sessions")}</dt>
            <dd>
              <ul className="plain-list">
                {r.sessions.map((s) => (
                  <li key={s.id}>
                    <Icon name="clock" size={20} /> {s.day}, {s.from} – {s.to}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t("registration.manage.place")}</dt>
            <dd>{place}</dd>
          </div>
        </dl>
        {r.status === "registered" && r.sessions.length > 0 ? (
          <p className="no-print">
            <a href={publicHref(ctx, `/inschrijving/${r.token}/agenda`)} download>
              <Icon name="clock" size={20} /> {t("registration.manage.calendar")}
            </a>
            <br />
            <span className="hint">{t("registration.manage.calendarHint")}</span>
          </p>
        ) : null}
      </section>

      {r.certificate || r.feedback ? (
        <section aria-labelledby="after-title">
          <h2 id="after-title">{t("registration.manage.afterCourse")}</h2>
          <ul>
            {r.certificate ? (
              <li>
                <a href={publicHref(ctx, `/inschrijving/${r.token}/getuigschrift`)}>{t("registration.manage.certificate")}</a>
              </li>
            ) : null}
            {r.feedback ? (
              <li>
                <Link to={publicHref(ctx, `/inschrijving/${r.token}/feedback`)}>{t("registration.manage.feedback")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {active ? (
        <form method="post" className="no-print">
          <input type="hidden" name="intent" value="confirm-cancel" />
          <button type="submit" className="button button-secondary">
            {r.status === "registered" ? t("registration.manage.cancel") : r.status === "offered" ? t("registration.manage.declineOffer") : t("registration.manage.leave")}
          </button>
        </form>
      ) : null}

      {r.registerAgain ? (
        <p>
          <Link to={publicHref(ctx, `/cursussen/${r.courseId}/inschrijven/${r.runId}`)} className="button">
            {t("registration.manage.registerAgain")}
          </Link>
        </p>
      ) : null}

      <CallUs textKey="registration.manage.callUs" />
      <script src="/enhance.js" defer></script>
    </div>
  );
}

/** An unknown or mistyped link: a 404 that points to finding the registration by its code. */
export function ErrorBoundary() {
  return <LinkGoneBoundary prefix="registration.manage.linkGone" findPath="/inschrijving" callUsKey="registration.manage.callUs" />;
}
