import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // A fresh embedded database with demo data for every run (one per port, so runs on other ports do not collide).
    command: `rm -rf .e2e-data/${PORT} && DATA_DIR=.e2e-data/${PORT}/pglite PORT=${PORT} HOST=127.0.0.1 LOGIN_RATE_LIMIT=1000 PUBLIC_POST_RATE_LIMIT=1000 LOG_LEVEL=warn npx tsx server.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
