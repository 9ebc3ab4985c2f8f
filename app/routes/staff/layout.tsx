import { NavLink, Outlet, useParams, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { requireStaff } from "~/modules/auth/guard.server";
import { can, isPlatformAdmin } from "~/modules/auth/permissions";
import { CsrfInput, type StaffContext } from "~/modules/auth/staff-context";
import { listMunicipalities } from "~/modules/municipality/municipality.server";
import { canAnywhere } from "~/modules/appointments/access";

export async function loader({ request }: LoaderFunctionArgs): Promise<StaffContext> {
  const session = await requireStaff(request);
  const all = await listMunicipalities(getDb());
  const mine = isPlatformAdmin(session.assignments) ? all : all.filter((m) => session.assignments.some((a) => a.municipalityId === m.id));
  return {
    user: session.user,
    csrfToken: session.csrfToken,
    assignments: session.assignments,
    municipalities: mine.map((m) => ({ id: m.id, slug: m.slug, name: m.name })),
  };
}

export default function StaffLayout({ loaderData }: { loaderData: StaffContext }) {
  const params = useParams();
  const current = loaderData.municipalities.find((m) => m.slug === params.municipality);
  const target = current ? { municipalityId: current.id } : null;
  const allowed = (permission: Parameters<typeof can>[1]) => (target ? can(loaderData.assignments, permission, target) : false);
  // One-to-one help (issue 3): help.desk and help.insights are scoped to a point or organisation; the pages check each one.
  const roleHere = (...roles: string[]) =>
    Boolean(current) && loaderData.assignments.some((a) => a.role === "platform_admin" || (a.municipalityId === current?.id && roles.includes(a.role)));
  const helpDesk = roleHere("coordinator", "organization_manager", "digihelper");
  const insights = roleHere("coordinator", "service_owner");
  return (
    <>
      <a className="skip-link" href="#main">
        Ga naar de inhoud
      </a>
      <header className="staff-header">
        <div className="container header-row">
          <NavLink to="/beheer" className="brand" end>
            Digibrug <span className="brand-city">beheer{current ? ` · ${current.name}` : ""}</span>
          </NavLink>
          <nav aria-label="Account" className="staff-nav">
            <ul>
              <li>
                <NavLink to="/beheer/account">{loaderData.user.name}</NavLink>
              </li>
              <li>
                <form method="post" action="/beheer/uitloggen">
                  <CsrfInput />
                  <button type="submit" className="button button-secondary">
                    Uitloggen
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </div>
        {current ? (
          <div className="container">
            <nav aria-label="Beheer" className="staff-nav">
              <ul>
                {allowed("staff.access") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/overzicht`}>Overzicht</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to={`/beheer/${current.slug}/punten`}>Hulppunten</NavLink>
                </li>
                <li>
                  <NavLink to={`/beheer/${current.slug}/organisaties`}>Organisaties</NavLink>
                </li>
                {allowed("offer.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/import`}>Importeren en exporteren</NavLink>
                  </li>
                ) : null}
                {allowed("learning.view") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/cursussen`}>Cursussen</NavLink>
                  </li>
                ) : null}
                {allowed("learning.teach") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/sessies`}>Lessen</NavLink>
                  </li>
                ) : null}
                {allowed("learning.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/scholen`}>Scholen</NavLink>
                  </li>
                ) : null}
                {allowed("learning.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/personeel`}>Personeel</NavLink>
                  </li>
                ) : null}
                {/* One-to-one help (issue 3) */}
                {current && canAnywhere(loaderData.assignments, "help.desk", current.id) ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/agenda`}>Agenda</NavLink>
                  </li>
                ) : null}
                {allowed("staff.access") && helpDesk ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/hulpvragen`}>Hulpvraag noteren</NavLink>
                  </li>
                ) : null}
                {allowed("help.manage") || roleHere("digihelper", "organization_manager") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/huisbezoeken`}>Huisbezoeken</NavLink>
                  </li>
                ) : null}
                {allowed("help.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/diensten`}>Diensten</NavLink>
                  </li>
                ) : null}
                {insights ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/inzichten`}>Inzichten</NavLink>
                  </li>
                ) : null}
                {allowed("help.refer") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/doorverwijzingen`}>Doorverwijzingen</NavLink>
                  </li>
                ) : null}
                {allowed("privacy.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/privacy`}>Privacy</NavLink>
                  </li>
                ) : null}
                {/* Device bank (issue 5) */}
                {allowed("devices.apply") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/uitlenen/aanvragen`}>Uitlenen</NavLink>
                  </li>
                ) : null}
                {allowed("devices.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/uitlenen/instellingen`}>Regels uitlenen</NavLink>
                  </li>
                ) : null}
                {allowed("devices.view") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/toestellen`}>Toestellen</NavLink>
                  </li>
                ) : null}
                {allowed("devices.manage") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/schenkingen`}>Schenkingen</NavLink>
                  </li>
                ) : null}
                {allowed("messages.view") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/berichten`}>Berichten</NavLink>
                  </li>
                ) : null}
                {allowed("audit.view") ? (
                  <li>
                    <NavLink to={`/beheer/${current.slug}/audit`}>Logboek</NavLink>
                  </li>
                ) : null}
                <li>
                  <a href={`/${current.slug}`}>Publieke site</a>
                </li>
              </ul>
            </nav>
          </div>
        ) : null}
      </header>
      <main id="main" className="container">
        <Outlet />
      </main>
    </>
  );
}
