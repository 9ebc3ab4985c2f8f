import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import * as schema from "./schema";

/** One type for both drivers: domain code never knows which PostgreSQL it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

// The migrations folder sits beside this file in the source tree; the server bundle runs from build/,
// so resolve it from the working directory there.
function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const local = path.join(here, "migrations");
  return local.includes(`${path.sep}build${path.sep}`) ? path.resolve("app/db/migrations") : local;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; "memory://" for a throwaway database. */
  dataDir?: string;
  /** Connection pool size for PostgreSQL. */
  max?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(drizzlePostgres(client), { migrationsFolder: migrationsFolder() }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  // btree_gist backs the exclusion constraint that keeps device reservations from overlapping.
  const client = new PGlite(options.dataDir ?? "memory://", { extensions: { btree_gist } });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() }),
    close: () => client.close(),
  };
}

// The process-wide database, shared by the Express server and the React Router bundle
// (they are two module graphs, so the instance lives on globalThis).
const globalKey = Symbol.for("digibrug.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Database };

export function setDatabase(database: Database) {
  (globalThis as GlobalWithDb)[globalKey] = database;
}

export function getDb(): Db {
  const database = (globalThis as GlobalWithDb)[globalKey];
  if (!database) throw new Error("Database not initialised: call setDatabase() at start-up");
  return database.db;
}
