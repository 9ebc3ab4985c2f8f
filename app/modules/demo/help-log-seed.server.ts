/**
 * Demo data of the help-question log (issue 3): each city's list of services (the city's own ones owned by a
 * city department, so the demo service owners see them), about two months of made-up anonymous help contacts at
 * a few Antwerp and Hasselt points, and two home-visit requests. Everything is made up and labelled as demo.
 * Runs inside the demo seed's transaction; random but reproducible (a seeded generator).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db/client.server";
import { governmentServices, helpContacts, helpContactServices, helpContactTopics, homeVisits } from "~/db/schema";
import { addDaysTo, belgianPublicHolidays, brusselsDate, weekdayOf } from "~/modules/finder/opening-hours";
import { brusselsInstant } from "~/modules/learning/catalogue.server";
import { newCode } from "~/modules/shared/secrets.server";
import type { AgeBand, Channel, Duration, Outcome } from "~/modules/help-log/labels";
import type { DemoLearningRefs } from "./learning-seed.server";

interface DemoService {
  name: string;
  /** The city department that owns it (its service owner sees the insights); none for national services. */
  owner?: string;
  /** Topics residents usually need with this service, and what helpers note when it goes wrong. */
  topics: string[];
  remarks: string[];
}

const ANTWERP_CITY = "Stad Antwerpen – Digipunten";
const HASSELT_CITY = "Stad Hasselt – Digitale inclusie";

const NATIONAL: DemoService[] = [
  {
    name: "MyMinfin",
    topics: ["taxes", "identity-login"],
    remarks: [
      "Voorstel van vereenvoudigde aangifte niet gevonden",
      "Aanslagbiljet staat niet in MyMinfin maar wel in eBox",
      "Inloggen met itsme lukt, daarna foutmelding",
    ],
  },
  {
    name: "itsme",
    topics: ["identity-login", "smartphone-basics"],
    remarks: [
      "itsme vraagt opnieuw de identiteitskaart te scannen",
      "Nieuwe gsm: itsme-account opnieuw activeren lukt niet zonder kaartlezer",
      "Kaartlezer herkent de identiteitskaart niet",
    ],
  },
  {
    name: "eBox",
    topics: ["ebox", "identity-login"],
    remarks: ["eBox-code komt niet aan", "Meldingen van eBox komen in spam terecht", "Begrijpt niet welke brieven nog op papier komen"],
  },
  {
    name: "CM / ziekenfonds",
    topics: ["health", "identity-login"],
    remarks: ["Mijn CM: terugbetaling aanvragen vindt het formulier niet", "Ziekenfonds-app vraagt een code per sms die niet aankomt"],
  },
  {
    name: "Bankapp",
    topics: ["banking", "smartphone-basics"],
    remarks: [
      "Bankapp blokkeert na een nieuwe gsm",
      "Digipass kwijt, bank stuurt nieuwe pas alleen per post",
      "Schrik van phishing-sms, durft niet meer te betalen",
    ],
  },
  {
    name: "Kind en Gezin / Groeipakket",
    topics: ["social-benefits", "school-apps"],
    remarks: ["Afspraak consultatiebureau online maken lukt niet op de gsm", "Groeipakket: attest niet gevonden in de app"],
  },
  {
    name: "VDAB",
    topics: ["work", "computer-basics"],
    remarks: ["Inschrijven als werkzoekende: mail met code komt niet aan", "Cv uploaden: bestand te groot"],
  },
  {
    name: "Mypension",
    topics: ["pensions", "identity-login"],
    remarks: ["Pensioendatum berekenen: begrijpt de uitkomst niet"],
  },
];

