/**
 * DEMO data for the learning module: courses for Antwerpen and Hasselt, with runs at demo help points and weekly
 * sessions. Dates are relative to the day the demo is loaded, so the catalogue always has courses to come.
 * All people on the demo registration lists are made up (no contact details).
 *
 * Pure data: the seeder in learning-seed.server.ts writes it to the database.
 */
import type { Translated } from "~/db/schema/tenancy";
import type { DemoMunicipalitySlug, TopicCode } from "./demo-data";

export interface DemoRun {
  /** A help point of the same municipality (by name), or null with a venue. */
  helpPoint: string | null;
  venue?: string;
  capacity: number;
  /** People registered: demo registrations are created for them (registeredCount = this number). */
  registered: number;
  /** People on the waiting list (only for a full run). */
  waiting?: number;
  /** First session: the first `weekday` (1 = Monday … 7 = Sunday) on or after the seed day + startInDays. */
  startInDays: number;
  weekday: number;
  from: string;
  to: string;
  /** Number of weekly sessions. */
  sessions: number;
  /** For courses for city staff: departments of the demo registrations, in turn. */
  departments?: string[];
}

export interface DemoCourse {
  municipality: DemoMunicipalitySlug;
  /** Organiser: an organisation of the same municipality (by name). */
  organizer: string;
  title: Translated;
  description: Translated;
  whatToBring?: Translated;
  level: "starter" | "basic" | "advanced";
  digcompIds: string[];
  topics: TopicCode[];
  audiences: ("adults" | "seniors" | "children" | "youth" | "parents" | "newcomers" | "city_staff")[];
  instructionLanguage: string;
  format?: "group" | "individual";
  mode?: "in_person" | "online";
  priceCents?: number;
  uitpasPriceCents?: number;
  /** E-mail addresses of demo users with the trainer role. */
  trainers: string[];
  runs: DemoRun[];
}

const ANTWERP_TRAINER = "trainer@antwerpen.demo.digibrug.be";
const HASSELT_TRAINER = "trainer@hasselt.demo.digibrug.be";

