import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { users } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { hashPassword } from "./password.server";
import { endAllSessions, logIn, MAX_FAILED_LOGINS, readSession, SESSION_COOKIE } from "./session.server";

let database: Database;
let passwordHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword("juist-wachtwoord");
});
afterAll(async () => {
  await database?.close();
});

async function makeUser(email: string) {
  const [user] = await database.db.insert(users).values({ email, name: "Test Helper", passwordHash }).returning();
  return user;
}

const requestWith = (token: string) => new Request("http://localhost/beheer", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe("staff login", () => {
  it("logs in with the right password, case-insensitive e-mail, and reads the session back", async () => {
    await makeUser("an@stad.be");
    const result = await logIn(database.db, " AN@stad.be ", "juist-wachtwoord");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await readSession(database.db, requestWith(result.token));
    expect(session?.user.email).toBe("an@stad.be");
    expect(session?.csrfToken).toHaveLength(43);
  });

  it("says the same for an unknown e-mail and a wrong password", async () => {
    await makeUser("bo@stad.be");
    expect(await logIn(database.db, "niemand@stad.be", "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn(database.db, "bo@stad.be", "fout")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account after repeated failures, even when the guesses arrive all at once", async () => {
    const user = await makeUser("cem@stad.be");
    const attempts = await Promise.all(Array.from({ length: 12 }, () => logIn(database.db, "cem@stad.be", "fout")));
    expect(attempts.every((a) => !a.ok)).toBe(true);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.failedLogins).toBeGreaterThanOrEqual(MAX_FAILED_LOGINS);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked: the right password does not open it now.
    expect(await logIn(database.db, "cem@stad.be", "juist-wachtwoord")).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a successful login resets the failure count", async () => {
    const user = await makeUser("dina@stad.be");
    await logIn(database.db, "dina@stad.be", "fout");
    await logIn(database.db, "dina@stad.be", "fout");
    expect((await logIn(database.db, "dina@stad.be", "juist-wachtwoord")).ok).toBe(true);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.failedLogins).toBe(0);
  });

  it("'log out everywhere' ends every session of the person and no one else's", async () => {
    await makeUser("eva@stad.be");
    await makeUser("fien@stad.be");
    const phone = await logIn(database.db, "eva@stad.be", "juist-wachtwoord");
    const desk = await logIn(database.db, "eva@stad.be", "juist-wachtwoord");
    const other = await logIn(database.db, "fien@stad.be", "juist-wachtwoord");
    if (!phone.ok || !desk.ok || !other.ok) throw new Error("login failed");
    await endAllSessions(database.db, phone.userId);
    expect(await readSession(database.db, requestWith(phone.token))).toBeNull();
    expect(await readSession(database.db, requestWith(desk.token))).toBeNull();
    expect(await readSession(database.db, requestWith(other.token))).not.toBeNull();
  });

  it("ignores a made-up session cookie", async () => {
    expect(await readSession(database.db, requestWith("verzonnen"))).toBeNull();
  });
});
