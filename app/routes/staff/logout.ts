import { redirect, type ActionFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireStaff } from "~/modules/auth/guard.server";
import { cookieHeader, endSession, SESSION_COOKIE } from "~/modules/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireStaff(request);
  await readStaffForm(request, session);
  await endSession(getDb(), session.tokenHash);
  throw redirect("/beheer/inloggen", { headers: { "Set-Cookie": cookieHeader(request, SESSION_COOKIE, "", 0) } });
}

export function loader() {
  throw redirect("/beheer");
}
