import { redirect } from "react-router";
import { getDb } from "~/db/client.server";
import { findMunicipality, type Municipality } from "~/modules/municipality/municipality.server";
import { can, type Permission, type Target } from "./permissions";
import { readSession, sameToken, type StaffSession } from "./session.server";

/** The signed-in staff member, or a redirect to the login page that comes back here afterwards. */
export async function requireStaff(request: Request): Promise<StaffSession> {
  const session = await readSession(getDb(), request);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/beheer/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

export function forbidden(): never {
  throw new Response("U hebt geen toegang tot deze pagina.", { status: 403, statusText: "Forbidden" });
}

export function requirePermission(session: StaffSession, permission: Permission, target: Target): void {
  if (!can(session.assignments, permission, target)) forbidden();
}

/** Staff page inside one municipality: 404 for an unknown one, 403 without the permission there. */
export async function requireMunicipalityStaff(
  request: Request,
  slug: string | undefined,
  permission: Permission,
): Promise<{ session: StaffSession; municipality: Municipality }> {
  const session = await requireStaff(request);
  const municipality = slug ? await findMunicipality(getDb(), slug) : null;
  if (!municipality) throw new Response("Gemeente niet gevonden", { status: 404 });
  requirePermission(session, permission, { municipalityId: municipality.id });
  return { session, municipality };
}

/** Form data of a staff POST, after checking the session's CSRF token. */
export async function readStaffForm(request: Request, session: StaffSession): Promise<FormData> {
  const form = await request.formData();
  if (!sameToken(String(form.get("csrf") ?? ""), session.csrfToken)) {
    throw new Response("Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.", { status: 403 });
  }
  return form;
}
