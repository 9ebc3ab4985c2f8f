import { data, redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { findAppointmentByToken } from "~/modules/appointments/appointments.server";
import { handleManageIntent, manageView, type ManageOutcome } from "~/modules/appointments/manage.server";
import { AppointmentManage } from "~/modules/appointments/manage-view";
import { appBaseUrl } from "~/modules/shared/secrets.server";
import { publicHref, usePublicContext } from "~/modules/municipality/public-context";
import { requirePublicMunicipality } from "~/modules/municipality/public.server";
import { LinkGoneBoundary } from "~/ui/link-gone";
import type { Route } from "./+types/appointment";

const DONE = ["cancelled", "moved"] as const;
type Done = (typeof DONE)[number];

async function load(params: Route.LoaderArgs["params"]) {
  const { municipality, lang } = await requirePublicMunicipality(params);
  const found = await findAppointmentByToken(getDb(), municipality.id, params.token ?? "");
  if (!found) throw new Response("Not found", { status: 404, statusText: "Not found" });
  return { municipality, lang, found };
}

/** The appointment behind a secret link: the confirmation to print, and cancel or move until the cut-off. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const { lang, found } = await load(params);
  const url = new URL(request.url);
  const done = url.searchParams.get("gedaan");
  return {
    view: manageView(found, lang),
    isNew: url.searchParams.get("nieuw") === "1" && found.appointment.status === "booked",
    done: DONE.includes(done as Done) ? (done as Done) : null,
    manageUrl: `${appBaseUrl(request)}${url.pathname}`,
    token: params.token ?? "",
  };
}

export async function action({ params, request }: Route.ActionArgs) {
  const { municipality, lang, found } = await load(params);
  const form = await request.formData();
  const outcome = await handleManageIntent(getDb(), found, form, lang, appBaseUrl(request));
  const here = `/${municipality.slug}/${lang}/afspraak/${params.token}`;
  if (!outcome) throw redirect(here, 303);
  if (outcome.kind === "done") throw redirect(`${here}?gedaan=${outcome.done}`, 303);
  return data<ManageOutcome>(outcome, { status: outcome.kind === "error" ? 409 : 200 });
}

export default function AppointmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const ctx = usePublicContext();
  return (
    <AppointmentManage
      view={loaderData.view}
      isNew={loaderData.isNew}
      done={loaderData.done}
      outcome={actionData as ManageOutcome | undefined}
      manageUrl={loaderData.manageUrl}
      icsHref={publicHref(ctx, `/afspraak/${loaderData.token}/agenda.ics`)}
    />
  );
}

/** An unknown or mistyped link: a 404 that points to finding the appointment by its code. */
export function ErrorBoundary() {
  return <LinkGoneBoundary prefix="appointments.manage.linkGone" findPath="/afspraak/zoeken" callUsKey="appointments.callUs" />;
}
