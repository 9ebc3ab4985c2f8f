/**
 * DEMO data for Digibrug: two demo municipalities (Antwerpen and Hasselt) with their districts, help topics,
 * partner organisations, services, help points, opening hours and demo staff logins.
 *
 * Everything here is demo content. The municipalities carry is_demo = true, so every organisation, help point
 * and service below is shown as demo through its municipality. Street names and postcodes are real-looking, but
 * the organisations' details, phone numbers and e-mail addresses are examples, not a directory to rely on.
 *
 * This file is pure data (no database access), so pages can import DEMO_USERS and DEMO_PASSWORD.
 * The seeder in seed.server.ts writes it to the database.
 */
import type { Translated } from "~/db/schema/tenancy";
import { belgianPublicHolidays } from "~/modules/finder/opening-hours";

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

export type DemoMunicipalitySlug = "antwerpen" | "hasselt";

export type DemoStaffRole =
  | "platform_admin"
  | "coordinator"
  | "organization_manager"
  | "digihelper"
  | "trainer"
  | "device_officer"
  | "service_owner";

export type DemoOrganizationType =
  | "city_department"
  | "service_centre"
  | "library"
  | "ocmw"
  | "ngo"
  | "school"
  | "company";

export type DemoHelpPointType = "digipunt" | "ocr" | "library" | "service_centre" | "popup" | "wifi_spot";

export type Equipment = "computers" | "printer" | "scanner" | "wifi";

export type TopicCode =
  | "identity-login"
  | "city-counter"
  | "taxes"
  | "ebox"
  | "pensions"
  | "social-benefits"
  | "housing"
  | "health"
  | "banking"
  | "work"
  | "school-apps"
  | "mobility"
  | "smartphone-basics"
  | "computer-basics"
  | "online-safety"
  | "communication"
  | "online-shopping"
  | "printing-scanning"
  | "internet-subscription";

export interface DemoMunicipality {
  slug: DemoMunicipalitySlug;
  name: string;
  defaultLanguage: string;
  languages: string[];
  phone: string;
  phoneHours: Translated;
  website: string;
  latitude: number;
  longitude: number;
  isDemo: true;
}

export interface DemoDistrict {
  name: string;
  postcodes: string[];
  population: number;
}

export interface DemoTopic {
  code: TopicCode;
  icon: string;
  name: Translated;
}

export interface DemoService {
  /** Stable key, only used to link the service to help points in this file. */
  key: string;
  name: Translated;
  description: Translated;
  free: boolean;
}

export interface DemoOrganization {
  name: string;
  type: DemoOrganizationType;
  description: Translated;
  website?: string;
  email?: string;
  phone?: string;
  services: DemoService[];
}

/** weekday: 1 = Monday … 7 = Sunday; times "HH:MM". */
export interface DemoWeeklyHours {
  weekday: number;
  opens: string;
  closes: string;
}

export type DemoException =
  | { date: string; kind: "closed"; reason: string }
  | { date: string; kind: "open"; opens: string; closes: string; reason: string };

export interface DemoHelpPoint {
  name: string;
  type: DemoHelpPointType;
  /** Name of an organisation of the same municipality. */
  organization: string;
  /** Name of a district of the same municipality. */
  district: string;
  street: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  email?: string;
  walkIn: boolean;
  byAppointment: boolean;
  wheelchairAccessible: boolean;
  accessibilityNotes: Translated;
  languages: string[];
  equipment: Equipment[];
  description: Translated;
  topics: TopicCode[];
  /** Keys of services of the point's organisation. */
  services: string[];
  hours: DemoWeeklyHours[];
  exceptions: DemoException[];
  /** Date (YYYY-MM-DD) a person last checked this entry. */
  lastCheckedAt: string;
  lastCheckedBy: string;
}

export interface DemoCity {
  municipality: DemoMunicipality;
  districts: DemoDistrict[];
  organizations: DemoOrganization[];
  helpPoints: DemoHelpPoint[];
}

export interface DemoUser {
  email: string;
  name: string;
  role: DemoStaffRole;
  /** null only for the platform admin. */
  municipality: DemoMunicipalitySlug | null;
  organization?: string;
  helpPoint?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Demo logins
// ---------------------------------------------------------------------------------------------------------------

/** One password for every demo login. Demo data is off in production (DEMO=off). */
export const DEMO_PASSWORD = "demo-digibrug-2026";

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@demo.digibrug.be", name: "Sofie Peeters", role: "platform_admin", municipality: null },

  { email: "coordinator@antwerpen.demo.digibrug.be", name: "Yasmina El Amrani", role: "coordinator", municipality: "antwerpen" },
  {
    email: "organization@antwerpen.demo.digibrug.be",
    name: "Pieter Janssens",
    role: "organization_manager",
    municipality: "antwerpen",
    organization: "Bibliotheek Antwerpen",
  },
  {
    email: "digihelper@antwerpen.demo.digibrug.be",
    name: "Mehmet Yılmaz",
    role: "digihelper",
    municipality: "antwerpen",
    helpPoint: "Digidak Borgerhout",
  },
  { email: "trainer@antwerpen.demo.digibrug.be", name: "Ann Van den Broeck", role: "trainer", municipality: "antwerpen" },
  { email: "devices@antwerpen.demo.digibrug.be", name: "Tom De Smet", role: "device_officer", municipality: "antwerpen" },
  {
    email: "service-owner@antwerpen.demo.digibrug.be",
    name: "Nadia Benali",
    role: "service_owner",
    municipality: "antwerpen",
    // Owns the city's own services in the help-question log (e-loket, Digipunt afspraken): sees where residents get stuck.
    organization: "Stad Antwerpen – Digipunten",
  },

