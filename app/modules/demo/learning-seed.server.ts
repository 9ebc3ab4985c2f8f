/**
 * Writes the demo courses (learning-data.ts) inside the demo seed's transaction: courses with topics and trainers,
 * runs at demo help points with weekly sessions from the seed day on, and made-up registrations so that every
 * run's registeredCount equals its registered rows.
 */
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Db } from "~/db/client.server";
import { courseRuns, courses, courseSessions, courseTopics, courseTrainers, registrations } from "~/db/schema";
import { addDaysTo, belgianPublicHolidays, brusselsDate, weekdayOf } from "~/modules/finder/opening-hours";
import { brusselsInstant } from "~/modules/learning/catalogue.server";
import { DEMO_COURSES, DEMO_LEARNER_NAMES, type DemoRun } from "./learning-data";

export interface DemoLearningRefs {
  /** slug → id */
  municipalities: Map<string, string>;
  /** "<slug>/<name>" → id */
  organizations: Map<string, string>;
  /** "<slug>/<name>" → id */
  helpPoints: Map<string, string>;
  /** "<slug>/<code>" → id */
  topics: Map<string, string>;
  /** e-mail → id */
  users: Map<string, string>;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo learning data: unknown ${what} "${key}"`);
  return value;
}

/** Local dates of a run's weekly sessions; a Belgian public holiday moves the rest of the series a week on. */
export function demoSessionDates(run: Pick<DemoRun, "startInDays" | "weekday" | "sessions">, today: string): string[] {
  let date = addDaysTo(today, run.startInDays);
  while (weekdayOf(date) !== run.weekday) date = addDaysTo(date, 1);
  const dates: string[] = [];
  while (dates.length < run.sessions) {
    const holidays = belgianPublicHolidays(Number(date.slice(0, 4)), "nl");
    if (!holidays.has(date)) dates.push(date);
    date = addDaysTo(date, 7);
  }
  return dates;
}

/** Same alphabet as real registration codes: no 0/O or 1/I. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export async function seedDemoLearning(db: Db, refs: DemoLearningRefs, now: Date = new Date()): Promise<void> {
  const today = brusselsDate(now);
  const codes = new Set<string>();
  const newCode = () => {
    let code = "";
    do {
      code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    } while (codes.has(code));
    codes.add(code);
    return code;
  };
  let nameIndex = 0;

  const courseRows: (typeof courses.$inferInsert)[] = [];
  const topicRows: (typeof courseTopics.$inferInsert)[] = [];
  const trainerRows: (typeof courseTrainers.$inferInsert)[] = [];
  const runRows: (typeof courseRuns.$inferInsert)[] = [];
  const sessionRows: (typeof courseSessions.$inferInsert)[] = [];
  const registrationRows: (typeof registrations.$inferInsert)[] = [];

  for (const course of DEMO_COURSES) {
    const slug = course.municipality;
    const courseId = randomUUID();
    courseRows.push({
      id: courseId,
      municipalityId: lookup(refs.municipalities, slug, "municipality"),
      organizerId: lookup(refs.organizations, `${slug}/${course.organizer}`, "organisation"),
      title: course.title,
      description: course.description,
      whatToBring: course.whatToBring ?? null,
      level: course.level,
      digcompIds: course.digcompIds,
      audiences: course.audiences,
      instructionLanguage: course.instructionLanguage,
      format: course.format ?? "group",
      mode: course.mode ?? "in_person",
      priceCents: course.priceCents ?? 0,
      uitpasPriceCents: course.uitpasPriceCents ?? null,
    });
    for (const code of course.topics) topicRows.push({ courseId, topicId: lookup(refs.topics, `${slug}/${code}`, "topic") });
    for (const email of course.trainers) trainerRows.push({ courseId, userId: lookup(refs.users, email, "trainer") });

    for (const run of course.runs) {
      if (run.registered > run.capacity) throw new Error(`Demo learning data: run of "${course.title.nl}" is overfilled`);
      if ((run.waiting ?? 0) > 0 && run.registered < run.capacity) throw new Error(`Demo learning data: a waiting list on a run with free places`);
      const runId = randomUUID();
      runRows.push({
        id: runId,
        courseId,
        helpPointId: run.helpPoint ? lookup(refs.helpPoints, `${slug}/${run.helpPoint}`, "help point") : null,
        venue: run.venue ?? null,
        capacity: run.capacity,
        registeredCount: run.registered,
        createdAt: new Date(now.getTime() - 30 * 86_400_000),
      });
      for (const date of demoSessionDates(run, today)) {
        sessionRows.push({ runId, startsAt: brusselsInstant(date, run.from), endsAt: brusselsInstant(date, run.to) });
      }
      const person = (i: number, status: "registered" | "waiting"): typeof registrations.$inferInsert => ({
        runId,
        status,
        name: DEMO_LEARNER_NAMES[nameIndex++ % DEMO_LEARNER_NAMES.length],
        language: "nl",
        department: run.departments ? run.departments[i % run.departments.length] : null,
        code: newCode(),
        manageTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        waitingSince: status === "waiting" ? new Date(now.getTime() - (3 - i) * 3600_000) : null,
        createdAt: new Date(now.getTime() - (run.registered + (run.waiting ?? 0) - i) * 86_400_000),
      });
      for (let i = 0; i < run.registered; i++) registrationRows.push(person(i, "registered"));
      for (let i = 0; i < (run.waiting ?? 0); i++) registrationRows.push(person(i, "waiting"));
    }
  }

  await db.insert(courses).values(courseRows);
  if (topicRows.length) await db.insert(courseTopics).values(topicRows);
  if (trainerRows.length) await db.insert(courseTrainers).values(trainerRows);
  await db.insert(courseRuns).values(runRows);
  await db.insert(courseSessions).values(sessionRows);
  if (registrationRows.length) await db.insert(registrations).values(registrationRows);
}
