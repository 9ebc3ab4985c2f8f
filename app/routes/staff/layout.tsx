import { Link, NavLink, Outlet, useLocation, useParams, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { requireStaff } from "~/modules/auth/guard.server";
import { isPlatformAdmin } from "~/modules/auth/permissions";
import { CsrfInput, type StaffContext } from "~/modules/auth/staff-context";
import { listMunicipalities } from "~/modules/municipality/municipality.server";
import { accessFor, staffNavigation } from "./staff-sections";

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
  const { pathname } = useLocation();
  const navigation = current ? staffNavigation(accessFor(loaderData.assignments, current.id), current.slug, pathname) : null;
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
              {current ? (
                <li>
                  <a href={`/${current.slug}`}>Publieke site</a>
                </li>
              ) : null}
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
        {/* The navigation in sections: the pages, their labels and permission checks are in ./staff-sections.ts. */}
        {navigation && navigation.sections.length > 0 ? (
          <div className="container">
            <nav aria-label="Onderdelen" className="section-nav">
              <ul>
                {navigation.sections.map((section) => (
                  <li key={section.id}>
                    <Link to={section.href} aria-current={section.current ? "true" : undefined}>
                      {section.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        ) : null}
        {navigation?.current ? (
          <div className="page-nav-band">
            <div className="container">
              <nav aria-label={navigation.current.label} className="page-nav">
                <ul>
                  {navigation.current.pages.map((page) => (
                    <li key={page.href}>
                      <Link to={page.href} aria-current={page.current ? "page" : undefined}>
                        {page.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        ) : null}
      </header>
      <main id="main" className="container">
        <Outlet />
      </main>
    </>
  );
}
