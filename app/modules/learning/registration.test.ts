import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import {
  auditLog,
  courseRuns,
  courseSessions,
  outbox,
  registrationLinks,
  registrations,
  users,
} from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import { registrationSchema } from "./registration-schema";
import {
  acceptOffer,
  cancelRegistration,
  expireOffers,
  findRegistrationByCode,
  findRegistrationByToken,
  issueManageLink,
  listRunRegistrations,
  moveRegistration,
  registerForRun,
  sendCourseReminders,
  waitingPosition,
  type RegistrationInput,
} from "./registration.server";
import { contactKey, newCode } from "~/modules/shared/secrets.server";
import { seedLearningFixture, type LearningFixture } from "./test-fixtures";

let database: Database;
let f: LearningFixture;
let actor: { id: string; email: string };
const BASE = "https://digibrug.test";
const HOUR = 3600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedLearningFixture(database.db);
  const [user] = await database.db
    .insert(users)
    .values({ email: "balie@antwerpen.test", name: "Balie", passwordHash: "x" })
    .returning();
  actor = { id: user.id, email: user.email };
}, 60_000);
afterAll(async () => {
  await database?.close();
});

/** Each test starts from empty lists on the fixture's runs. */
beforeEach(async () => {
  const db = database.db;
  await db.delete(registrations);
  await db.delete(outbox);
  await db
    .update(courseRuns)
    .set({
      registeredCount: 0,
      capacity: sql`case when ${courseRuns.id} = ${f.run} then 2 else ${courseRuns.capacity} end`,
    });
});

const person = (i: number, runId = f.run): RegistrationInput => ({
  runId,
  municipalityId: f.offer.antwerpen.id,
  name: `Persoon ${i}`,
  phone: `0470 00 ${String(Math.floor(i / 100)).padStart(2, "0")} ${String(i % 100).padStart(2, "0")}`,
  language: "nl",
});

async function runCount(runId: string) {
  const [run] = await database.db
    .select({ count: courseRuns.registeredCount })
    .from(courseRuns)
    .where(eq(courseRuns.id, runId));
  return run.count;
}

