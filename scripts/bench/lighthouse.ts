// Lighthouse 12 (default config: mobile, simulated throttling) in Debian's Chromium.
import fs from "node:fs";
import { onCleanup } from "./processes";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface LighthouseScore {
  label: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  metrics: Record<string, string>;
  failedAudits: string[];
  warnings: string[];
  error?: string;
}

export type LighthouseOutcome = { ok: true; scores: LighthouseScore[] } | { ok: false; reason: string };

export async function runLighthouse(origin: string, pages: { label: string; path: string }[]): Promise<LighthouseOutcome> {
  if (!fs.existsSync(CHROMIUM)) return { ok: false, reason: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  let lighthouse: typeof import("lighthouse").default;
  let launch: typeof import("chrome-launcher").launch;
  try {
    lighthouse = (await import("lighthouse")).default;
    launch = (await import("chrome-launcher")).launch;
  } catch (error) {
    return { ok: false, reason: `lighthouse is not installed (npm i -D lighthouse@12): ${(error as Error).message}` };
  }

  let chrome: Awaited<ReturnType<typeof launch>>;
  try {
    chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  } catch (error) {
    return { ok: false, reason: `Chromium did not start: ${(error as Error).message}` };
  }
  const stop = onCleanup("stop Chromium", async () => {
    await chrome.kill();
  });
  const scores: LighthouseScore[] = [];
  try {
    for (const page of pages) {
      const url = origin + page.path;
      try {
        // A trace recording sometimes fails on a busy machine (NO_NAVSTART, NO_FCP): try once more.
        let lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
        for (let attempt = 1; ; attempt++) {
          const result = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility"],
          });
          if (!result) throw new Error("no result");
          lhr = result.lhr;
          if (!lhr.runtimeError) break;
          if (attempt === 2) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        }
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? "–";
        const failedAudits = Object.values(lhr.categories)
          .flatMap((c) => c.auditRefs)
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 0.9)
          .map((a) => `${a.id} (${a.score})`);
        scores.push({
          label: page.label,
          path: page.path,
          performance: lhr.categories.performance?.score ?? null,
          accessibility: lhr.categories.accessibility?.score ?? null,
          metrics: {
            FCP: metric("first-contentful-paint"),
            LCP: metric("largest-contentful-paint"),
            TBT: metric("total-blocking-time"),
            CLS: metric("cumulative-layout-shift"),
            SI: metric("speed-index"),
          },
          failedAudits,
          warnings: lhr.runWarnings ?? [],
        });
      } catch (error) {
        scores.push({
          label: page.label,
          path: page.path,
          performance: null,
          accessibility: null,
          metrics: {},
          failedAudits: [],
          warnings: [],
          error: (error as Error).message,
        });
      }
    }
  } finally {
    await stop();
  }
  return { ok: true, scores };
}
