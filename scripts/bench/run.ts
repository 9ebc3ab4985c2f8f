// npm run bench [-- --quick] [--no-lighthouse] [--build | --no-build] [--json results.json]
//
// Loads 10,000 synthetic help points, starts the production server on PGlite and on PostgreSQL, and measures
// the finder page and the HSDS service_at_locations query under 50 concurrent connections (autocannon), with a
// static file of the same size as the ceiling; then page weights and Lighthouse (mobile) on the demo pages.
// A benchmark, not a test: it prints figures and PASS/MISS per target, and exits non-zero only when it breaks.
// PostgreSQL: BENCH_DATABASE_URL (the "bench" municipality in it is replaced; the demo is loaded), or a
// throwaway PostgreSQL 15 cluster in a temporary directory. Runs `react-router build` first when build/ is missing
// or older than the sources (--build forces it, --no-build skips the check).
import { benchRegistrations, type RegistrationBenchResult } from "./registrations";
import { benchTally, type TallyBenchResult } from "./tally";
import { benchAppointments, type AppointmentBenchResult } from "./appointments";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/db/client.server";
import { ensureBuild, startAppServer, type AppServer } from "./app-server";
import { runLighthouse, type LighthouseOutcome } from "./lighthouse";
import { CONNECTIONS, fmt, measure, type LoadResult } from "./load";
import { postgresAvailable, startThrowawayPostgres } from "./postgres";
import { cleanUp, onCleanup, tempDir } from "./processes";
import { analyze, BENCH_POSTCODE, BENCH_SLUG, BENCH_TOPIC, seedBench, type BenchSeed } from "./seed";
import { firstHelpPointLink, getCompressed, pageWeight, type PageWeight } from "./weight";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const withLighthouse = !args.includes("--no-lighthouse");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
const SECONDS = quick ? 3 : 10;
const STATIC_FILE = path.resolve("build/client/bench-static.json");

const TARGETS = {
  apiP99Ms: 50,
  apiVsStatic: 0.5,
  htmlCssKb: 40,
  totalKb: 150,
  performance: 0.95,
  accessibility: 1,
};

