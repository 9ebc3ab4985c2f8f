/**
 * Demo data of warm referrals (issue 3): a handful per city in various states, one in each city nobody picked up
 * for more than 5 working days (flagged). Names are made up and marked "(demo)". Runs inside the demo seed's
 * transaction; dates are relative to today so the flag stays true.
 */
import type { Db } from "~/db/client.server";
import { referralEvents, referrals } from "~/db/schema";
import { addDaysTo, brusselsDate } from "~/modules/finder/opening-hours";
import { brusselsInstant } from "~/modules/learning/catalogue.server";
import type { DemoLearningRefs } from "./learning-seed.server";

type Status = (typeof referrals.$inferInsert)["status"] & string;
type Target = (typeof referrals.$inferInsert)["target"];

interface DemoReferral {
  city: "antwerpen" | "hasselt";
  daysAgo: number;
  target: Target;
  to?: string;
  toPoint?: string;
  from: string;
  fromPoint?: string;
  topic?: string;
  name: string;
  phone?: string;
  email?: string;
  language: string;
  reason: string;
  /** Status changes after the referral: [days after it was sent, status, note, by]. */
  history: [number, Status, string | null, string][];
}

const A_HELPER = "digihelper@antwerpen.demo.digibrug.be";
const A_POINT = "Digidak Borgerhout";
const H_HELPER = "digihelper@hasselt.demo.digibrug.be";
const H_POINT = "Openbare computerruimte Stadhuis";

const DEMO_REFERRALS: DemoReferral[] = [
  {
    city: "antwerpen", daysAgo: 14, target: "ocmw", to: "OCMW Antwerpen", from: A_HELPER, fromPoint: A_POINT, topic: "social-benefits",
    name: "Karim Haddou (demo)", phone: "0485 12 34 01", language: "fr", reason: "Vraagt naar een leefloon; zijn aanvraag online loopt vast.", history: [],
  },
  {
    city: "antwerpen", daysAgo: 1, target: "device_bank", from: A_HELPER, fromPoint: A_POINT, topic: "work",
    name: "Elena Popescu (demo)", phone: "0485 12 34 02", language: "en", reason: "Zoekt werk en heeft geen laptop om te solliciteren.", history: [],
  },
  {
    city: "antwerpen", daysAgo: 4, target: "organization", to: "Bibliotheek Antwerpen", from: A_HELPER, fromPoint: A_POINT, topic: "ebox",
    name: "Rosa Van Looy (demo)", phone: "03 230 12 03", email: "rosa.vanlooy@example.be", language: "nl", reason: "Wil leren haar eBox zelf te openen; kan niet naar Borgerhout komen.",
    history: [[1, "contacted", "Gebeld, ze komt donderdag naar de bib.", "organization@antwerpen.demo.digibrug.be"]],
  },
  {
    city: "antwerpen", daysAgo: 20, target: "course", from: "coordinator@antwerpen.demo.digibrug.be", topic: "identity-login",
    name: "Jozef Peeters (demo)", phone: "0485 12 34 04", language: "nl", reason: "Wil in een groep leren werken met itsme.",
    history: [[2, "contacted", null, "coordinator@antwerpen.demo.digibrug.be"], [9, "helped", "Ingeschreven voor de cursus in het voorjaar.", "coordinator@antwerpen.demo.digibrug.be"]],
  },
  {
    city: "antwerpen", daysAgo: 9, target: "help_point", toPoint: "Digipunt Kiel", from: A_HELPER, fromPoint: A_POINT,
    name: "Samira Aziz (demo)", phone: "0485 12 34 05", language: "ar", reason: "Woont in Kiel, wil hulp dichter bij huis.",
    history: [[3, "unreachable", "Drie keer gebeld, geen antwoord.", "coordinator@antwerpen.demo.digibrug.be"]],
  },
  {
    city: "hasselt", daysAgo: 12, target: "ocmw", to: "OCMW Hasselt", from: H_HELPER, fromPoint: H_POINT, topic: "social-benefits",
    name: "Yusuf Demir (demo)", phone: "0485 12 34 06", language: "nl", reason: "Vraagt hulp met de aanvraag voor een verwarmingstoelage.", history: [],
  },
  {
    city: "hasselt", daysAgo: 6, target: "social_internet", to: "OCMW Hasselt", from: H_HELPER, fromPoint: H_POINT, topic: "housing",
    name: "Marleen Claes (demo)", phone: "0485 12 34 07", language: "nl", reason: "Betaalt te veel voor internet; heeft een verhoogde tegemoetkoming.",
    history: [[1, "contacted", null, "organization@hasselt.demo.digibrug.be"], [3, "helped", "Sociaal tarief aangevraagd bij haar provider.", "organization@hasselt.demo.digibrug.be"]],
  },
  {
    city: "hasselt", daysAgo: 2, target: "device_bank", from: H_HELPER, fromPoint: H_POINT, topic: "school-apps",
    name: "Olena Kovalenko (demo)", phone: "0485 12 34 08", language: "en", reason: "Haar zoon heeft een laptop nodig voor school.", history: [],
  },
];

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo referral data: unknown ${what} "${key}"`);
  return value;
}

export async function seedDemoReferrals(db: Db, refs: DemoLearningRefs): Promise<void> {
  const today = brusselsDate();
  for (const r of DEMO_REFERRALS) {
    const sentAt = brusselsInstant(addDaysTo(today, -r.daysAgo), "10:30");
    const at = (days: number) => brusselsInstant(addDaysTo(today, -r.daysAgo + days), "14:00");
    const last = r.history.at(-1);
    const [row] = await db
      .insert(referrals)
      .values({
        municipalityId: lookup(refs.municipalities, r.city, "municipality"),
        target: r.target,
        toOrganizationId: r.to ? lookup(refs.organizations, `${r.city}/${r.to}`, "organisation") : null,
        toHelpPointId: r.toPoint ? lookup(refs.helpPoints, `${r.city}/${r.toPoint}`, "help point") : null,
        fromUserId: lookup(refs.users, r.from, "user"),
        fromHelpPointId: r.fromPoint ? lookup(refs.helpPoints, `${r.city}/${r.fromPoint}`, "help point") : null,
        topicId: r.topic ? lookup(refs.topics, `${r.city}/${r.topic}`, "topic") : null,
        status: last ? last[1] : "new",
        consentAt: sentAt,
        residentName: r.name,
        phone: r.phone ?? null,
        email: r.email ?? null,
        reason: r.reason,
        language: r.language,
        pickedUpAt: r.history.length ? at(r.history[0][0]) : null,
        lastActivityAt: last ? at(last[0]) : sentAt,
        createdAt: sentAt,
      })
      .returning({ id: referrals.id });
    await db.insert(referralEvents).values([
      { referralId: row.id, status: "new", userId: lookup(refs.users, r.from, "user"), at: sentAt },
      ...r.history.map(([days, status, note, by]) => ({ referralId: row.id, status, note, userId: lookup(refs.users, by, "user"), at: at(days) })),
    ]);
  }
}