async function statuses(runId: string) {
  const rows = await listRunRegistrations(database.db, runId);
  return rows.map((r) => [r.name, r.status, r.position]);
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe("registration form", () => {
  const schema = registrationSchema({
    mode: "public",
    languages: ["nl", "fr"],
  });
  it("asks for a name and a phone number or e-mail, and checks the UiTPAS number", () => {
    const empty = schema.safeParse({
      name: " ",
      phone: "",
      email: "",
      language: "nl",
    });
    expect(empty.success).toBe(false);
    const messages = empty.error!.issues.map((i) => [i.path[0], i.message]);
    expect(messages).toContainEqual([
      "name",
      "registration.errors.nameRequired",
    ]);
    expect(messages).toContainEqual([
      "phone",
      "registration.errors.contactRequired",
    ]);
    const uitpas = schema.safeParse({
      name: "Fatima",
      phone: "0470 12 34 56",
      language: "nl",
      uitpasNumber: "1234 5678",
    });
    expect(uitpas.error?.issues[0].message).toBe("registration.errors.uitpas");
    const good = schema.parse({
      name: "Fatima",
      phone: "0470 12 34 56",
      language: "fr",
      needs: ["sight"],
      uitpasNumber: "1234 5678 90123",
    });
    expect(good).toMatchObject({
      name: "Fatima",
      phone: "0470 12 34 56",
      email: null,
      language: "fr",
      needs: ["sight"],
      uitpasNumber: "1234567890123",
    });
  });

  it("lets staff register someone at the desk without phone or e-mail, in Dutch", () => {
    const staff = registrationSchema({ mode: "staff", languages: ["nl"] });
    expect(staff.safeParse({ name: "Jan", language: "nl" }).success).toBe(true);
    expect(
      staff.safeParse({ name: "Jan", language: "nl", uitpasNumber: "12" }).error
        ?.issues[0].message,
    ).toBe("Een UiTPAS-nummer heeft 13 cijfers.");
  });

  it("makes codes without look-alike characters", () => {
    for (let i = 0; i < 200; i++)
      expect(newCode()).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });

  it("keys a person by contact and name, so two people on one phone can both register", () => {
    expect(
      contactKey({ name: "Fatima  El Amrani", phone: "0470/12.34.56" }),
    ).toBe(contactKey({ name: "fatima el amrani", phone: "+32 470 12 34 56" }));
    expect(contactKey({ name: "Fatima", phone: "0470 12 34 56" })).not.toBe(
      contactKey({ name: "Youssef", phone: "0470 12 34 56" }),
    );
    expect(contactKey({ name: "Jan" })).toBeNull();
  });
});

describe("capacity", () => {
  it("never overfills a run: 50 at once for 2 places gives exactly 2 registrations", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registerForRun(database.db, person(i), { baseUrl: BASE }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.error === "full")).toHaveLength(48);
    expect(await runCount(f.run)).toBe(2);
    const rows = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.runId, f.run));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === "registered")).toBe(true);
    // One confirmation each, written with the registration.
    expect(await database.db.select().from(outbox)).toHaveLength(2);
  });

  it("puts the rest on the waiting list, in the order they got through", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registerForRun(database.db, person(i), {
          baseUrl: BASE,
          joinWaitlistIfFull: true,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const registered = results.filter((r) => r.ok && r.status === "registered");
    const waiting = results
      .filter((r) => r.ok && r.status === "waiting")
      .map((r) => ok(r));
    expect(registered).toHaveLength(2);
    expect(waiting).toHaveLength(48);
    expect(await runCount(f.run)).toBe(2);
    // Positions 1…48, each once, and the list agrees with what each person was told.
    expect(waiting.map((w) => w.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 48 }, (_, i) => i + 1),
    );
    const list = (await listRunRegistrations(database.db, f.run)).filter(
      (r) => r.status === "waiting",
    );
    for (const w of waiting)
      expect(list.find((r) => r.id === w.registrationId)?.position).toBe(
        w.position,
      );
    for (const w of waiting.slice(0, 5))
      expect(await waitingPosition(database.db, w.registrationId)).toBe(
        w.position,
      );
    const messages = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, "registration_waiting"));
    expect(messages).toHaveLength(48);
  });
});