interface DbRun {
  kind: "PGlite" | "PostgreSQL";
  seed: BenchSeed;
  seedSeconds: number;
  apiItems: number;
  apiBytes: number;
  finder: LoadResult;
  api: LoadResult;
  /** The same API query from one connection: its service time without queueing. */
  apiSingle: LoadResult;
  staticFile: LoadResult;
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
const loadAtStart = loadAverage();
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;
const heading = (text: string) => console.log(`\n== ${text} ${"=".repeat(Math.max(0, 100 - text.length))}`);

async function seedDatabase(options: { dataDir: string } | { url: string }) {
  const started = Date.now();
  const database = await openDatabase("url" in options ? { url: options.url, max: 2 } : { dataDir: options.dataDir });
  try {
    await database.migrate();
    const seed = await seedBench(database.db);
    await analyze(database.db);
    return { seed, seconds: (Date.now() - started) / 1000 };
  } finally {
    // PGlite: only one process may open the data directory, so close it before the server starts.
    await database.close();
  }
}

/** 300 people register at the same moment for 20 places, straight against the database. */
interface ContentionRuns {
  registrations: RegistrationBenchResult;
  appointments: AppointmentBenchResult;
  tally: TallyBenchResult;
}

async function contentionBench(options: { dataDir: string } | { url: string }): Promise<ContentionRuns> {
  heading(`Registrations, bookings and the help-question log under contention (${"url" in options ? "PostgreSQL" : "PGlite"})`);
  const database = await openDatabase("url" in options ? { url: options.url, max: 10 } : { dataDir: options.dataDir });
  try {
    await database.migrate();
    const log = (line: string) => console.log(`  ${line}`);
    const registrations = await benchRegistrations(database, log);
    // Appointments: 200 bookings at once over 20 slots with 2 helpers each (accepted must equal 40).
    const appointments = await benchAppointments(database, log);
    // Help-question log: 2,000 contacts from 20 desks at once (contacts/s, p99 of one contact).
    const tally = await benchTally(database, log);
    return { registrations, appointments, tally };
  } finally {
    await database.close();
  }
}

async function loadTests(kind: DbRun["kind"], server: AppServer, seed: BenchSeed, seedSeconds: number): Promise<DbRun> {
  const finderPath = `/${BENCH_SLUG}/nl/hulp?postcode=${BENCH_POSTCODE}&topic=${BENCH_TOPIC}`;
  const apiPath = `/api/hsds/${BENCH_SLUG}/service_at_locations?postcode=${BENCH_POSTCODE}&proximity=5000&taxonomy_term_id=${seed.topicId}`;

  // Sanity: both answer 200 with results, and the static file gets exactly the API's size.
  const finderRes = await fetch(server.origin + finderPath);
  const finderHtml = await finderRes.text();
  if (!finderRes.ok || !firstHelpPointLink(finderHtml)) throw new Error(`${finderPath} answered ${finderRes.status} without results`);
  const apiRes = await fetch(server.origin + apiPath);
  const apiBody = await apiRes.text();
  if (!apiRes.ok) throw new Error(`${apiPath} answered ${apiRes.status}: ${apiBody.slice(0, 300)}`);
  const api = JSON.parse(apiBody) as { total_items: number; contents: unknown[] };
  if (api.contents.length === 0) throw new Error(`${apiPath} found nothing`);
  const apiBytes = Buffer.byteLength(apiBody);
  fs.writeFileSync(STATIC_FILE, apiBody);
  console.log(
    `  finder: ${kb(Buffer.byteLength(finderHtml))} HTML; API: ${api.contents.length} of ${api.total_items} items, ${kb(apiBytes)} JSON (static copy: ${path.relative(process.cwd(), STATIC_FILE)})`,
  );

  const finder = await measure(`${kind} finder page`, server.origin + finderPath, SECONDS);
  const apiLoad = await measure(`${kind} HSDS service_at_locations`, server.origin + apiPath, SECONDS);
  const staticFile = await measure(`${kind} static file (${kb(apiBytes)})`, `${server.origin}/bench-static.json`, SECONDS);
  const apiSingle = await measure(`${kind} HSDS, 1 connection`, server.origin + apiPath, Math.min(SECONDS, 5), 1);
  return { kind, seed, seedSeconds, apiItems: api.contents.length, apiBytes, finder, api: apiLoad, apiSingle, staticFile };
}

async function pageWeights(origin: string): Promise<PageWeight[]> {
  const home = await pageWeight(origin, "home", "/antwerpen/nl");
  const results = await pageWeight(origin, "results", "/antwerpen/nl/hulp?postcode=2060");
  const point = firstHelpPointLink(results.htmlBody);
  if (!point) throw new Error("no help point on /antwerpen/nl/hulp?postcode=2060");
  const detail = await pageWeight(origin, "help point", point);
  const pages = [home, results, detail];
  console.log(`  ${"page".padEnd(12)} ${"HTML".padStart(9)} ${"CSS".padStart(9)} ${"JS".padStart(9)} ${"other".padStart(9)} ${"total".padStart(9)}  files`);
  for (const p of pages) {
    console.log(
      `  ${p.label.padEnd(12)} ${kb(p.html).padStart(9)} ${kb(p.css).padStart(9)} ${kb(p.js).padStart(9)} ${kb(p.other).padStart(9)} ${kb(p.total).padStart(9)}  ${p.files
        .map((f) => `${f.url.length > 48 ? `${f.url.slice(0, 45)}…` : f.url} ${kb(f.bytes)} ${f.encoding}`)
        .join(", ")}`,
    );
  }
  // enhance.js adds Leaflet on screens of 40em and wider when the results have a map (tiles not counted).
  if (/id="map"/.test(results.htmlBody)) {
    const leaflet = await Promise.all(["/vendor/leaflet/leaflet.css", "/vendor/leaflet/leaflet.js"].map((u) => getCompressed(origin + u)));
    const extra = leaflet.reduce((sum, t) => sum + t.bytes, 0);
    console.log(`  results on a wide screen also load Leaflet: +${kb(extra)} (${leaflet.map((t) => `${new URL(t.url).pathname} ${kb(t.bytes)}`).join(", ")}), ${kb(results.total + extra)} in total`);
  }
  return pages;
}

function printSummary(
  runs: DbRun[],
  skippedPostgres: string | null,
  weights: PageWeight[] | null,
  lighthouse: LighthouseOutcome | null,
  contentionRuns: ContentionRuns[],
) {
  heading("Summary");
  console.log(
    `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; ${CONNECTIONS} connections, ${SECONDS} s per run${quick ? " (--quick)" : ""}`,
  );
  console.log(`Load average (1, 5, 15 min) at the start ${loadAtStart}, now ${loadAverage()}: other processes competing for the CPU lower every figure.`);
  console.log(`\n  ${"run".padEnd(36)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"failed".padStart(7)}`);
  for (const r of runs) {
    for (const l of [r.finder, r.api, r.staticFile, r.apiSingle]) {
      console.log(`  ${l.label.padEnd(36)} ${fmt(l.rps, 0).padStart(8)} ${fmt(l.p50, 0).padStart(7)} ${fmt(l.p99, 0).padStart(7)} ${String(l.failures).padStart(7)}`);
    }
    console.log(`  ${`${r.kind} API / static`.padEnd(36)} ${fmt(r.api.rps / r.staticFile.rps, 2).padStart(8)}`);
  }
  if (skippedPostgres) console.log(`  PostgreSQL skipped: ${skippedPostgres}`);

  const rows: [string, string, string, "PASS" | "MISS" | "n/a"][] = [];
  const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "MISS");
  const pg = runs.find((r) => r.kind === "PostgreSQL");
  const lite = runs.find((r) => r.kind === "PGlite");
  rows.push([`API p99 on PostgreSQL (${CONNECTIONS} connections)`, `< ${TARGETS.apiP99Ms} ms`, pg ? `${fmt(pg.api.p99, 0)} ms` : "skipped", verdict(pg ? pg.api.p99 < TARGETS.apiP99Ms : null)]);
  if (pg) rows.push([`  for reference: 1 connection`, `< ${TARGETS.apiP99Ms} ms`, `${fmt(pg.apiSingle.p99, 0)} ms`, verdict(pg.apiSingle.p99 < TARGETS.apiP99Ms)]);
  for (const r of [pg, lite]) {
    if (!r) continue;
    const ratio = r.api.rps / r.staticFile.rps;
    rows.push([`API rps / static rps (${r.kind})`, `≥ ${TARGETS.apiVsStatic}`, `${fmt(ratio, 2)} (${fmt(r.api.rps, 0)} / ${fmt(r.staticFile.rps, 0)})`, verdict(ratio >= TARGETS.apiVsStatic)]);
  }
  for (const { registrations: r, appointments: a, tally: t } of contentionRuns) {
    rows.push([`registrations: ${r.calls} at once for ${r.places} places (${r.kind})`, `= ${r.places}`, `${r.accepted} registered, ${r.waiting} waiting`, verdict(r.pass)]);
    rows.push([`  p99 of a registration (${r.kind})`, "", `${fmt(r.p99Ms, 0)} ms (p50 ${fmt(r.p50Ms, 0)} ms)`, "n/a"]);
    rows.push([`bookings: ${a.calls} at once over ${a.slots} slots (${a.kind})`, `= ${a.capacity}`, `${a.accepted} booked, ${a.full} "just taken"`, verdict(a.pass)]);
    rows.push([`  p99 of a booking (${a.kind})`, "", `${fmt(a.p99Ms, 0)} ms (p50 ${fmt(a.p50Ms, 0)} ms)`, "n/a"]);
    rows.push([`tally: ${t.contacts} contacts from ${t.desks} desks (${t.kind})`, `= ${t.contacts} stored`, `${t.stored} stored, ${fmt(t.perSecond, 0)}/s, p99 ${fmt(t.p99Ms, 0)} ms`, verdict(t.pass)]);
  }
  for (const r of runs) {
    if (r.api.failures + r.finder.failures > 0) rows.push([`failed requests (${r.kind})`, "0", String(r.api.failures + r.finder.failures), "MISS"]);
  }
  if (weights) {
    for (const w of weights) {
      rows.push([`${w.label}: HTML+CSS (compressed)`, `< ${TARGETS.htmlCssKb} KB`, kb(w.html + w.css), verdict(w.html + w.css < TARGETS.htmlCssKb * 1024)]);
      rows.push([`${w.label}: total (compressed)`, `< ${TARGETS.totalKb} KB`, kb(w.total), verdict(w.total < TARGETS.totalKb * 1024)]);
    }
  } else {
    rows.push(["page weights", "", "not measured", "n/a"]);
  }
  if (lighthouse?.ok) {
    for (const s of lighthouse.scores) {
      if (s.error) {
        rows.push([`${s.label}: Lighthouse`, "", `failed: ${s.error.slice(0, 60)}`, "n/a"]);
        continue;
      }
      rows.push([`${s.label}: Lighthouse performance`, `≥ ${TARGETS.performance}`, String(s.performance), verdict(s.performance !== null && s.performance >= TARGETS.performance)]);
      rows.push([`${s.label}: Lighthouse accessibility`, `= ${TARGETS.accessibility}`, String(s.accessibility), verdict(s.accessibility !== null && s.accessibility >= TARGETS.accessibility)]);
    }
  } else {
    rows.push(["Lighthouse", "", lighthouse ? `not run: ${lighthouse.reason.slice(0, 70)}` : "not run (--no-lighthouse)", "n/a"]);
  }

