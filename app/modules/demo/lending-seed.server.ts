/**
 * Demo data of device lending (runs after the inventory demo, which registers and wipes the devices): eligibility
 * criteria, applications in every state, reservations and loans — one on loan, one overdue with its contact
 * history, one extended, one given away, one returned — in Antwerpen and Hasselt. Everything goes through the
 * real module functions (so every invariant holds), back-dated with their `now` parameter. Names are labelled
 * "Demo". Messages the steps put in the outbox are removed again: the demo should not text made-up numbers.
 */
import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { deviceApplications, deviceLoans, devices, eligibilityCriteria, loanContacts, outbox, referrals } from "~/db/schema";
import { applicationInput, createApplication, decideApplication, type ApplicationInput, type DeviceKind } from "~/modules/devices/applications.server";
import { extendLoan, giftLoan, handOver, reserveDevice, returnDevice } from "~/modules/devices/lending.server";
import { brusselsDate } from "~/modules/finder/opening-hours";

export interface DemoLendingRefs {
  /** slug → id */
  municipalities: Map<string, string>;
  /** "<slug>/<name>" → id */
  helpPoints: Map<string, string>;
  /** e-mail → id */
  users: Map<string, string>;
}

const DAY = 86_400_000;

type Plan =
  | { state: "submitted" | "waiting" | "declined" | "approved" | "withdrawn" }
  | { state: "reserved" | "on_loan" | "overdue" | "extended" | "gifted" | "returned"; kind: DeviceKind };

interface DemoApplication {
  name: string;
  phone?: string;
  email?: string;
  language: "nl" | "fr" | "en" | "ar";
  kinds: DeviceKind[];
  purpose: ApplicationInput["purpose"];
  householdSize: number;
  postcode: string;
  address: string;
  reason: string;
  referrer?: [string, string];
  plan: Plan;
  fromReferral?: boolean;
}