describe("refusals change nothing", () => {
  it("refuses a duplicate entry for the same person and run", async () => {
    ok(await registerForRun(database.db, person(1), { baseUrl: BASE }));
    const again = await registerForRun(
      database.db,
      { ...person(1), name: " persoon  1 " },
      { baseUrl: BASE },
    );
    expect(again).toEqual({ ok: false, error: "duplicate" });
    expect(await runCount(f.run)).toBe(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
    // Also a duplicate on the waiting list.
    ok(await registerForRun(database.db, person(2), { baseUrl: BASE }));
    ok(
      await registerForRun(database.db, person(3), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    );
    expect(
      await registerForRun(database.db, person(3), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    ).toEqual({ ok: false, error: "duplicate" });
  });

  it("refuses a run that started, a cancelled run, an unknown run and another municipality's run", async () => {
    expect(
      await registerForRun(database.db, person(1, f.pastRun), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    ).toEqual({ ok: false, error: "past" });
    await database.db
      .update(courseRuns)
      .set({ cancelled: true })
      .where(eq(courseRuns.id, f.otherRun));
    expect(
      await registerForRun(database.db, person(1, f.otherRun), {
        baseUrl: BASE,
      }),
    ).toEqual({ ok: false, error: "cancelled" });
    await database.db
      .update(courseRuns)
      .set({ cancelled: false })
      .where(eq(courseRuns.id, f.otherRun));
    expect(
      await registerForRun(
        database.db,
        person(1, "00000000-0000-4000-8000-000000000000"),
        { baseUrl: BASE },
      ),
    ).toEqual({ ok: false, error: "unknown" });
    expect(
      await registerForRun(
        database.db,
        { ...person(1), municipalityId: f.offer.hasselt.id },
        { baseUrl: BASE },
      ),
    ).toEqual({ ok: false, error: "unknown" });
    expect(await database.db.select().from(registrations)).toHaveLength(0);
    expect(await database.db.select().from(outbox)).toHaveLength(0);
  });
});

describe("waiting list", () => {
  async function fill(waitingCount: number) {
    const a = ok(
      await registerForRun(database.db, person(1), { baseUrl: BASE }),
    );
    const b = ok(
      await registerForRun(database.db, person(2), { baseUrl: BASE }),
    );
    const waiting = [];
    for (let i = 0; i < waitingCount; i++)
      waiting.push(
        ok(
          await registerForRun(database.db, person(10 + i), {
            baseUrl: BASE,
            joinWaitlistIfFull: true,
          }),
        ),
      );
    await database.db.delete(outbox);
    return { a, b, waiting };
  }

  it("offers a cancelled place to the first person in line, with a deadline and a link, in the same transaction", async () => {
    const { a, waiting } = await fill(2);
    const now = new Date();
    expect(
      await cancelRegistration(database.db, a.registrationId, now, {
        baseUrl: BASE,
      }),
    ).toEqual({ ok: true, previous: "registered" });
    expect(await runCount(f.run)).toBe(1);
    const [first] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, waiting[0].registrationId));
    expect(first.status).toBe("offered");
    expect(first.offerExpiresAt?.getTime()).toBe(now.getTime() + 48 * HOUR);
    const messages = await database.db.select().from(outbox);
    expect(messages.map((m) => m.template).sort()).toEqual([
      "registration_cancelled",
      "registration_offer",
    ]);
    const offer = messages.find((m) => m.template === "registration_offer")!;
    expect(offer.recipient).toBe("+32470000010");
    const link =
      /https:\/\/digibrug\.test\/antwerpen\/nl\/inschrijving\/([A-Za-z0-9_-]{43})/.exec(
        offer.body,
      );
    expect(link).not.toBeNull();
    // The link in the offer opens the registration, and so does the link from the confirmation.
    expect(
      (
        await findRegistrationByToken(
          database.db,
          f.offer.antwerpen.id,
          link![1],
        )
      )?.registration.id,
    ).toBe(first.id);
    expect(
      (
        await findRegistrationByToken(
          database.db,
          f.offer.antwerpen.id,
          waiting[0].manageToken,
        )
      )?.registration.status,
    ).toBe("offered");
    // The next person moves up.
    expect(await waitingPosition(database.db, waiting[1].registrationId)).toBe(
      1,
    );
    // Nobody else can take the held place.
    expect(
      await registerForRun(database.db, person(50), { baseUrl: BASE }),
    ).toEqual({ ok: false, error: "full" });
  });

  it("accepts an offer within the deadline with one call", async () => {
    const { a, waiting } = await fill(1);
    const now = new Date();
    await cancelRegistration(database.db, a.registrationId, now, {
      baseUrl: BASE,
    });
    expect(
      await acceptOffer(
        database.db,
        waiting[0].registrationId,
        new Date(now.getTime() + 47 * HOUR),
      ),
    ).toEqual({ ok: true });
    expect(await runCount(f.run)).toBe(2);
    const [row] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, waiting[0].registrationId));
    expect(row.status).toBe("registered");
    expect(row.offerExpiresAt).toBeNull();
    expect(
      await acceptOffer(database.db, waiting[0].registrationId, now),
    ).toEqual({ ok: false, error: "not-offered" });
  });

  it("refuses an expired offer without changing anything, and passes it on with expireOffers", async () => {
    const { a, waiting } = await fill(2);
    const now = new Date();
    await cancelRegistration(database.db, a.registrationId, now, {
      baseUrl: BASE,
    });
    const late = new Date(now.getTime() + 49 * HOUR);
    expect(
      await acceptOffer(database.db, waiting[0].registrationId, late),
    ).toEqual({ ok: false, error: "expired" });
    expect(await runCount(f.run)).toBe(1);
    const [still] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, waiting[0].registrationId));
    expect(still.status).toBe("offered");

    await database.db.delete(outbox);
    expect(await expireOffers(database.db, late, { baseUrl: BASE })).toEqual({
      expired: 1,
      offered: 1,
      closed: 0,
    });
    const rows = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.runId, f.run));
    expect(rows.find((r) => r.id === waiting[0].registrationId)?.status).toBe(
      "expired",
    );
    const second = rows.find((r) => r.id === waiting[1].registrationId)!;
    expect(second.status).toBe("offered");
    expect(second.offerExpiresAt?.getTime()).toBe(late.getTime() + 48 * HOUR);
    expect(
      (await database.db.select().from(outbox)).map((m) => m.template).sort(),
    ).toEqual(["registration_offer", "registration_offer_expired"]);
    expect(
      await acceptOffer(database.db, waiting[0].registrationId, late),
    ).toEqual({ ok: false, error: "expired" });
    // Running the job again changes nothing.
    expect(await expireOffers(database.db, late, { baseUrl: BASE })).toEqual({
      expired: 0,
      offered: 0,
      closed: 0,
    });
  });

  it("lets a person leave the list; an offered person who leaves passes the place on", async () => {
    const { a, waiting } = await fill(3);
    expect(
      await cancelRegistration(
        database.db,
        waiting[1].registrationId,
        new Date(),
        { baseUrl: BASE },
      ),
    ).toEqual({ ok: true, previous: "waiting" });
    expect(await waitingPosition(database.db, waiting[2].registrationId)).toBe(
      2,
    );
    expect(
      (await database.db.select().from(outbox)).map((m) => m.template),
    ).toEqual(["waitlist_left"]);
    await cancelRegistration(database.db, a.registrationId, new Date(), {
      baseUrl: BASE,
    });
    expect(
      await cancelRegistration(
        database.db,
        waiting[0].registrationId,
        new Date(),
        { baseUrl: BASE },
      ),
    ).toEqual({ ok: true, previous: "offered" });
    const [third] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, waiting[2].registrationId));
    expect(third.status).toBe("offered");
    expect(
      await cancelRegistration(
        database.db,
        waiting[0].registrationId,
        new Date(),
        { baseUrl: BASE },
      ),
    ).toEqual({ ok: false, error: "not-active" });
  });

  it("offers places that free up by a larger capacity, and closes the list when the run starts", async () => {
    const { waiting } = await fill(2);
    await database.db
      .update(courseRuns)
      .set({ capacity: 3 })
      .where(eq(courseRuns.id, f.run));
    const now = new Date();
    expect(await expireOffers(database.db, now, { baseUrl: BASE })).toEqual({
      expired: 0,
      offered: 1,
      closed: 0,
    });
    const [firstSession] = await database.db
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.id, f.sessions[0]));
    const started = new Date(firstSession.startsAt.getTime() + 60_000);
    // The offer's deadline was capped at the first session; at the start it expires and the list closes.
    expect(await expireOffers(database.db, started, { baseUrl: BASE })).toEqual(
      { expired: 1, offered: 0, closed: 1 },
    );
    const rows = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.runId, f.run));
    expect(
      rows
        .filter((r) => waiting.some((w) => w.registrationId === r.id))
        .map((r) => r.status),
    ).toEqual(["expired", "expired"]);
    expect(
      (
        await database.db
          .select()
          .from(outbox)
          .where(eq(outbox.template, "waitlist_closed"))
      ).length,
    ).toBe(1);
  });

  it("lets a newcomer wait when people are already in line, even with a free place", async () => {
    const { waiting } = await fill(1);
    await database.db
      .update(courseRuns)
      .set({ capacity: 3 })
      .where(eq(courseRuns.id, f.run));
    const newcomer = ok(
      await registerForRun(database.db, person(99), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    );
    expect(newcomer.status).toBe("waiting");
    expect(newcomer.position).toBe(1);
    const [first] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, waiting[0].registrationId));
    expect(first.status).toBe("offered");
  });
});