const CITY_SERVICES: Record<string, DemoService[]> = {
  antwerpen: [
    {
      name: "Stad Antwerpen e-loket",
      owner: ANTWERP_CITY,
      topics: ["city-counter", "identity-login"],
      remarks: [
        "Uittreksel uit het bevolkingsregister: betalen met Payconiq lukt niet",
        "Formulier van het e-loket valt weg na tien minuten",
        "Aanvraag bewonerskaart vraagt een document dat de bewoner niet heeft",
        "Bevestigingsmail van het e-loket komt niet aan",
      ],
    },
    {
      name: "A-kaart en stadsapps",
      owner: ANTWERP_CITY,
      topics: ["mobility", "smartphone-basics"],
      remarks: ["Bewonersparkeerkaart verlengen: knop staat onderaan en valt niet op", "A-kaart koppelen aan de app lukt niet"],
    },
  ],
  hasselt: [
    {
      name: "Stad Hasselt e-loket",
      owner: HASSELT_CITY,
      topics: ["city-counter", "identity-login"],
      remarks: [
        "Attest gezinssamenstelling: pdf opent niet op de tablet",
        "E-loket vraagt inloggen twee keer na elkaar",
        "Afspraak maken in het stadhuis: geen vrije momenten te zien",
      ],
    },
    {
      name: "Afvalkalender en recyclagepark",
      owner: HASSELT_CITY,
      topics: ["housing", "smartphone-basics"],
      remarks: ["Reservatie recyclagepark: nummerplaat wordt niet aanvaard"],
    },
  ],
};

/** Points with a busy desk in the demo, per city. */
const DESK_POINTS: Record<string, string[]> = {
  antwerpen: ["Digidak Borgerhout", "Digipunt Kiel", "Digipunt Sint-Jansplein", "Bibliotheek Permeke"],
  hasselt: ["Openbare computerruimte Stadhuis", "Digipunt Sociaal Huis", "Openbare computerruimte Kuringen"],
};

