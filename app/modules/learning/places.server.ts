import { sql } from "drizzle-orm";

// Correlated subqueries on course_runs, written out: Drizzle leaves columns unqualified in a single-table select.
export const OFFERED_COUNT = sql<number>`(select count(*)::int from registrations r where r.run_id = course_runs.id and r.status = 'offered')`;
export const WAITING_COUNT = sql<number>`(select count(*)::int from registrations r where r.run_id = course_runs.id and r.status = 'waiting')`;

/** A run planned for one school class (a workshop request): not in the public catalogue, no public registration. */
export const IS_CLASS_WORKSHOP = sql<boolean>`exists (select 1 from workshop_requests w where w.run_id = course_runs.id)`;

/**
 * Free places of a run, the one rule everywhere: capacity minus the registered and the places held for an offer;
 * none while people are waiting, so nobody jumps the queue.
 */
export function freePlaces(run: { capacity: number; registeredCount: number; offered?: number | string; waiting?: number | string }): number {
  if (Number(run.waiting ?? 0) > 0) return 0;
  return Math.max(0, run.capacity - run.registeredCount - Number(run.offered ?? 0));
}