describe("finding a registration", () => {
  it("by its link, by its code plus phone or e-mail, and not across municipalities", async () => {
    const r = ok(
      await registerForRun(
        database.db,
        { ...person(1), email: "Fatima@Example.be" },
        { baseUrl: BASE },
      ),
    );
    const byToken = await findRegistrationByToken(
      database.db,
      f.offer.antwerpen.id,
      r.manageToken,
    );
    expect(byToken?.registration.id).toBe(r.registrationId);
    expect(byToken?.course.title.nl).toBe("Smartphone voor beginners");
    expect(byToken?.sessions).toHaveLength(3);
    expect(
      await findRegistrationByToken(
        database.db,
        f.offer.hasselt.id,
        r.manageToken,
      ),
    ).toBeNull();
    expect(
      await findRegistrationByToken(
        database.db,
        f.offer.antwerpen.id,
        "x".repeat(43),
      ),
    ).toBeNull();
    expect(
      await findRegistrationByToken(
        database.db,
        f.offer.antwerpen.id,
        "../../etc",
      ),
    ).toBeNull();

    const code = r.code.toLowerCase().replace(/^(...)/, "$1 ");
    expect(
      (
        await findRegistrationByCode(
          database.db,
          f.offer.antwerpen.id,
          code,
          "+32 470 00 00 01",
        )
      )?.registration.id,
    ).toBe(r.registrationId);
    expect(
      (
        await findRegistrationByCode(
          database.db,
          f.offer.antwerpen.id,
          r.code,
          "fatima@example.be",
        )
      )?.registration.id,
    ).toBe(r.registrationId);
    expect(
      await findRegistrationByCode(
        database.db,
        f.offer.antwerpen.id,
        r.code,
        "0470 99 99 99",
      ),
    ).toBeNull();
    expect(
      await findRegistrationByCode(
        database.db,
        f.offer.antwerpen.id,
        r.code,
        "",
      ),
    ).toBeNull();

    const fresh = await issueManageLink(database.db, r.registrationId, "code");
    if (!fresh) throw new Error("a registration that was not erased gets a link");
    expect(
      (await findRegistrationByToken(database.db, f.offer.antwerpen.id, fresh))
        ?.registration.id,
    ).toBe(r.registrationId);
    expect(
      (
        await findRegistrationByToken(
          database.db,
          f.offer.antwerpen.id,
          r.manageToken,
        )
      )?.registration.id,
    ).toBe(r.registrationId);
    // Only hashes are stored.
    const links = await database.db
      .select()
      .from(registrationLinks)
      .where(eq(registrationLinks.registrationId, r.registrationId));
    expect(links.every((l) => !l.tokenHash.includes(fresh))).toBe(true);
  });
});

