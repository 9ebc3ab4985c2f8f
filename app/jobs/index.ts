import { getDb, type Db } from "~/db/client.server";
import { sendAppointmentReminders } from "~/modules/appointments/appointments.server";
import { sendFeedbackRequests } from "~/modules/learning/feedback.server";
import { expireOffers, sendCourseReminders } from "~/modules/learning/registration.server";
import { eraseExpiredPersonalData } from "~/modules/privacy/privacy.server";
import { sendLoanReminders } from "~/modules/devices/lending.server";
import { processOutbox } from "~/modules/notifications/outbox.server";
import { transportFromEnv } from "~/modules/notifications/transport.server";

/** Background work that runs in every app process; each job is safe to run in several instances at once. */
export interface Job {
  name: string;
  everySeconds: number;
  run(db: Db, now: Date): Promise<unknown>;
}

const transport = transportFromEnv();

export const JOBS: Job[] = [
  { name: "send-outbox", everySeconds: 15, run: (db, now) => processOutbox(db, transport, now, 50) },
  { name: "course-feedback-requests", everySeconds: 600, run: (db, now) => sendFeedbackRequests(db, now) },
  { name: "course-offers", everySeconds: 60, run: (db, now) => expireOffers(db, now) },
  { name: "course-reminders", everySeconds: 60, run: (db, now) => sendCourseReminders(db, now) },
  { name: "device-loan-reminders", everySeconds: 300, run: (db, now) => sendLoanReminders(db, now) },
  { name: "appointment-reminders", everySeconds: 60, run: (db, now) => sendAppointmentReminders(db, now) },
  { name: "privacy-retention", everySeconds: 3600, run: (db, now) => eraseExpiredPersonalData(db, now) },
];

/**
 * Start the job timers. Exported through entry.server so the jobs run in the same module graph as the routes.
 * A job never overlaps itself; an error is logged and the job runs again at its next tick.
 */
export function startJobs(log: (message: string, error?: unknown) => void): () => void {
  const timers = JOBS.map((job) => {
    let running = false;
    return setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await job.run(getDb(), new Date());
      } catch (error) {
        log(`job ${job.name} failed`, error);
      } finally {
        running = false;
      }
    }, job.everySeconds * 1000);
  });
  return () => timers.forEach(clearInterval);
}
