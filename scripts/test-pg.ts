// Runs the Vitest suite again against a real PostgreSQL server (TEST_DATABASE_URL), so every database
// test proves itself on both PGlite and PostgreSQL. .ci/run provides the server.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_DATABASE_URL) {
  const message = "test:pg skipped: set TEST_DATABASE_URL to a PostgreSQL server (`.ci/run` does this).";
  if (process.env.REQUIRE_POSTGRES === "1") {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run"], { stdio: "inherit", env: { ...process.env } });
process.exit(result.status ?? 1);
