import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { direction } from "~/i18n/languages";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { getHomeVisit, letterTexts, recordHomeVisitView } from "~/modules/home-visits/home-visits.server";
import styles from "~/ui/help-log.css?url";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/home-visit-letter";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A letter to print and post (A4): the day and time, the helper's first name, the phone to call, in the resident's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "help.manage");
  const db = getDb();
  const visit = await getHomeVisit(db, municipality.id, params.visitId ?? "");
  if (!visit || visit.erasedAt) throw new Response("Huisbezoek niet gevonden", { status: 404 });
  if (visit.status !== "planned" || !visit.scheduledAt)
    throw new Response("Plan het huisbezoek eerst: de brief noemt de dag, het uur en de digihelper.", { status: 409 });
  await recordHomeVisitView(db, municipality.id, visit.id, { id: session.user.id, email: session.user.email }, "letter");
  const text = letterTexts(visit, visit.helperName, {
    name: municipality.name,
    phone: municipality.phone,
  });
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    id: visit.id,
    dir: direction(text.lang),
    address: {
      name: visit.residentName,
      street: visit.address,
      postcode: visit.postcode,
    },
    text,
  };
}

export default function HomeVisitLetter({ loaderData }: Route.ComponentProps) {
  const { municipality, id, dir, address, text } = loaderData;
  return (
    <>
      <title>{`Brief huisbezoek — ${municipality.name} — Digibrug beheer`}</title>
      <div className="no-print">
        <p>
          <Link to={`/beheer/${municipality.slug}/huisbezoeken/${id}`}>Terug naar het huisbezoek</Link>
        </p>
        <p className="hint">Druk deze pagina af met de afdrukknop van uw browser (Ctrl+P), op A4. Het adres past in het venster van een envelop.</p>
      </div>
      <article className="letter" lang={text.lang} dir={dir}>
        <address>
          {address.name}
          <br />
          {address.street}
          <br />
          {address.postcode}
        </address>
        <h1>{text.title}</h1>
        <p>{text.greeting}</p>
        <p>{text.intro}</p>
        <dl>
          <dt>{text.whenLabel}</dt>
          <dd>{text.when}</dd>
          <dt>{text.whoLabel}</dt>
          <dd>{text.who}</dd>
          <dt>{text.codeLabel}</dt>
          <dd className="letter-code">
            <bdi dir="ltr">{text.code}</bdi>
          </dd>
        </dl>
        <p>{text.prepare}</p>
        <p>
          <strong>{text.change}</strong>
        </p>
        <p>{text.closing}</p>
        <p>{municipality.name}</p>
      </article>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