const SMARTPHONE_TITLE: Translated = {
  nl: "Smartphone voor beginners",
  fr: "Le smartphone pour débutants",
  en: "Smartphone for beginners",
  ar: "الهاتف الذكي للمبتدئين",
};
const SMARTPHONE_DESCRIPTION: Translated = {
  nl: "In vier lessen leert u uw smartphone gebruiken: bellen, berichten sturen, foto's maken en apps installeren. We gaan rustig, stap voor stap. U mag alles vragen.",
  fr: "En quatre cours, vous apprenez à utiliser votre smartphone : appeler, envoyer des messages, prendre des photos et installer des applications. Nous allons lentement, pas à pas. Vous pouvez tout demander.",
  en: "In four lessons you learn to use your smartphone: calling, sending messages, taking photos and installing apps. We go slowly, step by step. You can ask anything.",
  ar: "في أربعة دروس تتعلم استخدام هاتفك الذكي: الاتصال، وإرسال الرسائل، والتقاط الصور، وتثبيت التطبيقات. نمشي ببطء، خطوة بخطوة. يمكنك أن تسأل عن كل شيء.",
};
const BRING_SMARTPHONE: Translated = {
  nl: "Uw smartphone, opgeladen, en de codes van uw telefoon (pincode).",
  fr: "Votre smartphone chargé et les codes de votre téléphone (code PIN).",
  en: "Your smartphone, charged, and the codes of your phone (PIN code).",
  ar: "هاتفك الذكي مشحونًا، ورموز هاتفك (الرمز السري).",
};
const BANKING_TITLE: Translated = {
  nl: "Veilig online bankieren",
  fr: "La banque en ligne en toute sécurité",
  en: "Safe online banking",
  ar: "استخدام البنك عبر الإنترنت بأمان",
};
const BANKING_DESCRIPTION: Translated = {
  nl: "U leert uw bankapp gebruiken: uw rekening bekijken, geld overschrijven en een QR-code scannen. U leert ook valse berichten en oplichters herkennen.",
  fr: "Vous apprenez à utiliser l'application de votre banque : voir votre compte, faire un virement et scanner un code QR. Vous apprenez aussi à reconnaître les faux messages et les arnaques.",
  en: "You learn to use your banking app: check your account, transfer money and scan a QR code. You also learn to recognise fake messages and scams.",
  ar: "تتعلم استخدام تطبيق البنك: الاطلاع على حسابك، وتحويل المال، ومسح رمز QR. وتتعلم أيضًا كيف تتعرف على الرسائل المزيفة والمحتالين.",
};
const BRING_BANKING: Translated = {
  nl: "Uw smartphone met de app van uw bank, uw bankkaart en uw kaartlezer als u er een hebt.",
  fr: "Votre smartphone avec l'application de votre banque, votre carte bancaire et votre lecteur de carte si vous en avez un.",
  en: "Your smartphone with your bank's app, your bank card and your card reader if you have one.",
  ar: "هاتفك الذكي مع تطبيق البنك، وبطاقتك البنكية، وقارئ البطاقة إذا كان عندك.",
};
const ITSME_TITLE: Translated = {
  nl: "itsme stap voor stap",
  fr: "itsme pas à pas",
  en: "itsme step by step",
  ar: "itsme خطوة بخطوة",
};
const ITSME_DESCRIPTION: Translated = {
  nl: "Samen installeren we itsme op uw smartphone. Daarna logt u ermee in bij de overheid, bijvoorbeeld in Mijn Burgerprofiel of de eBox.",
  fr: "Ensemble, nous installons itsme sur votre smartphone. Ensuite, vous vous connectez avec itsme aux services publics, par exemple Mijn Burgerprofiel ou l'eBox.",
  en: "Together we install itsme on your smartphone. Then you use it to log in to government services, for example Mijn Burgerprofiel or the eBox.",
  ar: "نثبّت معًا تطبيق itsme على هاتفك الذكي. بعد ذلك تسجّل به الدخول إلى الخدمات الحكومية، مثل Mijn Burgerprofiel أو eBox.",
};
const BRING_ITSME: Translated = {
  nl: "Uw identiteitskaart, de pincode van uw identiteitskaart, uw smartphone en uw gsm-nummer.",
  fr: "Votre carte d'identité, le code PIN de votre carte d'identité, votre smartphone et votre numéro de GSM.",
  en: "Your identity card, the PIN code of your identity card, your smartphone and your mobile number.",
  ar: "بطاقة هويتك، والرمز السري لبطاقة الهوية، وهاتفك الذكي، ورقم هاتفك.",
};
const SMARTSCHOOL_TITLE: Translated = {
  nl: "Smartschool voor ouders",
  fr: "Smartschool pour les parents",
  en: "Smartschool for parents",
  ar: "Smartschool للآباء والأمهات",
};
const SMARTSCHOOL_DESCRIPTION: Translated = {
  nl: "De school van uw kind gebruikt Smartschool. U leert berichten lezen, het rapport bekijken en de agenda van uw kind volgen, op uw smartphone of computer.",
  fr: "L'école de votre enfant utilise Smartschool. Vous apprenez à lire les messages, voir le bulletin et suivre l'agenda de votre enfant, sur votre smartphone ou votre ordinateur.",
  en: "Your child's school uses Smartschool. You learn to read messages, see the school report and follow your child's diary, on your smartphone or computer.",
  ar: "مدرسة طفلك تستخدم Smartschool. تتعلم قراءة الرسائل، والاطلاع على التقرير المدرسي، ومتابعة جدول طفلك، على هاتفك أو حاسوبك.",
};
const BRING_SMARTSCHOOL: Translated = {
  nl: "Uw smartphone en de brief van de school met uw gebruikersnaam en wachtwoord voor Smartschool.",
  fr: "Votre smartphone et la lettre de l'école avec votre nom d'utilisateur et votre mot de passe Smartschool.",
  en: "Your smartphone and the letter from the school with your Smartschool username and password.",
  ar: "هاتفك الذكي ورسالة المدرسة التي فيها اسم المستخدم وكلمة المرور الخاصة بـ Smartschool.",
};
const STAFF_TITLE: Translated = {
  nl: "Digitale inclusie voor stadspersoneel",
  fr: "L'inclusion numérique pour le personnel de la ville",
  en: "Digital inclusion for city staff",
  ar: "الإدماج الرقمي لموظفي المدينة",
};
const STAFF_DESCRIPTION: Translated = {
  nl: "Vier op de tien mensen lopen vast met digitale diensten. U leert wie dat zijn, hoe u hen aan het loket helpt, en waar u hen naartoe stuurt voor hulp.",
  fr: "Quatre personnes sur dix ont des difficultés avec les services numériques. Vous apprenez qui elles sont, comment les aider au guichet et où les envoyer pour de l'aide.",
  en: "Four in ten people struggle with digital services. You learn who they are, how to help them at the counter, and where to send them for help.",
  ar: "أربعة من كل عشرة أشخاص يواجهون صعوبة مع الخدمات الرقمية. تتعلم من هم، وكيف تساعدهم في الشباك، وإلى أين ترسلهم للحصول على المساعدة.",
};