  { email: "coordinator@hasselt.demo.digibrug.be", name: "Lien Vanhoyland", role: "coordinator", municipality: "hasselt" },
  {
    email: "organization@hasselt.demo.digibrug.be",
    name: "Koen Jaspers",
    role: "organization_manager",
    municipality: "hasselt",
    organization: "OCMW Hasselt",
  },
  {
    email: "digihelper@hasselt.demo.digibrug.be",
    name: "Fatma Kaya",
    role: "digihelper",
    municipality: "hasselt",
    helpPoint: "Openbare computerruimte Stadhuis",
  },
  { email: "trainer@hasselt.demo.digibrug.be", name: "Giovanni Russo", role: "trainer", municipality: "hasselt" },
  { email: "devices@hasselt.demo.digibrug.be", name: "Dirk Vanheusden", role: "device_officer", municipality: "hasselt" },
  {
    email: "service-owner@hasselt.demo.digibrug.be",
    name: "Elke Claes",
    role: "service_owner",
    municipality: "hasselt",
    organization: "Stad Hasselt – Digitale inclusie",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Help topics (the starter taxonomy, the same for both cities)
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_TOPICS: DemoTopic[] = [
  {
    code: "identity-login",
    icon: "id-card",
    name: {
      nl: "itsme, eID en inloggen",
      fr: "itsme, eID et connexion",
      en: "itsme, eID and logging in",
      ar: "itsme وبطاقة الهوية الإلكترونية وتسجيل الدخول",
    },
  },
  {
    code: "city-counter",
    icon: "city",
    name: {
      nl: "E-loket van de stad en Mijn Burgerprofiel",
      fr: "Guichet en ligne de la ville et Mijn Burgerprofiel",
      en: "City online counter and Mijn Burgerprofiel",
      ar: "الشباك الإلكتروني للمدينة و Mijn Burgerprofiel",
    },
  },
  {
    code: "taxes",
    icon: "tax",
    name: { nl: "Belastingen (MyMinfin)", fr: "Impôts (MyMinfin)", en: "Taxes (MyMinfin)", ar: "الضرائب (MyMinfin)" },
  },
  {
    code: "ebox",
    icon: "mailbox",
    name: {
      nl: "eBox: post van de overheid",
      fr: "eBox : courrier des autorités",
      en: "eBox: mail from the government",
      ar: "eBox: البريد الحكومي",
    },
  },
  {
    code: "pensions",
    icon: "pension",
    name: { nl: "Pensioen (mypension.be)", fr: "Pension (mypension.be)", en: "Pension (mypension.be)", ar: "التقاعد (mypension.be)" },
  },
  {
    code: "social-benefits",
    icon: "social",
    name: {
      nl: "Uitkeringen en OCMW",
      fr: "Allocations et CPAS",
      en: "Benefits and social welfare (OCMW)",
      ar: "المساعدات الاجتماعية و OCMW",
    },
  },
  {
    code: "housing",
    icon: "house",
    name: {
      nl: "Wonen en een sociale woning aanvragen",
      fr: "Logement et demande de logement social",
      en: "Housing and applying for social housing",
      ar: "السكن وطلب سكن اجتماعي",
    },
  },
  {
    code: "health",
    icon: "health",
    name: {
      nl: "Gezondheid (Mijn Gezondheid, ziekenfonds, dokter)",
      fr: "Santé (Ma Santé, mutuelle, médecin)",
      en: "Health (My Health, health insurer, doctor)",
      ar: "الصحة (Mijn Gezondheid، صندوق التأمين الصحي، الطبيب)",
    },
  },
  {
    code: "banking",
    icon: "bank",
    name: { nl: "Bank en betalen", fr: "Banque et paiements", en: "Banking and payments", ar: "البنك والدفع" },
  },
  {
    code: "work",
    icon: "work",
    name: {
      nl: "Werk (VDAB, cv, online solliciteren)",
      fr: "Emploi (VDAB, CV, postuler en ligne)",
      en: "Work (VDAB, CV, applying online)",
      ar: "العمل (VDAB، السيرة الذاتية، التقديم عبر الإنترنت)",
    },
  },
  {
    code: "school-apps",
    icon: "school",
    name: {
      nl: "School-apps voor ouders (Smartschool)",
      fr: "Applis scolaires pour les parents (Smartschool)",
      en: "School apps for parents (Smartschool)",
      ar: "تطبيقات المدرسة للآباء والأمهات (Smartschool)",
    },
  },
  {
    code: "mobility",
    icon: "bus",
    name: {
      nl: "Bus, tram en trein (De Lijn, NMBS)",
      fr: "Bus, tram et train (De Lijn, SNCB)",
      en: "Bus, tram and train (De Lijn, NMBS)",
      ar: "الحافلة والترام والقطار (De Lijn، NMBS)",
    },
  },
  {
    code: "smartphone-basics",
    icon: "phone",
    name: {
      nl: "Smartphone en tablet gebruiken",
      fr: "Utiliser un smartphone ou une tablette",
      en: "Using a smartphone or tablet",
      ar: "استخدام الهاتف الذكي والجهاز اللوحي",
    },
  },
  {
    code: "computer-basics",
    icon: "computer",
    name: {
      nl: "Computer, e-mail en internet",
      fr: "Ordinateur, e-mail et internet",
      en: "Computer, email and internet",
      ar: "الحاسوب والبريد الإلكتروني والإنترنت",
    },
  },
  {
    code: "online-safety",
    icon: "shield",
    name: {
      nl: "Veilig online (phishing, oplichting, wachtwoorden)",
      fr: "Sécurité en ligne (hameçonnage, arnaques, mots de passe)",
      en: "Staying safe online (phishing, scams, passwords)",
      ar: "الأمان على الإنترنت (التصيد والاحتيال وكلمات المرور)",
    },
  },
  {
    code: "communication",
    icon: "chat",
    name: {
      nl: "Contact houden (WhatsApp, videobellen, sociale media)",
      fr: "Garder le contact (WhatsApp, appels vidéo, réseaux sociaux)",
      en: "Staying in touch (WhatsApp, video calls, social media)",
      ar: "التواصل (واتساب، مكالمات الفيديو، وسائل التواصل الاجتماعي)",
    },
  },
  {
    code: "online-shopping",
    icon: "cart",
    name: { nl: "Online winkelen", fr: "Achats en ligne", en: "Online shopping", ar: "التسوق عبر الإنترنت" },
  },
  {
    code: "printing-scanning",
    icon: "printer",
    name: { nl: "Printen en scannen", fr: "Imprimer et scanner", en: "Printing and scanning", ar: "الطباعة والمسح الضوئي" },
  },
  {
    code: "internet-subscription",
    icon: "wifi",
    name: {
      nl: "Internet thuis en sociaal internetaanbod",
      fr: "Internet à la maison et offre internet sociale",
      en: "Internet at home and the social internet offer",
      ar: "الإنترنت في المنزل والعرض الاجتماعي للإنترنت",
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Helpers for hours and dates
// ---------------------------------------------------------------------------------------------------------------

const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
const WORKDAYS = [MON, TUE, WED, THU, FRI];

/**
 * Weekly hours from compact blocks: hours([[1, 2, 3], "09:00-12:00", "13:00-16:00"], [[6], "10:00-12:00"]).
 * Two ranges on one day make a break (for lunch).
 */
export function hours(...blocks: Array<[number[], ...string[]]>): DemoWeeklyHours[] {
  const rows: DemoWeeklyHours[] = [];
  for (const [days, ...ranges] of blocks) {
    for (const weekday of days) {
      for (const range of ranges) {
        const [opens, closes] = range.split("-");
        rows.push({ weekday, opens, closes });
      }
    }
  }
  return rows.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

function closed(date: string, reason: string): DemoException {
  return { date, kind: "closed", reason };
}

/** Days without a pop-up: Belgian public holidays and the days before Christmas and New Year. */
function isNoPopupDate(iso: string): boolean {
  return iso.endsWith("-12-24") || iso.endsWith("-12-31") || belgianPublicHolidays(Number(iso.slice(0, 4)), "nl").has(iso);
}

/**
 * The season of the rotating pop-up digipunten in the demo: five months from the month the demo is loaded
 * (never before November 2026), so a freshly started demo always shows coming dates.
 */
export const POPUP_SEASON = (() => {
  const today = new Date().toISOString().slice(0, 10);
  const start = today > "2026-11-01" ? `${today.slice(0, 7)}-01` : "2026-11-01";
  const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + 5, 0));
  return { from: start, to: end.toISOString().slice(0, 10) };
})();

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * Dates of the nth weekdays of every month in a period, e.g. the 2nd and 4th Tuesday.
 * weekday: 1 = Monday … 7 = Sunday. Public holidays are skipped.
 */
export function nthWeekdayDates(from: string, to: string, weekday: number, nths: number[]): string[] {
  const dates: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  while (isoDate(year, month, 1) <= to) {
    const firstWeekday = ((new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7) + 1;
    const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
    for (const nth of nths) {
      const day = firstMatch + (nth - 1) * 7;
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCMonth() !== month - 1) continue;
      const iso = date.toISOString().slice(0, 10);
      if (iso >= from && iso <= to && !isNoPopupDate(iso)) dates.push(iso);
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return dates.sort();
}

/** The extra openings of a pop-up digipunt: twice a month on a fixed weekday, in the pop-up season. */
export function popupDates(options: {
  weekday: number;
  nths: [number, number];
  opens?: string;
  closes?: string;
  reason: string;
}): DemoException[] {
  const { opens = "13:30", closes = "16:00", reason } = options;
  return nthWeekdayDates(POPUP_SEASON.from, POPUP_SEASON.to, options.weekday, options.nths).map((date) => ({
    date,
    kind: "open" as const,
    opens,
    closes,
    reason,
  }));
}

// Common closures
const CHRISTMAS: DemoException[] = [
  closed("2026-12-24", "Gesloten op kerstavond"),
  closed("2026-12-31", "Gesloten op oudejaarsdag"),
];
const TRAINING_DAY_ANTWERPEN = closed("2026-12-03", "Opleidingsdag personeel");
const TRAINING_DAY_HASSELT = closed("2026-12-08", "Opleidingsdag personeel");
const SERVICE_CENTRE_PARTY = closed("2026-12-18", "Kerstfeest voor de bezoekers: geen digitale hulp");

// Common opening hours
const DIGIPUNT_WEEK = hours([WORKDAYS, "09:00-12:00", "13:00-16:00"]);
const SERVICE_CENTRE_WEEK = hours([WORKDAYS, "09:00-12:00", "13:00-16:30"]);
const LIBRARY_WEEK = hours([[TUE, WED, THU, FRI], "10:00-18:00"], [[SAT], "10:00-16:00"]);

// Common accessibility notes
const STEP_FREE: Translated = {
  nl: "Ingang zonder trappen, aangepast toilet.",
  en: "Step-free entrance, accessible toilet.",
};
const STEP_FREE_LIFT: Translated = {
  nl: "Ingang zonder trappen. Lift naar alle verdiepingen. Aangepast toilet.",
  en: "Step-free entrance. Lift to all floors. Accessible toilet.",
};
const STEP_FREE_LOOP: Translated = {
  nl: "Ingang zonder trappen, aangepast toilet. Ringleiding aan de balie.",
  en: "Step-free entrance, accessible toilet. Hearing loop at the desk.",
};
const STEP_FREE_NO_TOILET: Translated = {
  nl: "Ingang zonder trappen. Geen aangepast toilet.",
  en: "Step-free entrance. No accessible toilet.",
};

// ---------------------------------------------------------------------------------------------------------------
// Antwerpen
// ---------------------------------------------------------------------------------------------------------------

const ANTWERPEN_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: "Stad Antwerpen – Digipunten",
    type: "city_department",
    description: {
      nl: "De stad heeft digipunten in elk district. Je krijgt er gratis hulp bij digitale vragen. Je hebt geen afspraak nodig.",
      fr: "La ville a des digipunten dans chaque district. Vous y recevez une aide gratuite pour vos questions numériques, sans rendez-vous.",
      en: "The city runs digipunten in every district. You get free help with digital questions there. You do not need an appointment.",
    },
    website: "https://www.antwerpen.be",
    phone: "03 22 11 333",
    services: [
      {
        key: "ant-free-help",
        name: {
          nl: "Gratis hulp bij digitale vragen",
          fr: "Aide gratuite pour vos questions numériques",
          en: "Free help with digital questions",
          ar: "مساعدة مجانية في الأسئلة الرقمية",
        },
        description: {
          nl: "Een digihelper helpt je met itsme, de eBox, je bank-app of een formulier van de stad. Neem je identiteitskaart en je smartphone mee.",
          fr: "Un assistant numérique vous aide avec itsme, l'eBox, votre appli bancaire ou un formulaire de la ville. Apportez votre carte d'identité et votre smartphone.",
          en: "A digital helper helps you with itsme, the eBox, your banking app or a city form. Bring your identity card and your smartphone.",
        },
        free: true,
      },
      {
        key: "ant-home",
        name: {
          nl: "Digipunt aan huis",
          fr: "Digipunt à domicile",
          en: "Digipunt at home",
          ar: "مساعدة رقمية في المنزل",
        },
        description: {
          nl: "Kan je niet naar een digipunt komen? Dan komt een digihelper bij je thuis. Bel om een afspraak te maken.",
          fr: "Vous ne pouvez pas vous déplacer ? Un assistant numérique vient chez vous. Appelez pour prendre rendez-vous.",
          en: "Can you not come to a digipunt? Then a digital helper visits you at home. Call to make an appointment.",
        },
        free: true,
      },
      {
        key: "ant-wifi",
        name: {
          nl: "Gratis wifi in stadsgebouwen",
          fr: "Wi-Fi gratuit dans les bâtiments de la ville",
          en: "Free Wi-Fi in city buildings",
          ar: "واي فاي مجاني في مباني المدينة",
        },
        description: {
          nl: "Gebruik gratis wifi en laad je telefoon op. Je hebt geen wachtwoord nodig.",
          en: "Use free Wi-Fi and charge your phone. You do not need a password.",
        },
        free: true,
      },
    ],
  },
  {
    name: "Bibliotheek Antwerpen",
    type: "library",
    description: {
      nl: "De bibliotheken van de stad Antwerpen. In elke bib kan je gratis een computer gebruiken, printen en scannen.",
      fr: "Les bibliothèques de la ville d'Anvers. Dans chaque bibliothèque, vous pouvez utiliser un ordinateur, imprimer et scanner.",
      en: "The libraries of the city of Antwerp. In every library you can use a computer for free, print and scan.",
    },
    website: "https://www.antwerpen.be",
    services: [
      {
        key: "ant-lib-computer",
        name: {
          nl: "Computer en printer gebruiken",
          fr: "Utiliser un ordinateur et une imprimante",
          en: "Use a computer and printer",
          ar: "استخدام الحاسوب والطابعة",
        },
        description: {
          nl: "Gebruik gratis een computer met internet. Printen en scannen kan voor een kleine prijs.",
          en: "Use a computer with internet for free. Printing and scanning cost a small fee.",
        },
        free: true,
      },
      {
        key: "ant-lib-consult",
        name: {
          nl: "Digitaal spreekuur in de bib",
          fr: "Permanence numérique à la bibliothèque",
          en: "Digital drop-in hour at the library",
          ar: "ساعة الأسئلة الرقمية في المكتبة",
        },
        description: {
          nl: "Op vaste momenten zit een digihelper in de bib. Stel je vraag over je smartphone, je e-mail of een website van de overheid.",
          en: "At set times a digital helper is in the library. Ask your question about your smartphone, your email or a government website.",
        },
        free: true,
      },
    ],
  },
  {
    name: "Zorgbedrijf Antwerpen – lokale dienstencentra",
    type: "service_centre",
    description: {
      nl: "In de lokale dienstencentra kan je iedereen ontmoeten, een cursus volgen en hulp krijgen. Er zijn lessen voor senioren.",
      en: "In the local service centres you meet other people, take a course and get help. There are lessons for seniors.",
    },
    services: [
      {
        key: "ant-ldc-lessons",
        name: {
          nl: "Lessen smartphone voor senioren",
          fr: "Cours de smartphone pour seniors",
          en: "Smartphone lessons for seniors",
          ar: "دروس الهاتف الذكي لكبار السن",
        },
        description: {
          nl: "In kleine groepen leer je je smartphone of tablet gebruiken: bellen met video, foto's sturen, WhatsApp. Rustig en stap voor stap.",
          en: "In small groups you learn to use your smartphone or tablet: video calls, sending photos, WhatsApp. Calmly and step by step.",
        },
        free: false,
      },
      {
        key: "ant-ldc-help",
        name: {
          nl: "Digitale hulp in het dienstencentrum",
          fr: "Aide numérique au centre de services",
          en: "Digital help at the service centre",
          ar: "مساعدة رقمية في مركز الخدمات",
        },
        description: {
          nl: "Een vrijwilliger helpt je met je ziekenfonds, je bank-app of je pensioen. Kom langs tijdens de openingsuren.",
          en: "A volunteer helps you with your health insurer, your banking app or your pension. Drop in during opening hours.",
        },
        free: true,
      },
    ],
  },
  {
    name: "OCMW Antwerpen",
    type: "ocmw",
    description: {
      nl: "Het OCMW helpt mensen met een laag inkomen. In het sociaal huis krijg je hulp met online administratie.",
      fr: "Le CPAS aide les personnes à faible revenu. Dans la maison sociale, vous recevez de l'aide pour vos démarches en ligne.",
      en: "The OCMW helps people on a low income. At the social house you get help with online paperwork.",
    },
    services: [
      {
        key: "ant-ocmw-admin",
        name: {
          nl: "Hulp met online administratie",
          fr: "Aide pour les démarches administratives en ligne",
          en: "Help with online paperwork",
          ar: "مساعدة في المعاملات الإدارية عبر الإنترنت",
        },
        description: {
          nl: "Samen met jou vullen we formulieren in: een uitkering, een sociale woning, een premie. Breng je brieven mee.",
          en: "We fill in forms together with you: a benefit, social housing, a grant. Bring your letters.",
        },
        free: true,
      },
      {
        key: "ant-ocmw-internet",
        name: {
          nl: "Hulp bij het sociaal internetaanbod",
          fr: "Aide pour l'offre internet sociale",
          en: "Help with the social internet offer",
          ar: "مساعدة في العرض الاجتماعي للإنترنت",
        },
        description: {
          nl: "Heb je recht op goedkoper internet? We kijken het samen na en zeggen wat je moet meebrengen naar de winkel.",
          en: "Are you entitled to cheaper internet? We check it together and tell you what to bring to the shop.",
        },
        free: true,
      },
    ],
  },
  {
    name: "Digidak vzw",
    type: "ngo",
    description: {
      nl: "Digidak is een vzw in Borgerhout en Hoboken. Vrijwilligers helpen je in je eigen taal met digitale vragen.",
      en: "Digidak is a non-profit in Borgerhout and Hoboken. Volunteers help you with digital questions in your own language.",
    },
    email: "info@digidak.demo.digibrug.be",
    phone: "03 236 45 70",
    services: [
      {
        key: "ant-ngo-own-language",
        name: {
          nl: "Digitale hulp in je eigen taal",
          fr: "Aide numérique dans votre langue",
          en: "Digital help in your own language",
          ar: "مساعدة رقمية بلغتك",
        },
        description: {
          nl: "Onze vrijwilligers spreken Arabisch, Berbers, Turks, Frans, Pasjtoe en Dari. Zij helpen je met itsme, de eBox en brieven van de overheid.",
          en: "Our volunteers speak Arabic, Berber, Turkish, French, Pashto and Dari. They help you with itsme, the eBox and letters from the government.",
        },
        free: true,
      },
      {
        key: "ant-ngo-course",
        name: {
          nl: "Computerles voor nieuwkomers",
          fr: "Cours d'informatique pour primo-arrivants",
          en: "Computer lessons for newcomers",
          ar: "دروس الحاسوب للقادمين الجدد",
        },
        description: {
          nl: "Een les van tien weken: e-mail, internet, een cv maken en veilig online. Je leert ook nieuwe Nederlandse woorden.",
          en: "A ten-week course: email, internet, writing a CV and staying safe online. You also learn new Dutch words.",
        },
        free: true,
      },
    ],
  },
  {
    name: "Scheldenet nv",
    type: "company",
    description: {
      nl: "Telecombedrijf dat het charter digitale inclusie tekende. In de winkel is er gratis wifi en uitleg over het sociaal internetaanbod.",
      en: "Telecom company that signed the Digital Inclusion Charter. The shop has free Wi-Fi and explains the social internet offer.",
    },
    email: "inclusie@scheldenet.demo.digibrug.be",
    services: [
      {
        key: "ant-company-wifi",
        name: {
          nl: "Gratis wifi en uitleg over sociaal internet",
          fr: "Wi-Fi gratuit et explications sur l'internet social",
          en: "Free Wi-Fi and advice on social internet",
          ar: "واي فاي مجاني وشرح عرض الإنترنت الاجتماعي",
        },
        description: {
          nl: "Gebruik gratis wifi in de winkel. Vraag aan de balie of je recht hebt op het sociaal internetaanbod.",
          en: "Use free Wi-Fi in the shop. Ask at the desk whether you are entitled to the social internet offer.",
        },
        free: true,
      },
    ],
  },
  {
    name: "Campus De Brug",
    type: "school",
    description: {
      nl: "Secundaire school in Merksem. Ouders krijgen hulp met Smartschool en andere apps van de school.",
      en: "Secondary school in Merksem. Parents get help with Smartschool and other school apps.",
    },
    services: [
      {
        key: "ant-school-parents",
        name: {
          nl: "Hulp voor ouders met Smartschool",
          fr: "Aide aux parents pour Smartschool",
          en: "Help for parents with Smartschool",
          ar: "مساعدة الآباء والأمهات في استخدام Smartschool",
        },
        description: {
          nl: "Leer berichten en punten van je kind lezen in Smartschool. Ook voor ouders die nog weinig Nederlands spreken.",
          en: "Learn to read your child's messages and marks in Smartschool. Also for parents who speak little Dutch.",
        },
        free: true,
      },
    ],
  },
];

const STAD = "Stad Antwerpen – Digipunten";
const BIB = "Bibliotheek Antwerpen";
const LDC = "Zorgbedrijf Antwerpen – lokale dienstencentra";

const LIBRARY_TOPICS: TopicCode[] = ["computer-basics", "printing-scanning", "ebox", "online-safety", "taxes", "work"];
const SERVICE_CENTRE_TOPICS: TopicCode[] = [
  "smartphone-basics",
  "communication",
  "health",
  "banking",
  "pensions",
  "online-safety",
  "mobility",
];
const POPUP_TOPICS: TopicCode[] = [
  "identity-login",
  "city-counter",
  "ebox",
  "banking",
  "smartphone-basics",
  "online-safety",
];

function popupDescription(place: string): Translated {
  return {
    nl: `Een digihelper zit twee keer per maand in ${place}. Kom gewoon langs met je vraag. Gratis en zonder afspraak.`,
    en: `A digital helper is at ${place} twice a month. Just drop in with your question. Free, no appointment needed.`,
  };
}

const ANTWERPEN_HELP_POINTS: DemoHelpPoint[] = [
  // --- District Antwerpen -----------------------------------------------------------------------------------
  {
    name: "Bibliotheek Permeke",
    type: "library",
    organization: BIB,
    district: "Antwerpen",
    street: "De Coninckplein 25",
    postcode: "2060",
    city: "Antwerpen",
    latitude: 51.2229,
    longitude: 4.4232,
    phone: "03 338 38 00",
    email: "permeke@antwerpen.demo.digibrug.be",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en", "ar", "ber", "es"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "De grote bib aan het De Coninckplein. Gebruik gratis een computer, print of scan je papieren. Op dinsdag en donderdag zit er een digihelper klaar.",
      en: "The large library on De Coninckplein. Use a computer for free, print or scan your papers. On Tuesday and Thursday a digital helper is there for you.",
    },
    topics: [...LIBRARY_TOPICS, "city-counter", "identity-login"],
    services: ["ant-lib-computer", "ant-lib-consult"],
    hours: hours([WORKDAYS, "10:00-19:00"], [[SAT], "10:00-17:00"]),
    exceptions: [closed("2026-11-27", "Werken aan de verwarming"), ...CHRISTMAS],
    lastCheckedAt: "2026-11-18",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Digipunt Kiel",
    type: "digipunt",
    organization: STAD,
    district: "Antwerpen",
    street: "Abdijstraat 85",
    postcode: "2020",
    city: "Antwerpen",
    latitude: 51.1982,
    longitude: 4.3918,
    phone: "03 338 62 10",
    email: "digipunt.kiel@antwerpen.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "ar", "ber", "so"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Gratis hulp bij digitale vragen op het Kiel. Kom langs zonder afspraak, of maak een afspraak als je meer tijd nodig hebt.",
      en: "Free help with digital questions in Kiel. Drop in without an appointment, or book one if you need more time.",
    },
    topics: [
      "identity-login",
      "city-counter",
      "ebox",
      "social-benefits",
      "housing",
      "banking",
      "smartphone-basics",
      "online-safety",
      "taxes",
    ],
    services: ["ant-free-help", "ant-home"],
    hours: DIGIPUNT_WEEK,
    exceptions: [TRAINING_DAY_ANTWERPEN, ...CHRISTMAS],
    lastCheckedAt: "2026-10-29",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Sociaal Huis Luchtbal – digitale hulp",
    type: "digipunt",
    organization: "OCMW Antwerpen",
    district: "Antwerpen",
    street: "Columbiastraat 110",
    postcode: "2030",
    city: "Antwerpen",
    latitude: 51.2458,
    longitude: 4.4262,
    phone: "03 338 90 40",
    walkIn: false,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "fr", "en", "ar", "ro", "bg"],
    equipment: ["computers", "printer", "scanner"],
    description: {
      nl: "Contactpunt van het OCMW voor online administratie. Maak een afspraak. Breng je identiteitskaart en je brieven mee.",
      en: "OCMW contact point for online paperwork. Make an appointment. Bring your identity card and your letters.",
    },
    topics: [
      "social-benefits",
      "housing",
      "internet-subscription",
      "ebox",
      "identity-login",
      "health",
      "pensions",
      "taxes",
    ],
    services: ["ant-ocmw-admin", "ant-ocmw-internet"],
    hours: hours([[MON, THU], "09:00-12:00", "13:30-16:00"], [[TUE], "09:00-12:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-15",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Lokaal dienstencentrum Linkeroever",
    type: "service_centre",
    organization: LDC,
    district: "Antwerpen",
    street: "Frederik van Eedenplein 20",
    postcode: "2050",
    city: "Antwerpen",
    latitude: 51.2222,
    longitude: 4.3886,
    phone: "03 431 25 60",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en", "ru", "uk"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Dienstencentrum op Linkeroever. Elke week lessen smartphone en tablet. Op maandag- en woensdagvoormiddag vrije digitale hulp.",
      en: "Service centre on the Left Bank. Smartphone and tablet lessons every week. Free digital help on Monday and Wednesday mornings.",
    },
    topics: SERVICE_CENTRE_TOPICS,
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-10-08",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Digipunt Sint-Jansplein",
    type: "digipunt",
    organization: STAD,
    district: "Antwerpen",
    street: "Sint-Jansplein 40",
    postcode: "2060",
    city: "Antwerpen",
    latitude: 51.2272,
    longitude: 4.4178,
    phone: "03 338 62 30",
    email: "digipunt.sintjansplein@antwerpen.demo.digibrug.be",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: false,
    accessibilityNotes: {
      nl: "Ingang met twee treden. Bel aan, dan helpen we je binnen.",
      en: "Entrance with two steps. Ring the bell and we will help you in.",
    },
    languages: ["nl", "ar", "ber", "tr", "fr", "en", "prs"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Digipunt in het noorden van de stad. Je kan hier ook zelf printen en scannen. Zonder afspraak.",
      en: "Digipunt in the north of the city. You can also print and scan yourself. No appointment needed.",
    },
    topics: [
      "identity-login",
      "city-counter",
      "ebox",
      "taxes",
      "social-benefits",
      "housing",
      "work",
      "school-apps",
      "printing-scanning",
      "online-safety",
      "banking",
    ],
    services: ["ant-free-help"],
    hours: hours([[MON, TUE, THU, FRI], "09:00-12:00", "13:00-16:00"], [[WED], "13:00-18:00"]),
    exceptions: [TRAINING_DAY_ANTWERPEN, ...CHRISTMAS],
    lastCheckedAt: "2026-11-20",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Scheldenet-winkel Meir",
    type: "wifi_spot",
    organization: "Scheldenet nv",
    district: "Antwerpen",
    street: "Meir 78",
    postcode: "2000",
    city: "Antwerpen",
    latitude: 51.2177,
    longitude: 4.4085,
    phone: "03 808 40 40",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_NO_TOILET,
    languages: ["nl", "fr", "en"],
    equipment: ["wifi"],
    description: {
      nl: "Gratis wifi in de winkel, ook als je geen klant bent. Vraag uitleg over het sociaal internetaanbod.",
      en: "Free Wi-Fi in the shop, also if you are not a customer. Ask about the social internet offer.",
    },
    topics: ["internet-subscription", "smartphone-basics", "online-shopping", "communication"],
    services: ["ant-company-wifi"],
    hours: hours([[MON, TUE, WED, THU, FRI, SAT], "10:00-18:00"]),
    exceptions: [],
    lastCheckedAt: "2026-05-12",
    lastCheckedBy: "Nadia Benali",
  },
  {
    name: "Pop-up digipunt Antwerpen",
    type: "popup",
    organization: STAD,
    district: "Antwerpen",
    street: "Nationalestraat 150",
    postcode: "2000",
    city: "Antwerpen",
    latitude: 51.2148,
    longitude: 4.3987,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en", "ar", "es"],
    equipment: ["wifi"],
    description: popupDescription("buurthuis Sint-Andries"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: TUE, nths: [2, 4], reason: "Pop-up in buurthuis Sint-Andries" }),
    lastCheckedAt: "2026-10-14",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Berchem --------------------------------------------------------------------------------------------
  {
    name: "Bibliotheek Berchem",
    type: "library",
    organization: BIB,
    district: "Berchem",
    street: "Driekoningenstraat 134",
    postcode: "2600",
    city: "Berchem",
    latitude: 51.1958,
    longitude: 4.4224,
    phone: "03 338 08 50",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en", "pl"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib in het centrum van Berchem. Acht computers, een printer en een scanner. Vraag hulp aan de balie.",
      en: "Library in the centre of Berchem. Eight computers, a printer and a scanner. Ask for help at the desk.",
    },
    topics: [...LIBRARY_TOPICS, "online-shopping"],
    services: ["ant-lib-computer"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-30",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Lokaal dienstencentrum Berchem",
    type: "service_centre",
    organization: LDC,
    district: "Berchem",
    street: "Grote Steenweg 350",
    postcode: "2600",
    city: "Berchem",
    latitude: 51.1935,
    longitude: 4.4175,
    phone: "03 431 26 10",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "fr", "en", "it"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Ontmoetingsplek voor senioren. Leer je smartphone gebruiken of vraag hulp met je ziekenfonds en je bank.",
      en: "Meeting place for seniors. Learn to use your smartphone or ask for help with your health insurer and your bank.",
    },
    topics: [...SERVICE_CENTRE_TOPICS, "online-shopping"],
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-11-05",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Pop-up digipunt Berchem",
    type: "popup",
    organization: STAD,
    district: "Berchem",
    street: "Uitbreidingstraat 410",
    postcode: "2600",
    city: "Berchem",
    latitude: 51.1913,
    longitude: 4.431,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en", "pl"],
    equipment: ["wifi"],
    description: popupDescription("wijkcentrum Groenenhoek"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: THU, nths: [2, 4], reason: "Pop-up in wijkcentrum Groenenhoek" }),
    lastCheckedAt: "2026-10-01",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Berendrecht-Zandvliet-Lillo ------------------------------------------------------------------------
  {
    name: "Digipunt Berendrecht",
    type: "digipunt",
    organization: STAD,
    district: "Berendrecht-Zandvliet-Lillo",
    street: "Monnikenhofstraat 186",
    postcode: "2040",
    city: "Berendrecht",
    latitude: 51.3432,
    longitude: 4.3135,
    phone: "03 338 62 50",
    walkIn: false,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "en"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Digitale hulp in het districtshuis, op afspraak. Kan je niet komen? Vraag naar een digihelper aan huis.",
      en: "Digital help at the district house, by appointment. Can you not come? Ask for a digital helper at home.",
    },
    topics: ["identity-login", "city-counter", "ebox", "pensions", "health", "banking", "smartphone-basics", "taxes"],
    services: ["ant-free-help", "ant-home"],
    hours: hours([[TUE, THU], "09:00-12:00"]),
    exceptions: [TRAINING_DAY_ANTWERPEN, ...CHRISTMAS],
    lastCheckedAt: "2026-10-21",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Pop-up digipunt Berendrecht-Zandvliet-Lillo",
    type: "popup",
    organization: STAD,
    district: "Berendrecht-Zandvliet-Lillo",
    street: "Kapelstraat 5",
    postcode: "2040",
    city: "Zandvliet",
    latitude: 51.3598,
    longitude: 4.3118,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_NO_TOILET,
    languages: ["nl"],
    equipment: ["wifi"],
    description: popupDescription("de bibliotheek van Zandvliet"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: WED, nths: [1, 3], reason: "Pop-up in bibliotheek Zandvliet" }),
    lastCheckedAt: "2026-09-09",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Borgerhout ------------------------------------------------------------------------------------------
  {
    name: "Digidak Borgerhout",
    type: "digipunt",
    organization: "Digidak vzw",
    district: "Borgerhout",
    street: "Turnhoutsebaan 155",
    postcode: "2140",
    city: "Borgerhout",
    latitude: 51.2142,
    longitude: 4.4368,
    phone: "03 236 45 70",
    email: "borgerhout@digidak.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "ar", "ber", "fr", "tr", "en", "ps", "prs"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Buurtorganisatie aan de Turnhoutsebaan. Vrijwilligers helpen je in je eigen taal. Elke week computerles voor nieuwkomers.",
      en: "Neighbourhood organisation on Turnhoutsebaan. Volunteers help you in your own language. Computer lessons for newcomers every week.",
    },
    topics: [
      "identity-login",
      "city-counter",
      "ebox",
      "social-benefits",
      "housing",
      "work",
      "school-apps",
      "banking",
      "communication",
      "online-safety",
      "printing-scanning",
      "taxes",
    ],
    services: ["ant-ngo-own-language", "ant-ngo-course"],
    hours: hours([[MON, TUE, WED, THU], "09:30-12:30", "13:30-17:00"], [[FRI], "09:30-12:30"]),
    exceptions: [closed("2026-11-16", "Teamdag van de vrijwilligers"), ...CHRISTMAS],
    lastCheckedAt: "2026-11-24",
    lastCheckedBy: "Mehmet Yılmaz",
  },
  {
    name: "Bibliotheek Borgerhout",
    type: "library",
    organization: BIB,
    district: "Borgerhout",
    street: "Kroonstraat 98",
    postcode: "2140",
    city: "Borgerhout",
    latitude: 51.2088,
    longitude: 4.4356,
    phone: "03 338 08 20",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en", "ar", "ber"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib in Borgerhout met computers, printer en scanner. Op woensdag digitaal spreekuur van 14 tot 16 uur.",
      en: "Library in Borgerhout with computers, printer and scanner. Digital drop-in hour on Wednesday from 2 to 4 pm.",
    },
    topics: [...LIBRARY_TOPICS, "school-apps"],
    services: ["ant-lib-computer", "ant-lib-consult"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-10-06",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Pop-up digipunt Borgerhout",
    type: "popup",
    organization: STAD,
    district: "Borgerhout",
    street: "Krugerplein 12",
    postcode: "2140",
    city: "Borgerhout",
    latitude: 51.2167,
    longitude: 4.4433,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "ar", "ber", "tr"],
    equipment: ["wifi"],
    description: popupDescription("wijkcentrum Krugerpark"),
    topics: [...POPUP_TOPICS, "social-benefits"],
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: MON, nths: [1, 3], reason: "Pop-up in wijkcentrum Krugerpark" }),
    lastCheckedAt: "2026-11-12",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Deurne --------------------------------------------------------------------------------------------------
  {
    name: "Bibliotheek Deurne",
    type: "library",
    organization: BIB,
    district: "Deurne",
    street: "Frans Van Hombeeckplein 20",
    postcode: "2100",
    city: "Deurne",
    latitude: 51.2128,
    longitude: 4.4655,
    phone: "03 338 08 70",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en", "pl", "uk"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib in het centrum van Deurne. Gebruik een computer, print of scan. Op vrijdagvoormiddag digitaal spreekuur.",
      en: "Library in the centre of Deurne. Use a computer, print or scan. Digital drop-in hour on Friday morning.",
    },
    topics: LIBRARY_TOPICS,
    services: ["ant-lib-computer", "ant-lib-consult"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-08-12",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Lokaal dienstencentrum Deurne-Noord",
    type: "service_centre",
    organization: LDC,
    district: "Deurne",
    street: "Sint-Rochusstraat 47",
    postcode: "2100",
    city: "Deurne",
    latitude: 51.2283,
    longitude: 4.4617,
    phone: "03 431 27 30",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "ru", "uk", "pl"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Dienstencentrum in Deurne-Noord. Lessen tablet en smartphone in kleine groepen. Hulp met je pensioen en ziekenfonds.",
      en: "Service centre in Deurne-Noord. Tablet and smartphone lessons in small groups. Help with your pension and health insurer.",
    },
    topics: SERVICE_CENTRE_TOPICS,
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-10-27",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Digipunt Deurne",
    type: "digipunt",
    organization: STAD,
    district: "Deurne",
    street: "Herentalsebaan 400",
    postcode: "2100",
    city: "Deurne",
    latitude: 51.2083,
    longitude: 4.469,
    phone: "03 338 62 70",
    email: "digipunt.deurne@antwerpen.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "en", "pl", "ru", "uk", "ro", "ar"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Gratis hulp bij digitale vragen in Deurne. Ook op zaterdagvoormiddag. Voor een digihelper aan huis: bel ons.",
      en: "Free help with digital questions in Deurne. Also on Saturday morning. For a digital helper at home: call us.",
    },
    topics: [
      "identity-login",
      "city-counter",
      "ebox",
      "taxes",
      "social-benefits",
      "work",
      "banking",
      "smartphone-basics",
      "online-safety",
      "internet-subscription",
    ],
    services: ["ant-free-help", "ant-home"],
    hours: [...DIGIPUNT_WEEK, ...hours([[SAT], "10:00-12:00"])],
    exceptions: [TRAINING_DAY_ANTWERPEN, ...CHRISTMAS],
    lastCheckedAt: "2026-11-03",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Wifi-spot Districtshuis Deurne",
    type: "wifi_spot",
    organization: STAD,
    district: "Deurne",
    street: "Maurice Dequeeckerplein 1",
    postcode: "2100",
    city: "Deurne",
    latitude: 51.2107,
    longitude: 4.4686,
    phone: "03 338 61 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en"],
    equipment: ["wifi"],
    description: {
      nl: "Gratis wifi in de hal van het districtshuis. Er zijn stoelen en stopcontacten om je telefoon op te laden.",
      en: "Free Wi-Fi in the hall of the district house. There are chairs and sockets to charge your phone.",
    },
    topics: ["communication", "smartphone-basics", "internet-subscription", "city-counter"],
    services: ["ant-wifi"],
    hours: hours([WORKDAYS, "08:30-16:30"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-02-17",
    lastCheckedBy: "Yasmina El Amrani",
  },
  {
    name: "Pop-up digipunt Deurne",
    type: "popup",
    organization: STAD,
    district: "Deurne",
    street: "Boekenberglei 150",
    postcode: "2100",
    city: "Deurne",
    latitude: 51.2012,
    longitude: 4.4603,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "en", "pl", "uk"],
    equipment: ["wifi"],
    description: popupDescription("buurthuis Boekenberg"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: TUE, nths: [1, 3], reason: "Pop-up in buurthuis Boekenberg" }),
    lastCheckedAt: "2026-10-19",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Ekeren --------------------------------------------------------------------------------------------------
  {
    name: "Bibliotheek Ekeren",
    type: "library",
    organization: BIB,
    district: "Ekeren",
    street: "Veltwijcklaan 27",
    postcode: "2180",
    city: "Ekeren",
    latitude: 51.2806,
    longitude: 4.4172,
    phone: "03 338 08 90",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Kleine bib in Ekeren met vier computers. Printen en scannen kan aan de balie.",
      en: "Small library in Ekeren with four computers. You can print and scan at the desk.",
    },
    topics: LIBRARY_TOPICS,
    services: ["ant-lib-computer"],
    hours: hours([[MON, FRI], "13:00-18:00"], [[WED], "10:00-12:00", "13:00-18:00"], [[SAT], "10:00-13:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-23",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Lokaal dienstencentrum Ekeren",
    type: "service_centre",
    organization: LDC,
    district: "Ekeren",
    street: "Kloosterstraat 22",
    postcode: "2180",
    city: "Ekeren",
    latitude: 51.2791,
    longitude: 4.4236,
    phone: "03 431 28 40",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Dienstencentrum in het centrum van Ekeren. Elke dinsdag lessen smartphone voor senioren.",
      en: "Service centre in the centre of Ekeren. Smartphone lessons for seniors every Tuesday.",
    },
    topics: SERVICE_CENTRE_TOPICS,
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-07-02",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Pop-up digipunt Ekeren",
    type: "popup",
    organization: STAD,
    district: "Ekeren",
    street: "Donksesteenweg 200",
    postcode: "2180",
    city: "Ekeren",
    latitude: 51.2763,
    longitude: 4.4368,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr"],
    equipment: ["wifi"],
    description: popupDescription("ontmoetingscentrum Donk"),
    topics: [...POPUP_TOPICS, "pensions"],
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({
      weekday: THU,
      nths: [1, 3],
      opens: "09:30",
      closes: "12:00",
      reason: "Pop-up in ontmoetingscentrum Donk",
    }),
    lastCheckedAt: "2026-10-22",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Hoboken -------------------------------------------------------------------------------------------------
  {
    name: "Digidak Hoboken",
    type: "digipunt",
    organization: "Digidak vzw",
    district: "Hoboken",
    street: "Kioskplaats 40",
    postcode: "2660",
    city: "Hoboken",
    latitude: 51.1758,
    longitude: 4.3488,
    phone: "03 236 45 80",
    email: "hoboken@digidak.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: false,
    accessibilityNotes: {
      nl: "Het lokaal is op de eerste verdieping, er is geen lift. Bel vooraf: dan helpen we je beneden.",
      en: "The room is on the first floor and there is no lift. Call ahead and we will help you downstairs.",
    },
    languages: ["nl", "ar", "ber", "tr", "fr", "es", "bg"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Vrijwilligers helpen je met digitale vragen, in je eigen taal. Ook op zaterdagvoormiddag.",
      en: "Volunteers help you with digital questions, in your own language. Also on Saturday morning.",
    },
    topics: [
      "identity-login",
      "ebox",
      "social-benefits",
      "housing",
      "work",
      "school-apps",
      "communication",
      "online-safety",
      "computer-basics",
    ],
    services: ["ant-ngo-own-language", "ant-ngo-course"],
    hours: hours([[TUE, THU], "09:30-12:30", "13:30-16:30"], [[SAT], "10:00-13:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-11-10",
    lastCheckedBy: "Mehmet Yılmaz",
  },
  {
    name: "Bibliotheek Hoboken",
    type: "library",
    organization: BIB,
    district: "Hoboken",
    street: "Pastoor Coplaan 4",
    postcode: "2660",
    city: "Hoboken",
    latitude: 51.1739,
    longitude: 4.3527,
    phone: "03 338 08 60",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en", "ar"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib in Hoboken. Gebruik een computer of de gratis wifi. Op dinsdagnamiddag digitaal spreekuur.",
      en: "Library in Hoboken. Use a computer or the free Wi-Fi. Digital drop-in hour on Tuesday afternoon.",
    },
    topics: [...LIBRARY_TOPICS, "identity-login"],
    services: ["ant-lib-computer", "ant-lib-consult"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-02",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Lokaal dienstencentrum Hoboken",
    type: "service_centre",
    organization: LDC,
    district: "Hoboken",
    street: "Kapelstraat 120",
    postcode: "2660",
    city: "Hoboken",
    latitude: 51.1712,
    longitude: 4.346,
    phone: "03 431 29 50",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "ar", "tr"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Dienstencentrum in Hoboken. Digitale hulp op maandag en donderdag. Lessen tablet voor beginners.",
      en: "Service centre in Hoboken. Digital help on Monday and Thursday. Tablet lessons for beginners.",
    },
    topics: [...SERVICE_CENTRE_TOPICS, "identity-login"],
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-10-13",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Pop-up digipunt Hoboken",
    type: "popup",
    organization: STAD,
    district: "Hoboken",
    street: "Lage Weg 500",
    postcode: "2660",
    city: "Hoboken",
    latitude: 51.1696,
    longitude: 4.3378,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "ar", "tr", "fr"],
    equipment: ["wifi"],
    description: popupDescription("buurthuis Polderstad"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: WED, nths: [2, 4], reason: "Pop-up in buurthuis Polderstad" }),
    lastCheckedAt: "2026-11-04",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Merksem -------------------------------------------------------------------------------------------------
  {
    name: "Bibliotheek Merksem",
    type: "library",
    organization: BIB,
    district: "Merksem",
    street: "Bredabaan 375",
    postcode: "2170",
    city: "Merksem",
    latitude: 51.2469,
    longitude: 4.4447,
    phone: "03 338 08 40",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en", "ar"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib aan de Bredabaan. Zes computers, printer en scanner. Medewerkers helpen je op weg.",
      en: "Library on Bredabaan. Six computers, printer and scanner. Staff help you get started.",
    },
    topics: LIBRARY_TOPICS,
    services: ["ant-lib-computer"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-10-02",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Ouderdigipunt Campus De Brug",
    type: "digipunt",
    organization: "Campus De Brug",
    district: "Merksem",
    street: "Laaglandlaan 60",
    postcode: "2170",
    city: "Merksem",
    latitude: 51.2512,
    longitude: 4.4405,
    phone: "03 645 12 30",
    walkIn: false,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "ar", "tr", "en"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Voor ouders van leerlingen. Leer Smartschool gebruiken en lees de berichten van de school. Maak een afspraak via het secretariaat.",
      en: "For parents of pupils. Learn to use Smartschool and read messages from the school. Make an appointment through the school office.",
    },
    topics: ["school-apps", "computer-basics", "smartphone-basics", "communication", "online-safety"],
    services: ["ant-school-parents"],
    hours: hours([[WED], "13:00-16:00"], [[FRI], "08:30-10:00"]),
    exceptions: [closed("2026-12-23", "Kerstvakantie: de school is dicht"), closed("2026-12-30", "Kerstvakantie: de school is dicht")],
    lastCheckedAt: "2026-04-08",
    lastCheckedBy: "Sarah Maes",
  },
  {
    name: "Pop-up digipunt Merksem",
    type: "popup",
    organization: STAD,
    district: "Merksem",
    street: "Terlindenhofstraat 36",
    postcode: "2170",
    city: "Merksem",
    latitude: 51.2432,
    longitude: 4.4518,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "ar"],
    equipment: ["wifi"],
    description: popupDescription("ontmoetingscentrum Terlinden"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: FRI, nths: [2, 4], reason: "Pop-up in ontmoetingscentrum Terlinden" }),
    lastCheckedAt: "2026-09-17",
    lastCheckedBy: "Yasmina El Amrani",
  },

  // --- Wilrijk -------------------------------------------------------------------------------------------------
  {
    name: "Bibliotheek Wilrijk",
    type: "library",
    organization: BIB,
    district: "Wilrijk",
    street: "Bist 1",
    postcode: "2610",
    city: "Wilrijk",
    latitude: 51.169,
    longitude: 4.3947,
    phone: "03 338 08 80",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Bib aan het Bist. Gebruik gratis een computer. Printen en scannen kan met je bibkaart.",
      en: "Library on the Bist square. Use a computer for free. Print and scan with your library card.",
    },
    topics: [...LIBRARY_TOPICS, "online-shopping"],
    services: ["ant-lib-computer"],
    hours: LIBRARY_WEEK,
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-08-28",
    lastCheckedBy: "Pieter Janssens",
  },
  {
    name: "Lokaal dienstencentrum Valaar",
    type: "service_centre",
    organization: LDC,
    district: "Wilrijk",
    street: "Boomsesteenweg 800",
    postcode: "2610",
    city: "Wilrijk",
    latitude: 51.1633,
    longitude: 4.3876,
    phone: "03 431 30 60",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "fr", "en"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Dienstencentrum in Wilrijk. Lessen smartphone voor senioren en een vrije inloop voor digitale vragen.",
      en: "Service centre in Wilrijk. Smartphone lessons for seniors and a drop-in for digital questions.",
    },
    topics: [...SERVICE_CENTRE_TOPICS, "online-shopping"],
    services: ["ant-ldc-lessons", "ant-ldc-help"],
    hours: SERVICE_CENTRE_WEEK,
    exceptions: [SERVICE_CENTRE_PARTY, ...CHRISTMAS],
    lastCheckedAt: "2026-11-16",
    lastCheckedBy: "Ann Van den Broeck",
  },
  {
    name: "Pop-up digipunt Wilrijk",
    type: "popup",
    organization: STAD,
    district: "Wilrijk",
    street: "Heistraat 300",
    postcode: "2610",
    city: "Wilrijk",
    latitude: 51.176,
    longitude: 4.385,
    phone: "03 338 62 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr", "en"],
    equipment: ["wifi"],
    description: popupDescription("buurthuis Neerland"),
    topics: POPUP_TOPICS,
    services: ["ant-free-help"],
    hours: [],
    exceptions: popupDates({ weekday: MON, nths: [2, 4], reason: "Pop-up in buurthuis Neerland" }),
    lastCheckedAt: "2026-10-26",
    lastCheckedBy: "Yasmina El Amrani",
  },
];

