// Helpers shared by the contention benchmarks (registrations, appointments, help-question log).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase, type Database } from "~/db/client.server";

/**
 * Load an app module through Vite's SSR loader: modules whose messages come from the i18n catalogues use
 * import.meta.glob, a Vite feature that tsx (which runs the benchmark) does not have.
 */
export async function loadAppModule<T>(modulePath: string): Promise<{ module: T; close: () => Promise<void> }> {
  const { createServer } = await import("vite");
  const root = path.resolve(import.meta.dirname, "../..");
  const server = await createServer({
    configFile: false,
    root,
    logLevel: "error",
    appType: "custom",
    resolve: { alias: { "~": path.join(root, "app") } },
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    ssr: { external: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "date-holidays"] },
  });
  const module = (await server.ssrLoadModule(modulePath)) as T;
  return { module, close: () => server.close() };
}

/** The p-th percentile (nearest rank) of ascending numbers; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Run one contention benchmark on its own (`tsx scripts/bench/x.ts`): on PGlite in memory, and also on
 * PostgreSQL when BENCH_DATABASE_URL is set; exits 1 when a run misses its target. Does nothing when the file is
 * imported (by run.ts).
 */
export async function runStandalone(moduleUrl: string, bench: (database: Database) => Promise<{ pass: boolean }>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const opens: (() => Promise<Database>)[] = [() => openDatabase({ dataDir: "memory://" })];
  if (process.env.BENCH_DATABASE_URL) opens.push(() => openDatabase({ url: process.env.BENCH_DATABASE_URL, max: 20 }));
  let failed = false;
  for (const open of opens) {
    const database = await open();
    try {
      await database.migrate();
      failed ||= !(await bench(database)).pass;
    } finally {
      await database.close();
    }
  }
  process.exit(failed ? 1 : 0);
}