  const w = [Math.max(...rows.map((r) => r[0].length)), 8, Math.max(...rows.map((r) => r[2].length)), 4];
  const line = `+${w.map((n) => "-".repeat(n + 2)).join("+")}+`;
  console.log(`\n${line}`);
  console.log(`| ${["target", "goal", "measured", ""].map((c, i) => c.padEnd(w[i])).join(" | ")} |`);
  console.log(line);
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(w[i])).join(" | ")} |`);
  console.log(line);
  const missed = rows.filter((r) => r[3] === "MISS").length;
  console.log(missed ? `${missed} target(s) missed.` : "All measured targets met.");
}

async function main() {
  const started = Date.now();
  console.log(`Digibrug benchmark: ${SECONDS} s per run, ${CONNECTIONS} connections${quick ? " (--quick)" : ""}; load average ${loadAtStart}`);
  if (!args.includes("--no-build")) ensureBuild(args.includes("--build"));
  onCleanup(`remove ${STATIC_FILE}`, () => fs.rmSync(STATIC_FILE, { force: true }));

  const runs: DbRun[] = [];
  const contentionRuns: ContentionRuns[] = [];
  let weights: PageWeight[] | null = null;
  let lighthouse: LighthouseOutcome | null = null;

  // ---- PGlite -------------------------------------------------------------------------------------------
  heading("PGlite");
  {
    const { dir, remove } = tempDir("digibrug-bench-pglite-");
    const { seed, seconds } = await seedDatabase({ dataDir: dir });
    console.log(`  seeded in ${fmt(seconds)} s: ${Object.entries(seed.rows).map(([t, n]) => `${n} ${t}`).join(", ")}`);
    const server = await startAppServer({ dataDir: dir });
    try {
      runs.push(await loadTests("PGlite", server, seed, seconds));
      heading("Page weights (demo pages, Accept-Encoding: gzip, br)");
      weights = await pageWeights(server.origin);
      if (withLighthouse && weights) {
        heading("Lighthouse 12 (mobile, simulated throttling)");
        const point = weights[2].path;
        lighthouse = await runLighthouse(server.origin, [
          { label: "home", path: "/antwerpen/nl" },
          { label: "results", path: "/antwerpen/nl/hulp?postcode=2060" },
          { label: "help point", path: point },
        ]);
        if (!lighthouse.ok) console.log(`  Lighthouse not run: ${lighthouse.reason}`);
        else
          for (const s of lighthouse.scores) {
            if (s.error) console.log(`  ${s.label.padEnd(12)} failed: ${s.error}`);
            else {
              console.log(
                `  ${s.label.padEnd(12)} performance ${s.performance}  accessibility ${s.accessibility}  ${Object.entries(s.metrics)
                  .map(([k, v]) => `${k} ${v}`)
                  .join("  ")}`,
              );
              if (s.failedAudits.length) console.log(`  ${"".padEnd(12)} below 0.9: ${s.failedAudits.join(", ")}`);
              for (const warning of s.warnings) console.log(`  ${"".padEnd(12)} warning: ${warning}`);
            }
          }
      }
    } finally {
      await server.stop();
    }
    try {
      contentionRuns.push(await contentionBench({ dataDir: dir }));
    } finally {
      await remove();
    }
  }

  // ---- PostgreSQL ---------------------------------------------------------------------------------------
  heading("PostgreSQL");
  let skippedPostgres: string | null = null;
  let url = process.env.BENCH_DATABASE_URL;
  let stopPostgres: (() => Promise<void>) | null = null;
  if (!url) {
    if (postgresAvailable()) {
      const pg = await startThrowawayPostgres();
      url = pg.url;
      stopPostgres = pg.stop;
      console.log(`  throwaway PostgreSQL 15 on ${new URL(url).host}`);
    } else {
      skippedPostgres = "no BENCH_DATABASE_URL and no PostgreSQL binaries in /usr/lib/postgresql/15/bin";
      console.log(`  PostgreSQL part skipped: ${skippedPostgres}`);
    }
  } else {
    console.log(`  BENCH_DATABASE_URL (host ${new URL(url).host})`);
  }
  if (url) {
    try {
      const { seed, seconds } = await seedDatabase({ url });
      console.log(`  seeded in ${fmt(seconds)} s`);
      const server = await startAppServer({ url });
      try {
        runs.push(await loadTests("PostgreSQL", server, seed, seconds));
      } finally {
        await server.stop();
      }
      contentionRuns.push(await contentionBench({ url }));
    } finally {
      await stopPostgres?.();
    }
  }

  printSummary(runs, skippedPostgres, weights, lighthouse, contentionRuns);
  if (jsonOut) {
    fs.mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    fs.writeFileSync(
      jsonOut,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
          seconds: SECONDS,
          connections: CONNECTIONS,
          runs,
          skippedPostgres,
          weights: weights?.map(({ htmlBody: _html, ...w }) => w),
          lighthouse,
        },
        null,
        2,
      ),
    );
    console.log(`Results written to ${jsonOut}`);
  }
  console.log(`Done in ${fmt((Date.now() - started) / 1000, 0)} s.`);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: cleaning up …`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error("\nBenchmark failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