export const ANTWERPEN: DemoCity = {
  municipality: {
    slug: "antwerpen",
    name: "Antwerpen",
    defaultLanguage: "nl",
    languages: ["nl", "fr", "en", "ar"],
    // "Antwerpen Info", the city's general phone number.
    phone: "03 22 11 333",
    phoneHours: {
      nl: "Elke werkdag van 8.30 tot 17 uur",
      fr: "Chaque jour ouvrable de 8 h 30 à 17 h",
      en: "Every working day from 8.30 am to 5 pm",
      ar: "كل يوم عمل من الساعة 8:30 إلى الساعة 17:00",
    },
    website: "https://www.antwerpen.be",
    latitude: 51.2194,
    longitude: 4.4025,
    isDemo: true,
  },
  districts: [
    { name: "Antwerpen", postcodes: ["2000", "2018", "2020", "2030", "2050", "2060"], population: 201000 },
    { name: "Berchem", postcodes: ["2600"], population: 43200 },
    { name: "Berendrecht-Zandvliet-Lillo", postcodes: ["2040"], population: 10900 },
    { name: "Borgerhout", postcodes: ["2140"], population: 46300 },
    { name: "Deurne", postcodes: ["2100"], population: 82400 },
    { name: "Ekeren", postcodes: ["2180"], population: 25400 },
    { name: "Hoboken", postcodes: ["2660"], population: 40100 },
    { name: "Merksem", postcodes: ["2170"], population: 45300 },
    { name: "Wilrijk", postcodes: ["2610"], population: 43800 },
  ],
  organizations: ANTWERPEN_ORGANIZATIONS,
  helpPoints: ANTWERPEN_HELP_POINTS,
};

