/**
 * Who sees which referral, decided in SQL (receivableBy / sentBy) for the lists, the detail page and the overview
 * count alike; open referrals always all listed (also beyond hundreds of closed ones), closed ones paged.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { organizations, referrals, roleAssignments } from "~/db/schema";
import { createTestDatabase } from "~/db/test-database";
import type { Assignment } from "~/modules/auth/permissions";
import { createStaffUser, seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { staffOverview } from "~/modules/overview/overview.server";
import { getReferral, listReferrals, overdueCount, type Viewer } from "./referrals.server";

let database: Database;
let db: Db;
let f: OfferFixture;
let ocmw: string;
let leerpunt: string;

/** A viewer as the session would carry it: the user and their role assignments. */
async function viewer(email: string, role: Assignment["role"], scope: { municipalityId: string; organizationId?: string; helpPointId?: string }): Promise<Viewer> {
  const user = await createStaffUser(db, email, role, scope);
  const assignments = await db
    .select({ role: roleAssignments.role, municipalityId: roleAssignments.municipalityId, organizationId: roleAssignments.organizationId, helpPointId: roleAssignments.helpPointId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  return { userId: user.id, assignments };
}

const NOW = new Date("2026-03-18T10:00:00Z"); // a Wednesday

let v: Record<"coordinator" | "ocmwWorker" | "kielHelper" | "kielHelper2" | "digipuntenManager" | "permekeHelper" | "deviceOfficer" | "courseManager" | "hasseltCoordinator", Viewer>;
let r: Record<"ocmw" | "kiel" | "permeke" | "orgDigipunten" | "device" | "courseLeerpunt" | "courseNone" | "hasselt", string>;

async function referral(values: Partial<typeof referrals.$inferInsert> & Pick<typeof referrals.$inferInsert, "target">): Promise<string> {
  const [row] = await db
    .insert(referrals)
    .values({ municipalityId: f.antwerpen.id, consentAt: NOW, residentName: "Bewoner", phone: "0470 11 22 33", createdAt: NOW, lastActivityAt: NOW, ...values })
    .returning({ id: referrals.id });
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await seedOfferFixture(db);
  [{ id: ocmw }, { id: leerpunt }] = await db
    .insert(organizations)
    .values([
      { municipalityId: f.antwerpen.id, name: "OCMW Antwerpen", type: "ocmw" },
      { municipalityId: f.antwerpen.id, name: "Leerpunt Antwerpen", type: "school" },
    ])
    .returning({ id: organizations.id });
  const A = f.antwerpen.id;
  v = {
    coordinator: await viewer("coordinator@a.test", "coordinator", { municipalityId: A }),
    ocmwWorker: await viewer("ocmw@a.test", "organization_manager", { municipalityId: A, organizationId: ocmw }),
    kielHelper: await viewer("kiel@a.test", "digihelper", { municipalityId: A, helpPointId: f.digipuntKiel }),
    kielHelper2: await viewer("kiel2@a.test", "digihelper", { municipalityId: A, helpPointId: f.digipuntKiel }),
    digipuntenManager: await viewer("digipunten@a.test", "organization_manager", { municipalityId: A, organizationId: f.digipunten }),
    permekeHelper: await viewer("permeke@a.test", "digihelper", { municipalityId: A, helpPointId: f.permeke }),
    deviceOfficer: await viewer("toestellen@a.test", "device_officer", { municipalityId: A }),
    courseManager: await viewer("leerpunt@a.test", "organization_manager", { municipalityId: A, organizationId: leerpunt }),
    hasseltCoordinator: await viewer("coordinator@h.test", "coordinator", { municipalityId: f.hasselt.id }),
  };
  const kiel = { fromHelpPointId: f.digipuntKiel };
  r = {
    ocmw: await referral({ target: "ocmw", toOrganizationId: ocmw, fromUserId: v.kielHelper.userId, ...kiel }),
    kiel: await referral({ target: "help_point", toHelpPointId: f.digipuntKiel, fromUserId: v.permekeHelper.userId, fromHelpPointId: f.permeke }),
    permeke: await referral({ target: "help_point", toHelpPointId: f.permeke, fromUserId: v.deviceOfficer.userId }),
    orgDigipunten: await referral({ target: "organization", toOrganizationId: f.digipunten, fromUserId: v.permekeHelper.userId, fromHelpPointId: f.permeke }),
    device: await referral({ target: "device_bank", fromUserId: v.kielHelper.userId, ...kiel }),
    courseLeerpunt: await referral({ target: "course", toOrganizationId: leerpunt, fromUserId: v.kielHelper2.userId, ...kiel }),
    courseNone: await referral({ target: "course", fromUserId: v.coordinator.userId }),
    hasselt: await referral({ municipalityId: f.hasselt.id, target: "help_point", toHelpPointId: f.ocrHasselt, fromUserId: v.hasseltCoordinator.userId }),
  };
});
afterAll(() => database.close());

const names = (ids: string[]) => ids.map((id) => Object.entries(r).find(([, rid]) => rid === id)?.[0] ?? id).sort();

describe("who sees which referral", () => {
  const expected: Record<keyof typeof v, { received: (keyof typeof r)[]; sent: (keyof typeof r)[] }> = {
    coordinator: { received: ["courseLeerpunt", "courseNone", "device", "kiel", "ocmw", "orgDigipunten", "permeke"], sent: ["courseNone"] },
    ocmwWorker: { received: ["ocmw"], sent: [] },
    // The referrer's help point: everyone of Digipunt Kiel follows what was sent from there.
    kielHelper: { received: ["kiel"], sent: ["courseLeerpunt", "device", "ocmw"] },
    kielHelper2: { received: ["kiel"], sent: ["courseLeerpunt", "device", "ocmw"] },
    // The organisation that runs Digipunt Kiel receives what is sent to that help point, and to itself.
    digipuntenManager: { received: ["kiel", "orgDigipunten"], sent: [] },
    permekeHelper: { received: ["permeke"], sent: ["kiel", "orgDigipunten"] },
    deviceOfficer: { received: ["device"], sent: ["permeke"] },
    // A course referral with an organiser goes to that organiser; one without only to the coordinator.
    courseManager: { received: ["courseLeerpunt"], sent: [] },
    hasseltCoordinator: { received: [], sent: [] },
  };

  for (const [who, boxes] of Object.entries(expected) as [keyof typeof v, (typeof expected)[keyof typeof v]][]) {
    it(`${who}: lists exactly their own, and the detail page agrees`, async () => {
      const received = await listReferrals(db, f.antwerpen.id, v[who], "received", { now: NOW });
      const sent = await listReferrals(db, f.antwerpen.id, v[who], "sent", { now: NOW });
      expect(names(received.open.map((x) => x.id))).toEqual(boxes.received);
      expect(names(sent.open.map((x) => x.id))).toEqual(boxes.sent);
      expect(received.counts.new).toBe(boxes.received.length);
      for (const [name, id] of Object.entries(r) as [keyof typeof r, string][]) {
        const found = await getReferral(db, f.antwerpen.id, id, v[who]);
        const mayReceive = boxes.received.includes(name);
        const maySee = mayReceive || boxes.sent.includes(name);
        expect(found !== null, `${who} sees ${name}`).toBe(maySee);
        if (found) {
          expect(found.receiver, `${who} receives ${name}`).toBe(mayReceive);
          expect(found.residentName).toBe("Bewoner");
        }
      }
    });
  }

  it("never shows another municipality's referral, not even to a coordinator", async () => {
    expect(await getReferral(db, f.antwerpen.id, r.hasselt, v.coordinator)).toBeNull();
    expect(await getReferral(db, f.hasselt.id, r.hasselt, v.coordinator)).toBeNull();
    expect((await getReferral(db, f.hasselt.id, r.hasselt, v.hasseltCoordinator))?.receiver).toBe(true);
  });
});

describe("more than 500 referrals", () => {
  let oldOpen: string;
  let erasedNew: string;

  beforeAll(async () => {
    // An old referral to the OCMW nobody picked up (two months ago), behind 600 newer, closed ones (in one statement).
    const old = new Date(NOW.getTime() - 60 * 24 * 3600_000);
    oldOpen = await referral({ target: "ocmw", toOrganizationId: ocmw, fromUserId: v.kielHelper.userId, fromHelpPointId: f.digipuntKiel, createdAt: old, lastActivityAt: old });
    await db.execute(sql`
      insert into referrals (municipality_id, target, to_organization_id, from_user_id, from_help_point_id, status, consent_at,
                             resident_name, phone, language, last_activity_at, created_at, picked_up_at)
      select ${f.antwerpen.id}, 'ocmw', ${ocmw}, ${v.kielHelper.userId}, ${f.digipuntKiel},
             (array['helped', 'unreachable', 'declined'])[1 + g % 3]::referral_status, t,
             'Bewoner ' || g, '0499 00 00 00', 'nl', t, t, t
      from generate_series(1, 600) as g, lateral (select ${NOW.toISOString()}::timestamptz - g * interval '1 hour' as t) as x`);
    // An erased referral still "new" can no longer be worked: it is listed with the closed ones, not as open.
    erasedNew = await referral({ target: "ocmw", toOrganizationId: ocmw, fromUserId: v.kielHelper.userId, residentName: null, phone: null, erasedAt: NOW });
  });

  it("lists the old open referral for the OCMW and flags it, with the counts per status", async () => {
    const list = await listReferrals(db, f.antwerpen.id, v.ocmwWorker, "received", { now: NOW });
    expect(list.open.map((x) => x.id)).toEqual([r.ocmw, oldOpen]); // newest first
    expect(list.open.find((x) => x.id === oldOpen)?.overdue).toBe(true);
    expect(list.open.find((x) => x.id === r.ocmw)?.overdue).toBe(false);
    expect(list.counts).toEqual({ new: 2, contacted: 0, helped: 200, unreachable: 200, declined: 200, erased: 1 });
    expect(list.closedTotal).toBe(601);
    // The referrer's "Verstuurd" sees it flagged too.
    const sent = await listReferrals(db, f.antwerpen.id, v.kielHelper2, "sent", { now: NOW });
    expect(sent.open.find((x) => x.id === oldOpen)?.overdue).toBe(true);
    // The overview count and the coordinator's notice agree with the list.
    expect((await staffOverview(db, v.ocmwWorker.assignments, f.antwerpen.id, NOW)).referrals).toEqual({ open: 2, flagged: 1 });
    expect(await overdueCount(db, f.antwerpen.id, NOW)).toBe(1);
  });

  it("pages the closed ones newest first, 50 at a time, without gaps or doubles", async () => {
    const seen: string[] = [];
    let last = Infinity;
    const first = await listReferrals(db, f.antwerpen.id, v.ocmwWorker, "received", { now: NOW });
    expect(first.pages).toBe(13);
    expect(first.page).toBe(1);
    expect(first.closed).toHaveLength(50);
    expect(first.closed[0].id).toBe(erasedNew); // the newest
    expect(first.closed[0].erased).toBe(true);
    for (let page = 1; page <= first.pages; page++) {
      const list = await listReferrals(db, f.antwerpen.id, v.ocmwWorker, "received", { page, now: NOW });
      expect(list.open).toHaveLength(2); // the open ones on every page
      for (const item of list.closed) {
        expect(item.createdAt.getTime()).toBeLessThanOrEqual(last);
        last = item.createdAt.getTime();
        seen.push(item.id);
      }
    }
    expect(seen).toHaveLength(601);
    expect(new Set(seen).size).toBe(601);
    expect(seen).not.toContain(oldOpen);
    // A page beyond the last shows the last page.
    const beyond = await listReferrals(db, f.antwerpen.id, v.ocmwWorker, "received", { page: 99, now: NOW });
    expect(beyond.page).toBe(13);
    expect(beyond.closed.map((x) => x.id)).toEqual(seen.slice(600));
  });

  it("keeps the bulk out of the inbox of those who may not see it", async () => {
    const other = await listReferrals(db, f.antwerpen.id, v.permekeHelper, "received", { now: NOW });
    expect(other.closedTotal).toBe(0);
    expect(names(other.open.map((x) => x.id))).toEqual(["permeke"]);
    expect((await staffOverview(db, v.deviceOfficer.assignments, f.antwerpen.id, NOW)).referrals).toEqual({ open: 1, flagged: 0 });
  });
});
