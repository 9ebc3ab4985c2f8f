import path from "node:path";

/** Settings from the environment, read once at start-up. See README "Configuration". */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? "data/pglite"),
    /** Demo data and demo logins: on unless DEMO=off (turn it off in production). */
    demo: (env.DEMO ?? "on") !== "off",
    loginAttemptsPerWindow: Number(env.LOGIN_RATE_LIMIT ?? 30),
    publicPostsPerMinute: Number(env.PUBLIC_POST_RATE_LIMIT ?? 20),
    production: env.NODE_ENV !== "development",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
export type Config = ReturnType<typeof readConfig>;
