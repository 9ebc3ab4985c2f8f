// Helpers shared by the contention benchmarks (registrations, appointments, help-question log).
import path from "node:path";

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