describe("staff", () => {
  it("registers someone at the desk without contact details, audited, without a message", async () => {
    const r = ok(
      await registerForRun(
        database.db,
        { ...person(1), phone: null },
        { actor, baseUrl: BASE },
      ),
    );
    const [row] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, r.registrationId));
    expect(row.registeredByUserId).toBe(actor.id);
    expect(row.contactKey).toBeNull();
    expect(await database.db.select().from(outbox)).toHaveLength(0);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, r.registrationId),
          eq(auditLog.action, "register"),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  it("moves a person to another run of the same course, and offers the freed place", async () => {
    const a = ok(
      await registerForRun(database.db, person(1), { baseUrl: BASE }),
    );
    ok(await registerForRun(database.db, person(2), { baseUrl: BASE }));
    const w = ok(
      await registerForRun(database.db, person(3), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    );
    await database.db.delete(outbox);
    expect(
      await moveRegistration(database.db, a.registrationId, f.otherRun, actor, {
        baseUrl: BASE,
      }),
    ).toEqual({ ok: true });
    expect(await runCount(f.run)).toBe(1);
    expect(await runCount(f.otherRun)).toBe(1);
    const [moved] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, a.registrationId));
    expect(moved).toMatchObject({ runId: f.otherRun, status: "registered" });
    expect(await statuses(f.run)).toEqual([
      ["Persoon 2", "registered", null],
      ["Persoon 3", "offered", null],
    ]);
    expect(
      (await database.db.select().from(outbox)).map((m) => m.template).sort(),
    ).toEqual(["registration_moved", "registration_offer"]);
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityId, a.registrationId),
            eq(auditLog.action, "move"),
          ),
        ),
    ).toHaveLength(1);
    // A waiting person can be moved to a place too; the old list moves up.
    expect(
      await moveRegistration(database.db, w.registrationId, f.otherRun, actor, {
        baseUrl: BASE,
      }),
    ).toEqual({ ok: true });
    expect(await runCount(f.otherRun)).toBe(2);
    expect(await runCount(f.run)).toBe(1);
  });

  it("refuses a move to a full, started or other course's run, or back to the same run", async () => {
    const a = ok(
      await registerForRun(database.db, person(1), { baseUrl: BASE }),
    );
    expect(
      await moveRegistration(database.db, a.registrationId, f.run, actor),
    ).toEqual({ ok: false, error: "same-run" });
    expect(
      await moveRegistration(database.db, a.registrationId, f.pastRun, actor),
    ).toEqual({ ok: false, error: "past" });
    expect(
      await moveRegistration(database.db, a.registrationId, f.staffRun, actor),
    ).toEqual({ ok: false, error: "other-course" });
    await database.db
      .update(courseRuns)
      .set({ capacity: 1, registeredCount: 1 })
      .where(eq(courseRuns.id, f.otherRun));
    expect(
      await moveRegistration(database.db, a.registrationId, f.otherRun, actor),
    ).toEqual({ ok: false, error: "full" });
    await database.db
      .update(courseRuns)
      .set({ capacity: 10, registeredCount: 0 })
      .where(eq(courseRuns.id, f.otherRun));
    // The same person is already on the other run: refused.
    ok(
      await registerForRun(database.db, person(1, f.otherRun), {
        baseUrl: BASE,
      }),
    );
    expect(
      await moveRegistration(database.db, a.registrationId, f.otherRun, actor),
    ).toEqual({ ok: false, error: "duplicate" });
    expect(await runCount(f.run)).toBe(1);
    expect(await runCount(f.otherRun)).toBe(1);
  });

  it("lets staff add a walk-in to a run that started, within its capacity", async () => {
    const r = await registerForRun(database.db, person(1, f.pastRun), {
      actor,
      walkIn: true,
      baseUrl: BASE,
    });
    expect(r.ok).toBe(true);
    expect(
      await registerForRun(database.db, person(2, f.pastRun), {
        walkIn: true,
        baseUrl: BASE,
      }),
    ).toEqual({ ok: false, error: "past" });
  });
});

