/**
 * Awareness among city staff (charter commitment 4): for the courses with the audience "city_staff", how many
 * employees of each department took part and completed, in total and per quarter. A quarter is the one in which
 * the run began (its first session, Belgian time). Only people with a place count (not the waiting list, not
 * cancellations).
 */
import { stringify } from "csv-stringify/sync";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { courseRuns, courses, registrations } from "~/db/schema";

/** Shown for employees who gave no department. */
export const NO_DEPARTMENT = "Geen dienst opgegeven";

export interface DepartmentFigures {
  department: string;
  registered: number;
  completed: number;
  /** completed / registered, 0–1 (0 when nobody registered). */
  rate: number;
}

export interface QuarterFigures {
  /** "2026-K1" */
  quarter: string;
  departments: DepartmentFigures[];
  total: DepartmentFigures;
}

export interface StaffAwareness {
  departments: DepartmentFigures[];
  quarters: QuarterFigures[];
  total: DepartmentFigures;
  courses: number;
}

const figures = (department: string, registered: number, completed: number): DepartmentFigures => ({
  department,
  registered,
  completed,
  rate: registered ? completed / registered : 0,
});

/** Department names as people typed them: " burgerzaken" and "Burgerzaken" are one department. */
function departmentKey(name: string | null): string {
  return (name ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("nl");
}

export async function staffAwareness(db: Db, municipalityId: string): Promise<StaffAwareness> {
  const quarter = sql<string | null>`(
    select to_char(min(s.starts_at) at time zone 'Europe/Brussels', 'YYYY') || '-K' || to_char(min(s.starts_at) at time zone 'Europe/Brussels', 'Q')
    from course_sessions s where s.run_id = ${courseRuns.id})`;
  const rows = await db
    .select({
      department: registrations.department,
      quarter,
      courseId: courses.id,
      registered: sql<number>`count(*)::int`,
      completed: sql<number>`count(${registrations.completedAt})::int`,
    })
    .from(registrations)
    .innerJoin(courseRuns, eq(courseRuns.id, registrations.runId))
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(and(eq(courses.municipalityId, municipalityId), sql`'city_staff' = any(${courses.audiences})`, eq(registrations.status, "registered")))
    .groupBy(registrations.department, quarter, courses.id);

  // The most used spelling of a department names it.
  const spellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = departmentKey(row.department);
    const shown = row.department?.trim().replace(/\s+/g, " ") || NO_DEPARTMENT;
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(shown, (counts.get(shown) ?? 0) + Number(row.registered));
    spellings.set(key, counts);
  }
  const nameOf = (key: string) => [...(spellings.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nl"))[0]?.[0] ?? NO_DEPARTMENT;

  const add = (map: Map<string, { registered: number; completed: number }>, key: string, registered: number, completed: number) => {
    const current = map.get(key) ?? { registered: 0, completed: 0 };
    current.registered += registered;
    current.completed += completed;
    map.set(key, current);
  };
  const overall = new Map<string, { registered: number; completed: number }>();
  const byQuarter = new Map<string, Map<string, { registered: number; completed: number }>>();
  for (const row of rows) {
    const key = departmentKey(row.department);
    add(overall, key, Number(row.registered), Number(row.completed));
    const q = row.quarter ?? "zonder datum";
    const map = byQuarter.get(q) ?? new Map();
    add(map, key, Number(row.registered), Number(row.completed));
    byQuarter.set(q, map);
  }
  const sortFigures = (list: DepartmentFigures[]) =>
    list.sort((a, b) => Number(a.department === NO_DEPARTMENT) - Number(b.department === NO_DEPARTMENT) || a.department.localeCompare(b.department, "nl"));
  const toList = (map: Map<string, { registered: number; completed: number }>) =>
    sortFigures([...map.entries()].map(([key, v]) => figures(nameOf(key), v.registered, v.completed)));
  const sum = (list: DepartmentFigures[]) =>
    figures(
      "Totaal",
      list.reduce((n, d) => n + d.registered, 0),
      list.reduce((n, d) => n + d.completed, 0),
    );
  const departments = toList(overall);
  const quarters = [...byQuarter.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([q, map]) => {
      const list = toList(map);
      return { quarter: q, departments: list, total: sum(list) };
    });
  return { departments, quarters, total: sum(departments), courses: new Set(rows.map((r) => r.courseId)).size };
}

/** Text people typed cannot start a spreadsheet formula. */
const protect = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The figures per quarter and department as CSV for a spreadsheet in Belgium: ";" between fields, UTF-8 with BOM. */
export function staffAwarenessCsv(data: StaffAwareness): string {
  const records: (string | number)[][] = [["Kwartaal", "Dienst", "Ingeschreven", "Voltooid", "Percentage voltooid"]];
  for (const q of data.quarters) {
    for (const d of q.departments) records.push([q.quarter, protect(d.department), d.registered, d.completed, Math.round(d.rate * 100)]);
  }
  for (const d of data.departments) records.push(["Alle kwartalen", protect(d.department), d.registered, d.completed, Math.round(d.rate * 100)]);
  records.push(["Alle kwartalen", "Totaal", data.total.registered, data.total.completed, Math.round(data.total.rate * 100)]);
  return `\uFEFF${stringify(records, { delimiter: ";", record_delimiter: "\r\n" })}`;
}
