/** Input that is well-formed but not acceptable (a date in the past, a name already taken), by field. */
export class InputError extends Error {
  constructor(public errors: Record<string, string>) {
    super(Object.values(errors).join(" "));
  }
}

/** True for a PostgreSQL unique violation (optionally of one named constraint), also when Drizzle wraps it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string; message?: string };
    if (pg.code === "23505") {
      if (!constraint) return true;
      const name = pg.constraint ?? pg.constraint_name;
      return name ? name === constraint : Boolean(pg.message?.includes(constraint));
    }
  }
  return false;
}
