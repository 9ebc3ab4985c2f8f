import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { loginForm } from "~/modules/auth/schema";
import {
  cookieHeader,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  LOGIN_CSRF_COOKIE,
  logIn,
  newToken,
  readCookie,
  readSession,
  sameToken,
  SESSION_COOKIE,
} from "~/modules/auth/session.server";
import { DEMO_PASSWORD, DEMO_USERS } from "~/modules/demo/demo-data";
import { readConfig } from "~/server/config";
import { describedBy, ErrorSummary, FieldError, type FieldErrors } from "~/ui/form";

/** Only come back to a staff page of this site after logging in. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith("/beheer") && !value.startsWith("//") ? value : "/beheer";
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await readSession(getDb(), request)) throw redirect("/beheer");
  const csrf = readCookie(request, LOGIN_CSRF_COOKIE) ?? newToken();
  const demo = readConfig().demo;
  return data(
    {
      csrf,
      returnTo: safeReturnPath(new URL(request.url).searchParams.get("terug")),
      demoUsers: demo ? DEMO_USERS.map((u) => ({ email: u.email, role: u.role, municipality: u.municipality })) : [],
      demoPassword: demo ? DEMO_PASSWORD : null,
    },
    { headers: { "Set-Cookie": cookieHeader(request, LOGIN_CSRF_COOKIE, csrf, 3600) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!sameToken(String(form.get("csrf") ?? ""), readCookie(request, LOGIN_CSRF_COOKIE))) {
    return data({ errors: { form: "Dit formulier is verlopen. Probeer opnieuw." } as FieldErrors, email: String(form.get("email") ?? "") }, { status: 403 });
  }
  const parsed = loginForm.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ errors, email }, { status: 400 });
  }
  const result = await logIn(getDb(), parsed.data.email, parsed.data.password);
  if (!result.ok) {
    // One answer for a wrong password, an unknown address and a blocked account: a different answer for a blocked
    // account would tell a stranger which e-mail addresses have an account.
    const message = `Het e-mailadres of het wachtwoord klopt niet. Na ${MAX_FAILED_LOGINS} foute pogingen blijft een account ${LOCK_MINUTES} minuten dicht: wacht dan even en probeer opnieuw.`;
    return data({ errors: { email: message } as FieldErrors, email }, { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", cookieHeader(request, SESSION_COOKIE, result.token, 12 * 3600));
  headers.append("Set-Cookie", cookieHeader(request, LOGIN_CSRF_COOKIE, "", 0));
  throw redirect(safeReturnPath(String(form.get("returnTo") ?? "")), { headers });
}

export default function Login() {
  const { csrf, returnTo, demoUsers, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <main id="main" className="container narrow">
      <title>{`${Object.keys(errors).length ? "Fout: " : ""}Inloggen voor medewerkers — Digibrug`}</title>
      <h1>Inloggen voor medewerkers</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="field">
          <label htmlFor="email">E-mailadres</label>
          <FieldError id="email" message={errors.email} />
          <input id="email" name="email" type="email" autoComplete="username" defaultValue={actionData?.email ?? ""} aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy("email", { error: errors.email })} />
        </div>
        <div className="field">
          <label htmlFor="password">Wachtwoord</label>
          <FieldError id="password" message={errors.password} />
          <input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={errors.password ? true : undefined} aria-describedby={describedBy("password", { error: errors.password })} />
        </div>
        <button type="submit" className="button">
          Inloggen
        </button>
      </Form>
      {demoUsers.length > 0 ? (
        <section aria-labelledby="demo-logins" className="notice">
          <h2 id="demo-logins">Demo: inloggen als</h2>
          <p>
            Wachtwoord voor alle demo-accounts: <code>{demoPassword}</code>
          </p>
          <ul>
            {demoUsers.map((u) => (
              <li key={u.email}>
                <code>{u.email}</code> — {u.role}
                {u.municipality ? ` (${u.municipality})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
