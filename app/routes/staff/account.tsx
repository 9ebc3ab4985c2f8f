import { Form, redirect, type ActionFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { readStaffForm, requireStaff } from "~/modules/auth/guard.server";
import { CsrfInput, useStaffContext } from "~/modules/auth/staff-context";
import { cookieHeader, endAllSessions, SESSION_COOKIE } from "~/modules/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireStaff(request);
  await readStaffForm(request, session);
  await endAllSessions(getDb(), session.user.id);
  throw redirect("/beheer/inloggen", { headers: { "Set-Cookie": cookieHeader(request, SESSION_COOKIE, "", 0) } });
}

export default function Account() {
  const { user } = useStaffContext();
  return (
    <>
      <title>Mijn account — Digibrug beheer</title>
      <h1>Mijn account</h1>
      <p>
        {user.name} — {user.email}
      </p>
      <h2>Overal uitloggen</h2>
      <p>Bent u uw telefoon kwijt, of logde u in op een computer van iemand anders? Log dan overal uit. U moet daarna op elk toestel opnieuw inloggen.</p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button button-danger">
          Overal uitloggen
        </button>
      </Form>
    </>
  );
}