export const DEMO_COURSES: DemoCourse[] = [
  // ------------------------------------------------------------------------------------------ Antwerpen
  {
    municipality: "antwerpen",
    organizer: "Zorgbedrijf Antwerpen – lokale dienstencentra",
    title: SMARTPHONE_TITLE,
    description: SMARTPHONE_DESCRIPTION,
    whatToBring: BRING_SMARTPHONE,
    level: "starter",
    digcompIds: ["2.1", "2.2", "5.1"],
    topics: ["smartphone-basics", "communication"],
    audiences: ["seniors", "adults"],
    instructionLanguage: "nl",
    trainers: [ANTWERP_TRAINER],
    runs: [
      // Full, with a waiting list.
      { helpPoint: "Lokaal dienstencentrum Linkeroever", capacity: 10, registered: 10, waiting: 2, startInDays: 5, weekday: 2, from: "09:30", to: "11:30", sessions: 4 },
      // Nearly full.
      { helpPoint: "Lokaal dienstencentrum Berchem", capacity: 10, registered: 9, startInDays: 9, weekday: 4, from: "14:00", to: "16:00", sessions: 4 },
      // Already started: registration closed, two lessons behind it.
      { helpPoint: "Digipunt Kiel", capacity: 8, registered: 7, startInDays: -15, weekday: 3, from: "10:00", to: "12:00", sessions: 4 },
    ],
  },
  {
    municipality: "antwerpen",
    organizer: "Bibliotheek Antwerpen",
    title: BANKING_TITLE,
    description: BANKING_DESCRIPTION,
    whatToBring: BRING_BANKING,
    level: "basic",
    digcompIds: ["4.1", "4.2", "2.6"],
    topics: ["banking", "online-safety"],
    audiences: ["adults", "seniors"],
    instructionLanguage: "nl",
    trainers: [],
    runs: [
      { helpPoint: "Bibliotheek Permeke", capacity: 12, registered: 4, startInDays: 6, weekday: 1, from: "13:30", to: "15:30", sessions: 3 },
      { helpPoint: "Bibliotheek Deurne", capacity: 12, registered: 1, startInDays: 20, weekday: 5, from: "10:00", to: "12:00", sessions: 3 },
    ],
  },
  {
    municipality: "antwerpen",
    organizer: "Stad Antwerpen – Digipunten",
    title: ITSME_TITLE,
    description: ITSME_DESCRIPTION,
    whatToBring: BRING_ITSME,
    level: "starter",
    digcompIds: ["2.6", "2.3"],
    topics: ["identity-login", "city-counter"],
    audiences: ["adults", "seniors", "newcomers"],
    instructionLanguage: "nl",
    trainers: [ANTWERP_TRAINER],
    runs: [
      { helpPoint: "Digipunt Kiel", capacity: 8, registered: 3, startInDays: 3, weekday: 5, from: "13:30", to: "15:30", sessions: 1 },
      { helpPoint: "Digipunt Sint-Jansplein", capacity: 8, registered: 0, startInDays: 10, weekday: 2, from: "18:00", to: "20:00", sessions: 1 },
    ],
  },
  {
    municipality: "antwerpen",
    organizer: "Campus De Brug",
    title: SMARTSCHOOL_TITLE,
    description: SMARTSCHOOL_DESCRIPTION,
    whatToBring: BRING_SMARTSCHOOL,
    level: "starter",
    digcompIds: ["2.1", "1.3"],
    topics: ["school-apps"],
    audiences: ["parents", "newcomers"],
    instructionLanguage: "nl",
    trainers: [],
    runs: [{ helpPoint: "Ouderdigipunt Campus De Brug", capacity: 15, registered: 6, startInDays: 4, weekday: 3, from: "08:45", to: "10:15", sessions: 2 }],
  },
  {
    municipality: "antwerpen",
    organizer: "Digidak vzw",
    title: {
      nl: "Computer-basis voor nieuwkomers",
      fr: "Les bases de l'ordinateur pour les nouveaux arrivants",
      en: "Computer basics for newcomers",
      ar: "أساسيات الحاسوب للقادمين الجدد",
    },
    description: {
      nl: "U leert werken met een computer: de muis en het toetsenbord, e-mail en internet, een document opslaan. De les is in eenvoudig Nederlands. Een helper spreekt ook Arabisch en Engels.",
      fr: "Vous apprenez à utiliser un ordinateur : la souris et le clavier, l'e-mail et internet, enregistrer un document. Le cours est en néerlandais simple. Un assistant parle aussi arabe et anglais.",
      en: "You learn to work with a computer: the mouse and keyboard, e-mail and the internet, saving a document. The lessons are in simple Dutch. A helper also speaks Arabic and English.",
      ar: "تتعلم العمل على الحاسوب: الفأرة ولوحة المفاتيح، والبريد الإلكتروني والإنترنت، وحفظ مستند. الدرس باللغة الهولندية البسيطة. يتكلم أحد المساعدين العربية والإنجليزية أيضًا.",
    },
    whatToBring: {
      nl: "Niets: er zijn computers. Hebt u een e-mailadres? Breng dan uw wachtwoord mee.",
      fr: "Rien : il y a des ordinateurs. Vous avez une adresse e-mail ? Apportez votre mot de passe.",
      en: "Nothing: there are computers. Do you have an e-mail address? Then bring your password.",
      ar: "لا شيء: توجد حواسيب. هل عندك بريد إلكتروني؟ أحضر كلمة المرور.",
    },
    level: "starter",
    digcompIds: ["1.1", "2.1", "1.3"],
    topics: ["computer-basics", "communication"],
    audiences: ["newcomers", "adults"],
    instructionLanguage: "nl",
    trainers: [ANTWERP_TRAINER],
    runs: [{ helpPoint: "Digidak Borgerhout", capacity: 12, registered: 5, startInDays: 7, weekday: 5, from: "09:30", to: "12:00", sessions: 6 }],
  },
  {
    municipality: "antwerpen",
    organizer: "Bibliotheek Antwerpen",
    title: {
      nl: "Solliciteren met de computer",
      fr: "Postuler avec l'ordinateur",
      en: "Applying for jobs with a computer",
      ar: "التقدم إلى الوظائف باستخدام الحاسوب",
    },
    description: {
      nl: "U maakt uw cv in Word, u stuurt het met een e-mail, en u zoekt vacatures op de website van VDAB.",
      fr: "Vous faites votre CV dans Word, vous l'envoyez par e-mail et vous cherchez des offres d'emploi sur le site du VDAB.",
      en: "You make your CV in Word, send it by e-mail, and look for vacancies on the VDAB website.",
      ar: "تكتب سيرتك الذاتية في Word، وترسلها بالبريد الإلكتروني، وتبحث عن الوظائف على موقع VDAB.",
    },
    whatToBring: {
      nl: "Een usb-stick en, als u die hebt, uw oude cv op papier.",
      fr: "Une clé USB et, si vous l'avez, votre ancien CV sur papier.",
      en: "A USB stick and, if you have it, your old CV on paper.",
      ar: "ذاكرة USB، وسيرتك الذاتية القديمة على الورق إن كانت عندك.",
    },
    level: "basic",
    digcompIds: ["3.1", "2.1", "1.1"],
    topics: ["work", "computer-basics"],
    audiences: ["adults", "youth"],
    instructionLanguage: "nl",
    priceCents: 1000,
    uitpasPriceCents: 200,
    trainers: [],
    runs: [{ helpPoint: "Bibliotheek Deurne", capacity: 10, registered: 2, startInDays: 12, weekday: 4, from: "18:30", to: "20:30", sessions: 3 }],
  },
  {
    municipality: "antwerpen",
    organizer: "Stad Antwerpen – Digipunten",
    title: STAFF_TITLE,
    description: STAFF_DESCRIPTION,
    level: "basic",
    digcompIds: ["2.3", "5.4"],
    topics: ["city-counter"],
    audiences: ["city_staff"],
    instructionLanguage: "nl",
    trainers: [ANTWERP_TRAINER],
    runs: [
      {
        helpPoint: null,
        venue: "Stadhuis Antwerpen, Grote Markt 1, zaal 3",
        capacity: 20,
        registered: 6,
        startInDays: 8,
        weekday: 2,
        from: "14:00",
        to: "16:30",
        sessions: 1,
        departments: ["Burgerzaken", "Sociaal Huis", "Wonen", "Burgerzaken", "Bibliotheken", "Stadswinkel"],
      },
    ],
  },

  // ------------------------------------------------------------------------------------------ Hasselt
  {
    municipality: "hasselt",
    organizer: "OCMW Hasselt",
    title: SMARTPHONE_TITLE,
    description: SMARTPHONE_DESCRIPTION,
    whatToBring: BRING_SMARTPHONE,
    level: "starter",
    digcompIds: ["2.1", "2.2", "5.1"],
    topics: ["smartphone-basics", "communication"],
    audiences: ["seniors"],
    instructionLanguage: "nl",
    trainers: [HASSELT_TRAINER],
    runs: [
      { helpPoint: "Lokaal dienstencentrum Runkst", capacity: 8, registered: 8, waiting: 1, startInDays: 6, weekday: 2, from: "14:00", to: "16:00", sessions: 4 },
      { helpPoint: "Digipunt Sociaal Huis", capacity: 8, registered: 2, startInDays: 21, weekday: 4, from: "09:30", to: "11:30", sessions: 4 },
    ],
  },
  {
    municipality: "hasselt",
    organizer: "Bibliotheek Hasselt Limburg",
    title: BANKING_TITLE,
    description: BANKING_DESCRIPTION,
    whatToBring: BRING_BANKING,
    level: "basic",
    digcompIds: ["4.1", "4.2", "2.6"],
    topics: ["banking", "online-safety"],
    audiences: ["adults", "seniors"],
    instructionLanguage: "nl",
    trainers: [HASSELT_TRAINER],
    runs: [{ helpPoint: "Bibliotheek Hasselt Limburg", capacity: 12, registered: 11, startInDays: 4, weekday: 4, from: "10:00", to: "12:00", sessions: 2 }],
  },
  {
    municipality: "hasselt",
    organizer: "Stad Hasselt – Digitale inclusie",
    title: ITSME_TITLE,
    description: ITSME_DESCRIPTION,
    whatToBring: BRING_ITSME,
    level: "starter",
    digcompIds: ["2.6", "2.3"],
    topics: ["identity-login"],
    audiences: ["adults", "seniors", "newcomers"],
    instructionLanguage: "nl",
    trainers: [HASSELT_TRAINER],
    runs: [{ helpPoint: "Openbare computerruimte Stadhuis", capacity: 6, registered: 2, startInDays: 2, weekday: 3, from: "10:00", to: "12:00", sessions: 1 }],
  },
  {
    municipality: "hasselt",
    organizer: "Stad Hasselt – Digitale inclusie",
    title: SMARTSCHOOL_TITLE,
    description: SMARTSCHOOL_DESCRIPTION,
    whatToBring: BRING_SMARTSCHOOL,
    level: "starter",
    digcompIds: ["2.1"],
    topics: ["school-apps"],
    audiences: ["parents"],
    instructionLanguage: "nl",
    trainers: [],
    runs: [{ helpPoint: "Openbare computerruimte Kuringen", capacity: 12, registered: 0, startInDays: 9, weekday: 1, from: "19:00", to: "20:30", sessions: 1 }],
  },
  {
    municipality: "hasselt",
    organizer: "Stad Hasselt – Digitale inclusie",
    title: STAFF_TITLE,
    description: STAFF_DESCRIPTION,
    level: "basic",
    digcompIds: ["2.3", "5.4"],
    topics: ["city-counter"],
    audiences: ["city_staff"],
    instructionLanguage: "nl",
    trainers: [HASSELT_TRAINER],
    runs: [
      {
        helpPoint: null,
        venue: "Stadhuis Hasselt, Limburgplein 1, vergaderzaal 2",
        capacity: 16,
        registered: 3,
        startInDays: 13,
        weekday: 4,
        from: "09:00",
        to: "11:30",
        sessions: 1,
        departments: ["Burgerzaken", "Welzijn", "Onthaal"],
      },
    ],
  },
];

/** Made-up names for the demo registration lists. */
export const DEMO_LEARNER_NAMES = [
  "Maria Peeters",
  "Jozef Janssens",
  "Fatima El Idrissi",
  "Georgette Maes",
  "Ahmed Benali",
  "Rita Claes",
  "Marcel Wouters",
  "Leen Mertens",
  "Oksana Kovalenko",
  "Hüseyin Demir",
  "Jeannine Goossens",
  "Frans Willems",
  "Mariam Haddad",
  "Simonne De Smedt",
  "Yusuf Aydın",
  "Agnes Jacobs",
  "Piet Vermeulen",
  "Nadia Amrani",
  "Lucienne Dubois",
  "Karim Bouzid",
];