// ---------------------------------------------------------------------------------------------------------------
// Hasselt
// ---------------------------------------------------------------------------------------------------------------

const HASSELT_CITY = "Stad Hasselt – Digitale inclusie";
const BHL = "Bibliotheek Hasselt Limburg";
const OCMW_HASSELT = "OCMW Hasselt";

const HASSELT_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: HASSELT_CITY,
    type: "city_department",
    description: {
      nl: "De stad Hasselt heeft openbare computerruimtes. Je gebruikt er gratis een computer en een begeleider helpt je. Er zijn ook workshops over itsme.",
      fr: "La ville de Hasselt a des salles informatiques publiques. Vous y utilisez un ordinateur gratuitement et un accompagnateur vous aide.",
      en: "The city of Hasselt has public computer rooms. You use a computer for free and a guide helps you. There are also workshops about itsme.",
    },
    website: "https://www.hasselt.be",
    phone: "011 23 90 00",
    services: [
      {
        key: "has-ocr",
        name: {
          nl: "Openbare computerruimte met begeleiding",
          fr: "Salle informatique publique avec accompagnement",
          en: "Public computer room with a guide",
          ar: "قاعة حواسيب عامة مع مرافق",
        },
        description: {
          nl: "Gebruik gratis een computer, printer en scanner. Een begeleider helpt je één op één.",
          en: "Use a computer, printer and scanner for free. A guide helps you one to one.",
        },
        free: true,
      },
      {
        key: "has-itsme",
        name: {
          nl: "Hulp met itsme op afspraak",
          fr: "Aide pour itsme sur rendez-vous",
          en: "Help with itsme by appointment",
          ar: "مساعدة في itsme بموعد مسبق",
        },
        description: {
          nl: "We installeren itsme samen op je smartphone. Daarna leer je inloggen op het e-loket en Mijn Burgerprofiel. Breng je identiteitskaart en pincode mee.",
          en: "We install itsme on your smartphone together. Then you learn to log in to the city's e-counter and Mijn Burgerprofiel. Bring your identity card and PIN code.",
        },
        free: true,
      },
      {
        key: "has-home",
        name: {
          nl: "Huisbezoek door de medewerker digitale inclusie",
          fr: "Visite à domicile par le collaborateur inclusion numérique",
          en: "Home visit by the digital inclusion worker",
          ar: "زيارة منزلية من موظف الإدماج الرقمي",
        },
        description: {
          nl: "Kan je niet naar ons komen? Onze medewerker komt bij je thuis en zoekt samen met jou de juiste hulp.",
          en: "Can you not come to us? Our worker visits you at home and finds the right help together with you.",
        },
        free: true,
      },
    ],
  },
  {
    name: BHL,
    type: "library",
    description: {
      nl: "De bibliotheek van Hasselt, met filialen in de deelgemeenten. Computers, wifi, printen en scannen voor iedereen.",
      en: "The Hasselt library, with branches in the sub-municipalities. Computers, Wi-Fi, printing and scanning for everyone.",
    },
    services: [
      {
        key: "has-lib-computer",
        name: {
          nl: "Computer en printer gebruiken",
          fr: "Utiliser un ordinateur et une imprimante",
          en: "Use a computer and printer",
          ar: "استخدام الحاسوب والطابعة",
        },
        description: {
          nl: "Gebruik gratis een computer met internet. Printen en scannen kan voor een kleine prijs.",
          en: "Use a computer with internet for free. Printing and scanning cost a small fee.",
        },
        free: true,
      },
      {
        key: "has-lib-gov",
        name: {
          nl: "Vragenuur digitale overheid",
          fr: "Permanence services publics en ligne",
          en: "Drop-in hour for online government services",
          ar: "ساعة الأسئلة حول الخدمات الحكومية الرقمية",
        },
        description: {
          nl: "Vragen over de eBox, MyMinfin of mypension.be? Elke donderdagnamiddag helpt een medewerker je verder.",
          en: "Questions about the eBox, MyMinfin or mypension.be? Every Thursday afternoon a staff member helps you.",
        },
        free: true,
      },
    ],
  },
  {
    name: OCMW_HASSELT,
    type: "ocmw",
    description: {
      nl: "Het OCMW helpt mensen die het moeilijk hebben. In het Sociaal Huis en de lokale dienstencentra krijg je digitale hulp en lessen.",
      fr: "Le CPAS aide les personnes en difficulté. À la maison sociale et dans les centres de services locaux, vous recevez aide et cours numériques.",
      en: "The OCMW helps people who are struggling. At the Social House and the local service centres you get digital help and lessons.",
    },
    phone: "011 23 99 00",
    services: [
      {
        key: "has-ocmw-help",
        name: {
          nl: "Gratis hulp bij digitale vragen",
          fr: "Aide gratuite pour vos questions numériques",
          en: "Free help with digital questions",
          ar: "مساعدة مجانية في الأسئلة الرقمية",
        },
        description: {
          nl: "Een digihelper helpt je met formulieren, de eBox en apps van de overheid. Kom langs of maak een afspraak.",
          en: "A digital helper helps you with forms, the eBox and government apps. Drop in or make an appointment.",
        },
        free: true,
      },
      {
        key: "has-ocmw-internet",
        name: {
          nl: "Hulp bij het sociaal internetaanbod",
          fr: "Aide pour l'offre internet sociale",
          en: "Help with the social internet offer",
          ar: "مساعدة في العرض الاجتماعي للإنترنت",
        },
        description: {
          nl: "We kijken samen of je recht hebt op goedkoper internet thuis en helpen je met de aanvraag.",
          en: "We check together whether you are entitled to cheaper internet at home and help you apply.",
        },
        free: true,
      },
      {
        key: "has-ocmw-lessons",
        name: {
          nl: "Digitale lessen in het dienstencentrum",
          fr: "Cours numériques au centre de services",
          en: "Digital lessons at the service centre",
          ar: "دروس رقمية في مركز الخدمات",
        },
        description: {
          nl: "Lessen in kleine groepen: smartphone, tablet, videobellen en veilig online. Voor beginners.",
          en: "Lessons in small groups: smartphone, tablet, video calls and staying safe online. For beginners.",
        },
        free: false,
      },
    ],
  },
];

