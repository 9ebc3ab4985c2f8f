/**
 * Helpers for route tests that call loaders and actions directly, with a real session cookie. Not a test file.
 */
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { sessions } from "~/db/schema";
import type { StaffUser } from "~/modules/offer/test-fixtures";

export interface Outcome {
  status: number;
  location?: string | null;
  data?: unknown;
  response?: Response;
}

/** Run a loader or action the way React Router does: a thrown Response is the answer too. */
export async function run(fn: () => unknown): Promise<Outcome> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), response: result };
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: unknown; init?: { status?: number } };
      return { status: init?.status ?? 200, data };
    }
    return { status: 200, data: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), response: error };
    throw error;
  }
}

export const BASE = "http://localhost";

/** Loader/action arguments; route modules' generated types are not needed to call them. */
export const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as never;

/** A GET as this staff member (or anonymous). */
export const getAs = (path: string, user?: StaffUser | null) => new Request(BASE + path, { headers: user ? { cookie: user.cookie } : {} });

/** A form POST as this staff member, with the session's CSRF token unless `csrf: false`; anonymous when user is null. */
export async function postAs(
  db: Db,
  path: string,
  user: StaffUser | null,
  fields: Record<string, string | string[]>,
  options: { csrf?: boolean } = {},
): Promise<Request> {
  const body = new URLSearchParams();
  if (user && options.csrf !== false) {
    const [row] = await db.select({ csrf: sessions.csrfToken }).from(sessions).where(eq(sessions.userId, user.id));
    body.set("csrf", row.csrf);
  }
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return new Request(BASE + path, {
    method: "POST",
    headers: { ...(user ? { cookie: user.cookie } : {}), "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}
