import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { listMunicipalities } from "~/modules/municipality/municipality.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { hydrate: false };

export async function loader() {
  const rows = await listMunicipalities(getDb());
  return { municipalities: rows.map((m) => ({ slug: m.slug, name: m.name, language: m.defaultLanguage })) };
}

/** The instance's front door: one link per municipality it serves. Dutch first, with the other languages beside it. */
export default function Index({ loaderData }: { loaderData: Awaited<ReturnType<typeof loader>> }) {
  return (
    <main id="main" className="container narrow">
      <title>Digibrug</title>
      <h1>Digibrug</h1>
      <p className="lead">Gratis hulp bij digitale vragen in uw gemeente. Kies uw gemeente.</p>
      <p lang="fr">Aide gratuite pour vos questions numériques. Choisissez votre commune.</p>
      <p lang="en">Free help with digital questions. Choose your municipality.</p>
      <ul className="pillars">
        {loaderData.municipalities.map((m) => (
          <li key={m.slug}>
            <Link to={`/${m.slug}`} className="pillar">
              <span className="pillar-title">{m.name}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <a href="/beheer">Voor medewerkers</a>
      </p>
    </main>
  );
}