const OCR_TOPICS: TopicCode[] = [
  "identity-login",
  "city-counter",
  "ebox",
  "computer-basics",
  "printing-scanning",
  "online-safety",
  "work",
];

const HASSELT_HELP_POINTS: DemoHelpPoint[] = [
  {
    name: "Openbare computerruimte Stadhuis",
    type: "ocr",
    organization: HASSELT_CITY,
    district: "Hasselt",
    street: "Limburgplein 1",
    postcode: "3500",
    city: "Hasselt",
    latitude: 50.9293,
    longitude: 5.3376,
    phone: "011 23 95 40",
    email: "ocr.stadhuis@hasselt.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LIFT,
    languages: ["nl", "fr", "en", "tr", "it", "ar"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Computerruimte in het stadhuis, met een begeleider. Elke maand een workshop over itsme en Mijn Burgerprofiel.",
      en: "Computer room in the town hall, with a guide. Every month a workshop about itsme and Mijn Burgerprofiel.",
    },
    topics: [...OCR_TOPICS, "taxes", "social-benefits"],
    services: ["has-ocr", "has-itsme", "has-home"],
    hours: hours([[MON, WED, FRI], "09:00-12:00"], [[TUE, THU], "09:00-12:00", "13:00-16:00"]),
    exceptions: [TRAINING_DAY_HASSELT, ...CHRISTMAS],
    lastCheckedAt: "2026-11-19",
    lastCheckedBy: "Fatma Kaya",
  },
  {
    name: "Openbare computerruimte Kuringen",
    type: "ocr",
    organization: HASSELT_CITY,
    district: "Kuringen",
    street: "Pastorijstraat 12",
    postcode: "3511",
    city: "Kuringen",
    latitude: 50.9452,
    longitude: 5.3038,
    phone: "011 23 95 50",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "it", "tr"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Computerruimte in het ontmoetingscentrum van Kuringen. Kom binnen zonder afspraak.",
      en: "Computer room in the Kuringen community centre. Come in without an appointment.",
    },
    topics: OCR_TOPICS,
    services: ["has-ocr"],
    hours: hours([[MON, WED], "13:30-16:30"], [[FRI], "09:00-12:00"]),
    exceptions: [TRAINING_DAY_HASSELT, ...CHRISTMAS],
    lastCheckedAt: "2026-10-07",
    lastCheckedBy: "Fatma Kaya",
  },
  {
    name: "Openbare computerruimte Kermt",
    type: "ocr",
    organization: HASSELT_CITY,
    district: "Kermt",
    street: "Diestersteenweg 520",
    postcode: "3510",
    city: "Kermt",
    latitude: 50.9497,
    longitude: 5.247,
    phone: "011 23 95 60",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_NO_TOILET,
    languages: ["nl", "fr"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Computerruimte in Kermt met een begeleider. Op dinsdag ook hulp op afspraak met itsme.",
      en: "Computer room in Kermt with a guide. On Tuesday also help with itsme by appointment.",
    },
    topics: [...OCR_TOPICS, "pensions"],
    services: ["has-ocr", "has-itsme"],
    hours: hours([[TUE], "09:00-12:00", "13:00-16:00"], [[THU], "13:30-16:30"]),
    exceptions: [TRAINING_DAY_HASSELT, ...CHRISTMAS],
    lastCheckedAt: "2026-09-21",
    lastCheckedBy: "Lien Vanhoyland",
  },
  {
    name: "Openbare computerruimte Wimmertingen",
    type: "ocr",
    organization: HASSELT_CITY,
    district: "Wimmertingen",
    street: "Kerkstraat 4",
    postcode: "3501",
    city: "Wimmertingen",
    latitude: 50.9175,
    longitude: 5.2735,
    phone: "011 23 95 70",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: false,
    accessibilityNotes: {
      nl: "De computerruimte is op de eerste verdieping. Er is geen lift.",
      en: "The computer room is on the first floor. There is no lift.",
    },
    languages: ["nl"],
    equipment: ["computers", "printer"],
    description: {
      nl: "Kleine computerruimte in de oude gemeenteschool. Eén namiddag per week open.",
      en: "Small computer room in the old village school. Open one afternoon a week.",
    },
    topics: ["computer-basics", "printing-scanning", "ebox", "online-safety"],
    services: ["has-ocr"],
    hours: hours([[WED], "13:30-16:30"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-03-24",
    lastCheckedBy: "Lien Vanhoyland",
  },
  {
    name: "Bibliotheek Hasselt Limburg",
    type: "library",
    organization: BHL,
    district: "Hasselt",
    street: "Bampslaan 27",
    postcode: "3500",
    city: "Hasselt",
    latitude: 50.9301,
    longitude: 5.3415,
    phone: "011 29 18 00",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "fr", "en", "tr", "it", "ar"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "De grote bib in het centrum. Veel computers, printen en scannen. Elke donderdagnamiddag een vragenuur over de digitale overheid.",
      en: "The large library in the centre. Many computers, printing and scanning. Every Thursday afternoon a drop-in hour about online government services.",
    },
    topics: [
      "computer-basics",
      "printing-scanning",
      "ebox",
      "taxes",
      "online-safety",
      "online-shopping",
      "work",
      "identity-login",
      "pensions",
    ],
    services: ["has-lib-computer", "has-lib-gov"],
    hours: hours([WORKDAYS, "10:00-18:00"], [[SAT], "10:00-16:00"]),
    exceptions: [closed("2027-01-22", "Inventaris: de bib is dicht"), ...CHRISTMAS],
    lastCheckedAt: "2026-10-30",
    lastCheckedBy: "Koen Jaspers",
  },
  {
    name: "Bibliotheek Stokrooie",
    type: "library",
    organization: BHL,
    district: "Stokrooie",
    street: "Kerkplein 3",
    postcode: "3511",
    city: "Stokrooie",
    latitude: 50.9605,
    longitude: 5.278,
    phone: "011 29 18 40",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_NO_TOILET,
    languages: ["nl"],
    equipment: ["computers", "printer", "wifi"],
    description: {
      nl: "Kleine bib in Stokrooie met twee computers en een printer.",
      en: "Small library in Stokrooie with two computers and a printer.",
    },
    topics: ["computer-basics", "printing-scanning", "ebox", "online-safety"],
    services: ["has-lib-computer"],
    hours: hours([[MON], "15:00-19:00"], [[WED], "13:00-17:00"], [[SAT], "10:00-12:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-10",
    lastCheckedBy: "Koen Jaspers",
  },
  {
    name: "Digipunt Sociaal Huis",
    type: "digipunt",
    organization: OCMW_HASSELT,
    district: "Hasselt",
    street: "Thonissenlaan 37",
    postcode: "3500",
    city: "Hasselt",
    latitude: 50.9312,
    longitude: 5.333,
    phone: "011 23 99 00",
    email: "digipunt@ocmw.hasselt.demo.digibrug.be",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE_LOOP,
    languages: ["nl", "fr", "en", "ar", "tr", "ru", "uk", "prs"],
    equipment: ["computers", "printer", "scanner", "wifi"],
    description: {
      nl: "Digipunt in het Sociaal Huis. Hulp met online aanvragen, de eBox en het sociaal internetaanbod. Kom 's morgens langs of maak een afspraak.",
      en: "Digipunt in the Social House. Help with online applications, the eBox and the social internet offer. Drop in in the morning or make an appointment.",
    },
    topics: [
      "social-benefits",
      "internet-subscription",
      "housing",
      "ebox",
      "identity-login",
      "health",
      "banking",
      "pensions",
      "city-counter",
      "taxes",
    ],
    services: ["has-ocmw-help", "has-ocmw-internet"],
    hours: hours([[MON, THU], "08:30-12:00", "13:30-16:00"], [[TUE, WED, FRI], "08:30-12:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-11-13",
    lastCheckedBy: "Koen Jaspers",
  },
  {
    name: "Lokaal dienstencentrum Runkst",
    type: "service_centre",
    organization: OCMW_HASSELT,
    district: "Hasselt",
    street: "Runksterkiezel 112",
    postcode: "3500",
    city: "Hasselt",
    latitude: 50.9165,
    longitude: 5.3221,
    phone: "011 23 98 10",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "it", "tr", "ar"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Dienstencentrum in Runkst. Lessen smartphone en tablet voor senioren. Vrije inloop op woensdagvoormiddag.",
      en: "Service centre in Runkst. Smartphone and tablet lessons for seniors. Drop-in on Wednesday morning.",
    },
    topics: ["smartphone-basics", "communication", "health", "banking", "online-safety", "mobility", "pensions"],
    services: ["has-ocmw-lessons"],
    hours: hours([WORKDAYS, "09:00-12:00", "13:00-16:30"]),
    exceptions: [closed("2026-12-17", "Kerstfeest voor de bezoekers: geen digitale hulp"), ...CHRISTMAS],
    lastCheckedAt: "2026-10-15",
    lastCheckedBy: "Giovanni Russo",
  },
  {
    name: "Lokaal dienstencentrum Sint-Lambrechts-Herk",
    type: "service_centre",
    organization: OCMW_HASSELT,
    district: "Sint-Lambrechts-Herk",
    street: "Kerkstraat 10",
    postcode: "3500",
    city: "Sint-Lambrechts-Herk",
    latitude: 50.9545,
    longitude: 5.2905,
    phone: "011 23 98 20",
    walkIn: true,
    byAppointment: true,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl", "fr"],
    equipment: ["computers", "wifi"],
    description: {
      nl: "Dienstencentrum in Sint-Lambrechts-Herk. Lessen tablet en hulp met je bank-app.",
      en: "Service centre in Sint-Lambrechts-Herk. Tablet lessons and help with your banking app.",
    },
    topics: ["smartphone-basics", "communication", "health", "banking", "online-safety", "online-shopping"],
    services: ["has-ocmw-lessons", "has-ocmw-help"],
    hours: hours([[MON, TUE, THU], "09:00-12:00", "13:00-16:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-09-28",
    lastCheckedBy: "Giovanni Russo",
  },
  {
    name: "Lokaal dienstencentrum Stevoort",
    type: "service_centre",
    organization: OCMW_HASSELT,
    district: "Stevoort",
    street: "Dorpsstraat 16",
    postcode: "3512",
    city: "Stevoort",
    latitude: 50.9145,
    longitude: 5.228,
    phone: "011 23 98 30",
    walkIn: true,
    byAppointment: false,
    wheelchairAccessible: true,
    accessibilityNotes: STEP_FREE,
    languages: ["nl"],
    equipment: ["computers"],
    description: {
      nl: "Klein dienstencentrum in Stevoort. Op vrijdag lessen smartphone voor beginners.",
      en: "Small service centre in Stevoort. Smartphone lessons for beginners on Friday.",
    },
    topics: ["smartphone-basics", "communication", "health", "banking", "pensions"],
    services: ["has-ocmw-lessons"],
    hours: hours([[TUE, FRI], "09:00-12:00"]),
    exceptions: [...CHRISTMAS],
    lastCheckedAt: "2026-02-26",
    lastCheckedBy: "Giovanni Russo",
  },
];

export const HASSELT: DemoCity = {
  municipality: {
    slug: "hasselt",
    name: "Hasselt",
    defaultLanguage: "nl",
    languages: ["nl", "fr", "en", "ar"],
    phone: "011 23 90 00",
    phoneHours: {
      nl: "Elke werkdag van 8.30 tot 17 uur",
      fr: "Chaque jour ouvrable de 8 h 30 à 17 h",
      en: "Every working day from 8.30 am to 5 pm",
      ar: "كل يوم عمل من الساعة 8:30 إلى الساعة 17:00",
    },
    website: "https://www.hasselt.be",
    latitude: 50.9307,
    longitude: 5.3325,
    isDemo: true,
  },
  districts: [
    { name: "Hasselt", postcodes: ["3500"], population: 40000 },
    { name: "Sint-Lambrechts-Herk", postcodes: ["3500"], population: 7700 },
    { name: "Wimmertingen", postcodes: ["3501"], population: 1900 },
    { name: "Kermt", postcodes: ["3510"], population: 9600 },
    { name: "Spalbeek", postcodes: ["3510"], population: 2300 },
    { name: "Kuringen", postcodes: ["3511"], population: 11200 },
    { name: "Stokrooie", postcodes: ["3511"], population: 3900 },
    { name: "Stevoort", postcodes: ["3512"], population: 3400 },
  ],
  organizations: HASSELT_ORGANIZATIONS,
  helpPoints: HASSELT_HELP_POINTS,
};

/** Both demo municipalities, in the order they are seeded. */
export const DEMO_CITIES: DemoCity[] = [ANTWERPEN, HASSELT];