const CITIES: { slug: string; prefix: string; officer: string; helper: string; point: string; criteria: [string, boolean][]; applications: DemoApplication[] }[] = [
  {
    slug: "antwerpen",
    prefix: "ANT",
    officer: "devices@antwerpen.demo.digibrug.be",
    helper: "digihelper@antwerpen.demo.digibrug.be",
    point: "Digidak Borgerhout",
    criteria: [
      ["Inkomen onder de grens: attest OCMW, leefloon of verhoogde tegemoetkoming gezien", true],
      ["Woont in Antwerpen (identiteitskaart gezien)", true],
      ["Heeft thuis geen werkende laptop of tablet", false],
    ],
    applications: [
      { name: "Demo – Amina Haddad", phone: "0470 11 20 01", language: "ar", kinds: ["laptop"], purpose: "school", householdSize: 5, postcode: "2140", address: "Turnhoutsebaan 101 bus 2", reason: "Drie kinderen in het secundair; ze maken hun huiswerk nu op een gsm.", referrer: ["Demo – Sofie Peeters (OCMW)", "sofie.peeters@ocmw.demo.digibrug.be"], plan: { state: "on_loan", kind: "laptop" } },
      { name: "Demo – Marc Janssens", phone: "0470 11 20 02", language: "nl", kinds: ["laptop"], purpose: "job_search", householdSize: 1, postcode: "2140", address: "Kroonstraat 44", reason: "Zoekt werk en moet solliciteren via VDAB.", plan: { state: "overdue", kind: "laptop" } },
      { name: "Demo – Olena Kovalenko", phone: "0470 11 20 03", language: "en", kinds: ["laptop"], purpose: "school", householdSize: 2, postcode: "2060", address: "Dambruggestraat 210", reason: "Volgt Nederlandse les en een opleiding bij de VDAB.", plan: { state: "extended", kind: "laptop" } },
      { name: "Demo – Jean-Pierre Mbala", phone: "0470 11 20 04", language: "fr", kinds: ["laptop"], purpose: "administration", householdSize: 3, postcode: "2140", address: "Plantin en Moretuslei 300", reason: "Cursus 'Aan de slag met de computer' gevolgd; wil zijn administratie zelf doen.", plan: { state: "gifted", kind: "laptop" } },
      { name: "Demo – Rita Verbeeck", phone: "0470 11 20 05", language: "nl", kinds: ["router_4g"], purpose: "contact", householdSize: 1, postcode: "2100", address: "Herentalsebaan 12", reason: "Geen internet thuis; wil beeldbellen met de kleinkinderen.", plan: { state: "returned", kind: "router_4g" } },
      { name: "Demo – Youssef Amrani", phone: "0470 11 20 06", language: "ar", kinds: ["laptop"], purpose: "school", householdSize: 4, postcode: "2140", address: "Collegelaan 8", reason: "Dochter start in het hoger onderwijs.", referrer: ["Demo – CAW Antwerpen", "0470 99 10 10"], plan: { state: "reserved", kind: "laptop" } },
      { name: "Demo – Hanne De Clercq", phone: "0470 11 20 07", language: "nl", kinds: ["laptop"], purpose: "job_search", householdSize: 2, postcode: "2018", address: "Lange Kievitstraat 60 bus 11", reason: "Solliciteert voor een job in de zorg.", plan: { state: "approved" } },
      { name: "Demo – Abdi Farah", phone: "0470 11 20 08", language: "en", kinds: ["tablet"], purpose: "contact", householdSize: 1, postcode: "2060", address: "Handelstraat 95", reason: "Wil in contact blijven met familie in Somalië.", plan: { state: "waiting" } },
      { name: "Demo – Maria Santos", phone: "0470 11 20 09", language: "fr", kinds: ["laptop"], purpose: "school", householdSize: 3, postcode: "2140", address: "Lodewijk Van Berckenlaan 120", reason: "Zoon heeft een laptop nodig voor het technisch onderwijs.", plan: { state: "waiting" } },
      { name: "Demo – Kevin Wouters", phone: "0470 11 20 10", language: "nl", kinds: ["laptop"], purpose: "other", householdSize: 2, postcode: "2000", address: "Nationalestraat 7", reason: "Heeft een laptop, maar die is traag.", plan: { state: "declined" } },
      { name: "Demo – Nadia Benali", phone: "0470 11 20 11", language: "ar", kinds: ["laptop"], purpose: "administration", householdSize: 6, postcode: "2140", address: "Turnhoutsebaan 180", reason: "Wil de papieren van het gezin online regelen.", plan: { state: "submitted" }, fromReferral: true },
      { name: "Demo – Luc Peeters", email: "luc.peeters@demo.digibrug.be", language: "nl", kinds: ["data_sim"], purpose: "job_search", householdSize: 1, postcode: "2100", address: "Bisschoppenhoflaan 33", reason: "Heeft een oude laptop maar geen internet.", plan: { state: "submitted" } },
      { name: "Demo – Sarah Cohen", phone: "0470 11 20 13", language: "nl", kinds: ["tablet"], purpose: "contact", householdSize: 2, postcode: "2018", address: "Belgiëlei 50", reason: "Heeft intussen zelf een tablet gekregen.", plan: { state: "withdrawn" } },
    ],
  },
  {
    slug: "hasselt",
    prefix: "HAS",
    officer: "devices@hasselt.demo.digibrug.be",
    helper: "digihelper@hasselt.demo.digibrug.be",
    point: "Openbare computerruimte Stadhuis",
    criteria: [
      ["Recht op verhoogde tegemoetkoming of leefloon (attest gezien)", true],
      ["Woont in Hasselt", true],
    ],
    applications: [
      { name: "Demo – Gert Vanderheyden", phone: "0470 22 30 01", language: "nl", kinds: ["laptop"], purpose: "job_search", householdSize: 1, postcode: "3500", address: "Kempische Steenweg 120", reason: "Zoekt werk; moet online solliciteren.", plan: { state: "on_loan", kind: "laptop" } },
      { name: "Demo – Fatma Yilmaz", phone: "0470 22 30 02", language: "nl", kinds: ["tablet"], purpose: "contact", householdSize: 2, postcode: "3500", address: "Genkersteenweg 45", reason: "Wil beeldbellen met haar kinderen in Turkije.", plan: { state: "overdue", kind: "tablet" } },
      { name: "Demo – Joseph Nkosi", phone: "0470 22 30 03", language: "fr", kinds: ["laptop"], purpose: "school", householdSize: 4, postcode: "3510", address: "Hasseltweg 200", reason: "Twee kinderen in het secundair.", referrer: ["Demo – OCMW Hasselt", "ocmw@hasselt.demo.digibrug.be"], plan: { state: "extended", kind: "laptop" } },
      { name: "Demo – Lisa Claes", phone: "0470 22 30 04", language: "nl", kinds: ["laptop"], purpose: "administration", householdSize: 1, postcode: "3500", address: "Maastrichtersteenweg 88", reason: "Cursus in het dienstencentrum afgerond.", plan: { state: "gifted", kind: "laptop" } },
      { name: "Demo – Ahmad Rahimi", phone: "0470 22 30 05", language: "ar", kinds: ["laptop"], purpose: "school", householdSize: 3, postcode: "3500", address: "Thonissenlaan 20 bus 4", reason: "Volgt een opleiding bij CVO.", plan: { state: "waiting" } },
      { name: "Demo – Bart Jacobs", phone: "0470 22 30 06", language: "nl", kinds: ["laptop"], purpose: "other", householdSize: 2, postcode: "3500", address: "Koning Albertstraat 15", reason: "Woont buiten Hasselt.", plan: { state: "declined" } },
      { name: "Demo – Elif Demir", phone: "0470 22 30 07", language: "en", kinds: ["tablet"], purpose: "contact", householdSize: 1, postcode: "3500", address: "Zuivelmarkt 3", reason: "Wil leren beeldbellen.", plan: { state: "submitted" }, fromReferral: true },
    ],
  },
];

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo lending data: unknown ${what} "${key}"`);
  return value;
}

/** A ready device of a kind in the municipality; when the inventory demo left none, one is bought for the demo. */
async function readyDevice(db: Db, municipalityId: string, kind: DeviceKind, prefix: string, homeHelpPointId: string, taken: Set<string>): Promise<string> {
  const rows = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.municipalityId, municipalityId), eq(devices.kind, kind), eq(devices.status, "ready")))
    .orderBy(asc(devices.assetTag));
  const free = rows.find((r) => !taken.has(r.id));
  if (free) {
    taken.add(free.id);
    return free.id;
  }
  const [device] = await db
    .insert(devices)
    .values({ municipalityId, assetTag: `${prefix}-L${String(taken.size + 1).padStart(3, "0")}`, kind, make: "Demo", model: "Demo-toestel", source: "purchase", status: "ready", wiped: true, accessories: kind === "laptop" ? "Lader" : null, homeHelpPointId })
    .returning({ id: devices.id });
  taken.add(device.id);
  return device.id;
}

export async function seedDemoLending(db: Db, refs: DemoLendingRefs, now: Date = new Date()): Promise<void> {
  /** `days` before now, in opening hours: a weekday around 10:00 (weekends move back to Friday). */
  const ago = (days: number) => {
    const at = new Date(now.getTime() - days * DAY);
    at.setUTCHours(9, 0, 0, 0);
    const weekday = at.getUTCDay();
    return new Date(at.getTime() - (weekday === 6 ? 1 : weekday === 0 ? 2 : 0) * DAY);
  };
  for (const city of CITIES) {
    const municipalityId = lookup(refs.municipalities, city.slug, "municipality");
    const officer = { id: lookup(refs.users, city.officer, "user"), email: city.officer };
    const helper = { id: lookup(refs.users, city.helper, "user"), email: city.helper };
    const pointId = lookup(refs.helpPoints, `${city.slug}/${city.point}`, "help point");
    const criteria = await db
      .insert(eligibilityCriteria)
      .values(city.criteria.map(([label, required], i) => ({ municipalityId, label: { nl: label }, required, position: i + 1 })))
      .returning({ id: eligibilityCriteria.id });
    const criteriaIds = criteria.map((c) => c.id);
    const [referral] = await db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.municipalityId, municipalityId), eq(referrals.target, "device_bank")))
      .limit(1);
    const taken = new Set<string>();

    for (const [i, demo] of city.applications.entries()) {
      const plan = demo.plan;
      const started = "kind" in plan ? { on_loan: 30, overdue: 95, extended: 86, gifted: 110, returned: 130, reserved: 3 }[plan.state] : 2 + i;
      const input = applicationInput.parse({
        applicantName: demo.name,
        phone: demo.phone ?? "",
        email: demo.email ?? "",
        language: demo.language,
        kinds: demo.kinds,
        purpose: demo.purpose,
        householdSize: String(demo.householdSize),
        postcode: demo.postcode,
        address: demo.address,
        reason: demo.reason,
        referrerName: demo.referrer?.[0] ?? "",
        referrerContact: demo.referrer?.[1] ?? "",
        criteriaChecked: plan.state === "submitted" ? [] : criteriaIds,
        helpPointId: demo.referrer ? "" : pointId,
        referralId: demo.fromReferral && referral ? referral.id : "",
      });
      const created = await createApplication(db, municipalityId, input, helper, ago(started + 2));
      if (!created.ok) throw new Error(`Demo lending data: ${demo.name}: ${created.message}`);
      const id = created.id;
      const fail = (what: string, r: { ok: boolean; message?: string }) => {
        if (!r.ok) throw new Error(`Demo lending data: ${demo.name}, ${what}: ${r.message}`);
      };
      switch (plan.state) {
        case "submitted":
          continue;
        case "withdrawn":
          await db.update(deviceApplications).set({ status: "withdrawn", lastActivityAt: ago(started) }).where(eq(deviceApplications.id, id));
          continue;
        case "waiting":
          fail("wait", await decideApplication(db, municipalityId, id, { decision: "wait", criteriaChecked: criteriaIds }, officer, ago(started)));
          continue;
        case "declined":
          fail(
            "decline",
            await decideApplication(
              db,
              municipalityId,
              id,
              { decision: "decline", reason: city.slug === "hasselt" ? "U woont niet in Hasselt. Vraag in uw eigen gemeente naar een toestel; we helpen u zoeken." : "U hebt al een laptop die werkt. Kom naar het digipunt: we maken hem samen sneller." },
              officer,
              ago(started),
            ),
          );
          continue;
        default:
          break;
      }
      fail("approve", await decideApplication(db, municipalityId, id, { decision: "approve", criteriaChecked: criteriaIds }, officer, ago(started + 1)));
      if (plan.state === "approved" || !("kind" in plan)) continue;

      const deviceId = await readyDevice(db, municipalityId, plan.kind, city.prefix, pointId, taken);
      const pickUp = ago(started);
      const from = brusselsDate(pickUp);
      const reserved = await reserveDevice(db, municipalityId, { applicationId: id, deviceId, startsOn: plan.state === "reserved" ? brusselsDate(now) : from, endsOn: brusselsDate(new Date(pickUp.getTime() + 7 * DAY)) }, officer, plan.state === "reserved" ? now : pickUp);
      fail("reserve", reserved);
      if (!reserved.ok || plan.state === "reserved") continue;
      const loanId = reserved.loanId;
      fail("hand over", await handOver(db, municipalityId, loanId, i % 2 ? "screen" : "paper", officer, pickUp));

      if (plan.state === "extended") {
        fail("extend", await extendLoan(db, municipalityId, loanId, officer, ago(5)));
      } else if (plan.state === "gifted") {
        fail("gift", await giftLoan(db, municipalityId, loanId, "Cursus 'Aan de slag met de computer' afgerond: mag het toestel houden.", officer, ago(20)));
      } else if (plan.state === "returned") {
        fail("return", await returnDevice(db, municipalityId, { loanId }, { condition: "good", missingAccessories: "Sim-pinbrief", damageNote: null }, officer, ago(40)));
      } else if (plan.state === "overdue") {
        // What the reminder job and a staff member did: a reminder before, one on the day, then a phone call.
        const [loan] = await db.select({ endsOn: deviceLoans.endsOn }).from(deviceLoans).where(eq(deviceLoans.id, loanId));
        const due = new Date(`${loan.endsOn}T09:00:00+01:00`);
        const before = new Date(due.getTime() - 3 * DAY);
        await db.update(deviceLoans).set({ reminderBeforeSentAt: before, reminderDueSentAt: due }).where(eq(deviceLoans.id, loanId));
        await db.insert(loanContacts).values([
          { loanId, channel: "sms", note: "Automatische herinnering: binnenkort terugbrengen", at: before },
          { loanId, channel: "sms", note: "Automatische herinnering: vandaag terugbrengen", at: due },
          { loanId, channel: "phone", note: "Demo: gebeld, geen antwoord. Voicemail ingesproken.", userId: officer.id, at: new Date(due.getTime() + 3 * DAY) },
        ]);
      }
    }
  }
  // The outbox stays empty of demo lending messages (made-up numbers).
  await db.delete(outbox).where(like(outbox.subjectRef, "device_application:%"));
  // Loans that are due within the reminder window count as reminded, so the job does not text demo numbers.
  await db
    .update(deviceLoans)
    .set({ reminderBeforeSentAt: sql`coalesce(${deviceLoans.reminderBeforeSentAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(inArray(deviceLoans.status, ["on_loan"]), sql`${deviceLoans.endsOn} <= ${brusselsDate(new Date(now.getTime() + 14 * DAY))}::date`));
}