describe("reminders", () => {
  it("reminds everyone registered the day before the first session, once", async () => {
    const a = ok(
      await registerForRun(database.db, person(1), { baseUrl: BASE }),
    );
    ok(
      await registerForRun(
        database.db,
        { ...person(2), phone: null, email: "b@example.be" },
        { baseUrl: BASE },
      ),
    );
    ok(
      await registerForRun(database.db, person(3), {
        baseUrl: BASE,
        joinWaitlistIfFull: true,
      }),
    );
    await database.db.delete(outbox);
    const [firstSession] = await database.db
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.id, f.sessions[0]));
    const twoDaysBefore = new Date(firstSession.startsAt.getTime() - 48 * HOUR);
    expect(
      await sendCourseReminders(database.db, twoDaysBefore, { baseUrl: BASE }),
    ).toEqual({ sent: 0 });
    const dayBefore = new Date(firstSession.startsAt.getTime() - 24 * HOUR);
    const [one, two] = await Promise.all([
      sendCourseReminders(database.db, dayBefore, { baseUrl: BASE }),
      sendCourseReminders(database.db, dayBefore, { baseUrl: BASE }),
    ]);
    expect(one.sent + two.sent).toBe(2);
    expect(
      await sendCourseReminders(
        database.db,
        new Date(dayBefore.getTime() + HOUR),
        { baseUrl: BASE },
      ),
    ).toEqual({ sent: 0 });
    const messages = await database.db.select().from(outbox);
    expect(messages.map((m) => [m.template, m.channel]).sort()).toEqual([
      ["course_reminder", "email"],
      ["course_reminder", "sms"],
    ]);
    const sms = messages.find((m) => m.channel === "sms")!;
    expect(sms.body).toContain("Smartphone voor beginners");
    const token = /inschrijving\/([A-Za-z0-9_-]{43})/.exec(sms.body)![1];
    expect(
      (await findRegistrationByToken(database.db, f.offer.antwerpen.id, token))
        ?.registration.id,
    ).toBe(a.registrationId);
  });
});