/** Mulberry32: a small seeded generator, so the demo looks the same on every machine. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  /** A weighted choice: [value, weight] pairs. */
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items[items.length - 1][0];
  };
  return { next, pick, weighted };
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo help-log data: unknown ${what} "${key}"`);
  return value;
}

export async function seedDemoHelpLog(db: Db, refs: DemoLearningRefs, now: Date = new Date()): Promise<void> {
  const random = generator(20_261_125);
  const today = brusselsDate(now);
  for (const [slug, municipalityId] of refs.municipalities) {
    if (!CITY_SERVICES[slug]) continue;
    const list = [...CITY_SERVICES[slug], ...NATIONAL];
    const serviceRows = list.map((s, i) => ({
      id: randomUUID(),
      municipalityId,
      name: s.name,
      ownerOrganizationId: s.owner ? lookup(refs.organizations, `${slug}/${s.owner}`, "organisation") : null,
      position: i + 1,
      active: true,
    }));
    await db.insert(governmentServices).values(serviceRows);

    const points = DESK_POINTS[slug].map((name) => lookup(refs.helpPoints, `${slug}/${name}`, "help point"));
    const contacts: (typeof helpContacts.$inferInsert)[] = [];
    const contactTopics: (typeof helpContactTopics.$inferInsert)[] = [];
    const contactServices: (typeof helpContactServices.$inferInsert)[] = [];
    // From two months ago up to this morning (contacts later than now are left out), so "today" has a count too.
    for (let back = 60; back >= 0; back--) {
      const date = addDaysTo(today, -back);
      if (weekdayOf(date) > 5 || belgianPublicHolidays(Number(date.slice(0, 4)), "nl").has(date)) continue;
      for (const [pointIndex, helpPointId] of points.entries()) {
        // The first point of each city is the busiest.
        const count = Math.floor(random.next() * (pointIndex === 0 ? 4 : 3));
        for (let n = 0; n < count; n++) {
          const id = randomUUID();
          const minutes = 9 * 60 + Math.floor(random.next() * 7.5 * 60);
          const occurredAt = brusselsInstant(date, `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
          if (occurredAt.getTime() > now.getTime()) continue;
          const withService = random.next() < 0.8;
          const serviceIndex = Math.floor(random.next() ** 1.6 * list.length);
          const service = list[serviceIndex];
          const outcome = random.weighted<Outcome>([
            ["solved", 55],
            ["partly", 20],
            ["come_back", 15],
            ["referred", 10],
          ]);
          const remark = withService && outcome !== "solved" && random.next() < 0.45 ? random.pick(service.remarks) : null;
          contacts.push({
            id,
            municipalityId,
            helpPointId,
            channel: random.weighted<Channel>([
              ["walk_in", 65],
              ["appointment", 20],
              ["phone", 12],
              ["home_visit", 3],
            ]),
            outcome,
            duration: random.weighted<Duration>([
              ["under_10", 20],
              ["10_to_30", 50],
              ["30_to_60", 25],
              ["over_60", 5],
            ]),
            ageBand:
              random.next() < 0.6
                ? random.weighted<AgeBand>([
                    ["18_to_34", 10],
                    ["35_to_54", 20],
                    ["55_to_64", 20],
                    ["65_to_79", 35],
                    ["80_plus", 15],
                  ])
                : null,
            language:
              random.next() < 0.5
                ? random.weighted([
                    ["nl", 60],
                    ["ar", 12],
                    ["fr", 10],
                    ["tr", 10],
                    ["en", 5],
                    ["uk", 3],
                  ] as const)
                : null,
            firstVisit: random.next() < 0.5 ? random.next() < 0.4 : null,
            remark,
            occurredAt,
          });
          const topicCodes = withService
            ? [service.topics[0], ...(random.next() < 0.3 ? service.topics.slice(1, 2) : [])]
            : [random.pick(["smartphone-basics", "computer-basics", "banking", "identity-login"])];
          for (const code of new Set(topicCodes))
            contactTopics.push({
              contactId: id,
              topicId: lookup(refs.topics, `${slug}/${code}`, "topic"),
            });
          if (withService)
            contactServices.push({
              contactId: id,
              serviceId: serviceRows[serviceIndex].id,
            });
        }
      }
    }
    for (let i = 0; i < contacts.length; i += 500) await db.insert(helpContacts).values(contacts.slice(i, i + 500));
    for (let i = 0; i < contactTopics.length; i += 1000) await db.insert(helpContactTopics).values(contactTopics.slice(i, i + 1000));
    for (let i = 0; i < contactServices.length; i += 1000) await db.insert(helpContactServices).values(contactServices.slice(i, i + 1000));
  }

  // Two home visits in Antwerp: one still to plan, one planned with the Borgerhout digihelper.
  const antwerpen = refs.municipalities.get("antwerpen");
  if (!antwerpen) return;
  let inThreeWorkdays = addDaysTo(today, 3);
  while (weekdayOf(inThreeWorkdays) > 5) inThreeWorkdays = addDaysTo(inThreeWorkdays, 1);
  await db.insert(homeVisits).values([
    {
      municipalityId: antwerpen,
      status: "requested",
      requesterKind: "relative",
      topicId: lookup(refs.topics, "antwerpen/ebox", "topic"),
      postcode: "2140",
      residentName: "Maria Verlinden (demo)",
      address: "Kroonstraat 12 bus 3",
      phone: "03 123 45 67",
      requesterName: "Jan Verlinden (demo, zoon)",
      requesterPhone: "0470 11 22 33",
      whenSuits: "Dinsdag of donderdag in de voormiddag",
      whyNoTravel: "Mijn moeder is 84 en stapt slecht sinds een val.",
      language: "nl",
      code: newCode(),
      createdAt: brusselsInstant(addDaysTo(today, -2), "10:15"),
      lastActivityAt: brusselsInstant(addDaysTo(today, -2), "10:15"),
    },
    {
      municipalityId: antwerpen,
      status: "planned",
      requesterKind: "social_worker",
      topicId: lookup(refs.topics, "antwerpen/identity-login", "topic"),
      postcode: "2060",
      residentName: "Ahmed Benali (demo)",
      address: "Handelstraat 45",
      phone: "0485 99 88 77",
      requesterName: "Sofie Claes (demo)",
      requesterPhone: "03 338 00 00",
      requesterOrganization: "OCMW Antwerpen",
      whenSuits: "Namiddag, niet op woensdag",
      whyNoTravel: "Zorgt thuis voor zijn zieke vrouw.",
      language: "ar",
      code: newCode(),
      assignedUserId: lookup(refs.users, "digihelper@antwerpen.demo.digibrug.be", "user"),
      scheduledAt: brusselsInstant(inThreeWorkdays, "14:00"),
      createdAt: brusselsInstant(addDaysTo(today, -5), "15:40"),
      lastActivityAt: brusselsInstant(addDaysTo(today, -1), "09:30"),
    },
  ]);
}
