/**
 * Test fixtures for the learning module, on top of the offer fixture: a course in Antwerp with a future run of
 * capacity 2 (three sessions), a run that already started, and a course for city staff. Not a test file itself.
 */
import type { Db } from "~/db/client.server";
import { courseRuns, courses, courseSessions, courseTopics, topics } from "~/db/schema";
import { eq } from "drizzle-orm";
import { seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";

export interface LearningFixture {
  offer: OfferFixture;
  /** "Smartphone voor beginners", Antwerp, organiser: the digipunten organisation. */
  course: string;
  /** Future run at Digipunt Kiel, capacity 2, 3 weekly sessions starting in 7 days. */
  run: string;
  sessions: string[];
  /** Second future run of the same course, capacity 10 (to move people to). */
  otherRun: string;
  /** A run whose first session was yesterday: registration closed. */
  pastRun: string;
  /** A course for city staff (audience city_staff), one future run of capacity 20. */
  staffCourse: string;
  staffRun: string;
}

const DAY = 24 * 3600_000;

export async function seedLearningFixture(db: Db, now: Date = new Date()): Promise<LearningFixture> {
  const offer = await seedOfferFixture(db);
  const [topic] = await db.select().from(topics).where(eq(topics.municipalityId, offer.antwerpen.id)).limit(1);
  const [course, staffCourse] = await db
    .insert(courses)
    .values([
      {
        municipalityId: offer.antwerpen.id,
        organizerId: offer.digipunten,
        title: { nl: "Smartphone voor beginners", en: "Smartphone for beginners" },
        description: { nl: "In drie lessen leert u bellen, berichten sturen en foto's maken." },
        level: "starter",
        digcompIds: ["2.1", "5.2"],
        audiences: ["adults", "seniors"],
        completionPercent: 75,
      },
      {
        municipalityId: offer.antwerpen.id,
        organizerId: offer.digipunten,
        title: { nl: "Digitale inclusie voor stadspersoneel" },
        level: "basic",
        audiences: ["city_staff"],
      },
    ])
    .returning();
  if (topic) await db.insert(courseTopics).values({ courseId: course.id, topicId: topic.id });
  const [run, otherRun, pastRun, staffRun] = await db
    .insert(courseRuns)
    .values([
      { courseId: course.id, helpPointId: offer.digipuntKiel, capacity: 2 },
      { courseId: course.id, helpPointId: offer.permeke, capacity: 10 },
      { courseId: course.id, helpPointId: offer.digipuntKiel, capacity: 10 },
      { courseId: staffCourse.id, venue: "Stadhuis, zaal 3", capacity: 20 },
    ])
    .returning();
  const at = (days: number, hour: number) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + hour * 3600_000);
  const sessions = await db
    .insert(courseSessions)
    .values([7, 14, 21].map((d) => ({ runId: run.id, startsAt: at(d, 9), endsAt: at(d, 11) })))
    .returning();
  await db.insert(courseSessions).values([
    { runId: otherRun.id, startsAt: at(10, 13), endsAt: at(10, 15) },
    { runId: pastRun.id, startsAt: at(-1, 9), endsAt: at(-1, 11) },
    { runId: pastRun.id, startsAt: at(6, 9), endsAt: at(6, 11) },
    { runId: staffRun.id, startsAt: at(5, 14), endsAt: at(5, 16) },
  ]);
  return {
    offer,
    course: course.id,
    run: run.id,
    sessions: sessions.map((s) => s.id),
    otherRun: otherRun.id,
    pastRun: pastRun.id,
    staffCourse: staffCourse.id,
    staffRun: staffRun.id,
  };
}
