import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { roleAssignments, sessions, users } from "~/db/schema";
import { hashPassword, verifyPassword } from "./password.server";
import type { Assignment } from "./permissions";

export const SESSION_COOKIE = "digibrug_session";
export const LOGIN_CSRF_COOKIE = "digibrug_login_csrf";
const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

export function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function cookieHeader(request: Request, name: string, value: string, maxAgeSeconds: number): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

let dummyHash: string | undefined;

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: Date };

/**
 * Check e-mail and password. Repeated failures lock the account for a while; the counter is
 * updated in one statement so parallel guesses cannot skip the lock.
 */
export async function logIn(db: Db, email: string, password: string): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  if (!user) {
    // Spend comparable time so response timing does not reveal which e-mail addresses exist.
    dummyHash ??= await hashPassword(newToken());
    await verifyPassword(dummyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const [updated] = await db
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE ${users.lockedUntil} END`,
      })
      .where(eq(users.id, user.id))
      .returning({ lockedUntil: users.lockedUntil });
    if (updated?.lockedUntil && updated.lockedUntil > new Date()) return { ok: false, reason: "locked", lockedUntil: updated.lockedUntil };
    return { ok: false, reason: "invalid" };
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const token = await createSession(db, user.id);
  return { ok: true, token, userId: user.id };
}

export async function createSession(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600 * 1000),
  });
  return token;
}

export interface StaffSession {
  tokenHash: string;
  csrfToken: string;
  user: { id: string; email: string; name: string };
  assignments: Assignment[];
}

export async function readSession(db: Db, request: Request): Promise<StaffSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken, id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const assignments = await db
    .select({
      role: roleAssignments.role,
      municipalityId: roleAssignments.municipalityId,
      organizationId: roleAssignments.organizationId,
      helpPointId: roleAssignments.helpPointId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, row.id));
  return { tokenHash, csrfToken: row.csrfToken, user: { id: row.id, email: row.email, name: row.name }, assignments };
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** "Log out everywhere": ends every session of the person, on every device. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
