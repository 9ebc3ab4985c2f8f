import { expect, test, type Page } from "@playwright/test";
import { SECTIONS, sectionOf } from "~/routes/staff/staff-sections";
import { axeViolations, blockExternal, COORDINATOR_ANTWERPEN, formatViolations, loggedInContext, settle, type PageViolations } from "./helpers";

// The crawls are independent: let them share the two workers.
test.describe.configure({ mode: "parallel" });

interface Found {
  url: string;
  kind: string;
  /** Expected HTTP status; a crawled link must give 200. */
  status: number;
}

/**
 * Visit pages breadth-first but round-robin over kinds of page, so a few dozen pages cover every template
 * (help points, pop-ups, filtered finder pages, the info pages) instead of nineteen topic searches.
 */
async function crawl(
  page: Page,
  seeds: Found[],
  options: { max: number; classify: (url: URL) => string | null; quota: Record<string, number> },
): Promise<{ visited: Found[]; violations: PageViolations[]; badStatus: string[]; navLinks: Set<string> }> {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const seen = new Set<string>();
  const pending = new Map<string, Found[]>();
  const taken: Record<string, number> = {};
  const add = (found: Found) => {
    if (seen.has(found.url)) return;
    seen.add(found.url);
    if (!pending.has(found.kind)) pending.set(found.kind, []);
    pending.get(found.kind)!.push(found);
  };
  seeds.forEach(add);
  const visited: Found[] = [];
  const violations: PageViolations[] = [];
  const badStatus: string[] = [];
  /** Every link seen in the staff navigation rows (sections and the current section's pages). */
  const navLinks = new Set<string>();
  while (visited.length < options.max) {
    // Next kind in turn that still has pages and quota.
    const kinds = [...pending.keys()].filter((k) => pending.get(k)!.length > 0 && (taken[k] ?? 0) < (options.quota[k] ?? Infinity));
    if (kinds.length === 0) break;
    const kind = kinds.sort((a, b) => (taken[a] ?? 0) - (taken[b] ?? 0))[0];
    const next = pending.get(kind)!.shift()!;
    taken[kind] = (taken[kind] ?? 0) + 1;

    const response = await page.goto(next.url);
    const status = response?.status() ?? 0;
    if (status !== next.status) badStatus.push(`${next.url}: HTTP ${status}, expected ${next.status}`);
    await settle(page);
    visited.push(next);
    violations.push({ url: next.url, lines: await axeViolations(page) });

    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of await page.locator(".section-nav a[href], .page-nav a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      navLinks.add(new URL(href).pathname);
    }
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      url.hash = "";
      const kindOf = options.classify(url);
      if (kindOf) add({ url: url.pathname + url.search, kind: kindOf, status: 200 });
    }
  }
  return { visited, violations, badStatus, navLinks };
}

function publicClassifier(municipality: string, lang: string) {
  const base = `/${municipality}/${lang}`;
  return (url: URL): string | null => {
    const path = url.pathname.replace(/\/$/, "");
    if (path.startsWith(`/${municipality}/`) && !path.startsWith(`${base}`)) {
      // The same pages in the other languages: a few are enough.
      return /^\/[^/]+\/(nl|fr|en|ar)(\/|$)/.test(path) ? "other-language" : null;
    }
    if (path === base) return "home";
    if (!path.startsWith(`${base}/`)) return null;
    const rest = path.slice(base.length + 1);
    if (rest === "hulp") return url.searchParams.has("page") ? "finder-page" : url.search ? "finder-filtered" : "finder";
    if (rest.startsWith("punt/")) return "point";
    if (["internet", "leren", "lenen"].includes(rest)) return "info";
    return "other";
  };
}

const PUBLIC_QUOTA = { home: 1, finder: 1, "finder-page": 1, "finder-filtered": 8, point: 10, popup: 3, info: 3, "other-language": 3, other: 5, "not-found": 1 };

async function crawlPublic(page: Page, municipality: string, lang: string, postcode: string) {
  const base = `/${municipality}/${lang}`;
  const classify = publicClassifier(municipality, lang);
  // Pop-up help points are a kind of their own: find them by their name in the results.
  const seeds: Found[] = [
    { url: base, kind: "home", status: 200 },
    { url: `${base}/hulp?postcode=${postcode}&access=walk_in&wheelchair=1`, kind: "finder-filtered", status: 200 },
    { url: `${base}/hulp?q=pop-up`, kind: "finder-filtered", status: 200 },
    { url: `${base}/hulp?postcode=20x`, kind: "finder-filtered", status: 200 },
    { url: `${base}/hulp?q=zzzzzz`, kind: "finder-filtered", status: 200 },
    { url: `${base}/deze-pagina-bestaat-niet`, kind: "not-found", status: 404 },
  ];
  await page.goto(base);
  const popups = await page.request.get(`${base}/hulp?q=pop-up`).then((r) => r.text());
  for (const match of popups.matchAll(/href="([^"]*\/punt\/[0-9a-f-]{36})"/g)) seeds.push({ url: match[1], kind: "popup", status: 200 });
  const result = await crawl(page, seeds, { max: 40, classify, quota: PUBLIC_QUOTA });
  return result;
}

function expectCoverage(visited: Found[], lang: string, hasPopups: boolean) {
  const kinds = visited.map((v) => v.kind);
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  expect(count("point") + count("popup"), "help-point pages visited").toBeGreaterThanOrEqual(3);
  // The Hasselt demo has no pop-ups.
  if (hasPopups) expect(count("popup"), "pop-up help-point pages visited").toBeGreaterThanOrEqual(1);
  expect(count("finder-filtered"), "finder pages with filters visited").toBeGreaterThanOrEqual(3);
  expect(count("not-found"), "404 page visited").toBe(1);
  for (const page of ["internet", "leren", "lenen"]) {
    expect(visited.some((v) => v.url.endsWith(`/${lang}/${page}`)), `${page} page visited`).toBe(true);
  }
}

for (const [municipality, lang, postcode] of [
  ["antwerpen", "nl", "2100"],
  ["antwerpen", "ar", "2060"],
  ["hasselt", "nl", "3500"],
] as const) {
  test(`public site /${municipality}/${lang}: every crawled page passes axe (WCAG 2.2 AA)`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await blockExternal(context);
    const { visited, violations, badStatus } = await crawlPublic(page, municipality, lang, postcode);
    test.info().annotations.push({ type: "pages", description: `${visited.length} pages: ${visited.map((v) => v.url).join(" ")}` });
    expect(badStatus, "pages with an unexpected HTTP status").toEqual([]);
    expectCoverage(visited, lang, municipality === "antwerpen");
    expect(visited.length).toBeGreaterThanOrEqual(25);
    expect(formatViolations(violations), `axe violations on ${violations.filter((v) => v.lines.length).length} of ${visited.length} pages`).toBe("");
  });
}

test("site front door and login page pass axe", async ({ page }) => {
  const results: PageViolations[] = [];
  for (const url of ["/", "/beheer/inloggen"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    results.push({ url, lines: await axeViolations(page) });
  }
  // The login form with its error summary.
  await page.getByLabel("E-mailadres").fill("niemand@example.org");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  results.push({ url: "/beheer/inloggen (with errors)", lines: await axeViolations(page) });
  expect(formatViolations(results)).toBe("");
});

function staffClassifier(url: URL): string | null {
  const path = url.pathname.replace(/\/$/, "");
  if (!path.startsWith("/beheer")) return null;
  // Downloads are not pages.
  if (path === "/beheer/uitloggen" || path.endsWith(".csv") || path.endsWith(".pdf") || path.endsWith("/privacy/export") || path === "/beheer/inloggen") return null;
  if (path === "/beheer") return "dashboard";
  if (path === "/beheer/account") return "account";
  const m = path.match(/^\/beheer\/([^/]+)(?:\/(.*))?$/);
  if (!m) return "other";
  const rest = m[2] ?? "";
  if (rest === "punten") return url.search ? "points-filtered" : "points";
  if (rest === "punten/nieuw") return "point-new";
  if (/^punten\/[0-9a-f-]{36}$/.test(rest)) return "point-edit";
  if (/^punten\/[0-9a-f-]{36}\/uren$/.test(rest)) return "point-hours";
  if (rest === "organisaties") return url.search ? "organizations-filtered" : "organizations";
  if (rest === "organisaties/nieuw") return "organization-new";
  if (/^organisaties\/[0-9a-f-]{36}$/.test(rest)) return "organization-edit";
  if (rest === "import") return "import";
  if (rest === "audit") return url.search ? "audit-filtered" : "audit";
  // The other pages in the navigation rows, each once; the pages under them (details, filters) a few per section.
  if (!url.search && NAV_PAGES.has(rest)) return "nav";
  return `${sectionOf(path) ?? "other"}-more`;
}

const NAV_PAGES = new Set(SECTIONS.flatMap((s) => s.pages.map((p) => p.path)));

test("staff pages of the Antwerp coordinator pass axe (WCAG 2.2 AA)", async ({ browser }) => {
  // About 2.5 s a page with axe; a busy machine with a dev server (first compile of every route) took 4.7 minutes.
  test.setTimeout(420_000);
  const { context, page } = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  const seeds: Found[] = [
    { url: "/beheer", kind: "dashboard", status: 200 },
    { url: "/beheer/account", kind: "account", status: 200 },
    { url: "/beheer/antwerpen/overzicht", kind: "nav", status: 200 },
    { url: "/beheer/antwerpen/punten", kind: "points", status: 200 },
    { url: "/beheer/antwerpen/organisaties", kind: "organizations", status: 200 },
    { url: "/beheer/antwerpen/import", kind: "import", status: 200 },
    { url: "/beheer/antwerpen/audit", kind: "audit", status: 200 },
    { url: "/beheer/antwerpen/punten/00000000-0000-0000-0000-000000000000", kind: "not-found", status: 404 },
  ];
  // Before the navigation had sections the crawl visited 23 pages (the Aanbod and Leren pages, audit); now it
  // follows the section links and each section's row to every page in the navigation (42 pages).
  const { visited, violations, badStatus, navLinks } = await crawl(page, seeds, {
    max: 60,
    classify: staffClassifier,
    quota: {
      "points-filtered": 3,
      "point-edit": 2,
      "point-hours": 2,
      "point-new": 1,
      "organizations-filtered": 2,
      "organization-edit": 2,
      "organization-new": 1,
      "audit-filtered": 2,
      "hulp-more": 1,
      "leren-more": 1,
      "toestellen-more": 1,
      "aanbod-more": 1,
      "beheer-more": 1,
      other: 2,
    },
  });
  test.info().annotations.push({ type: "pages", description: `${visited.length} pages: ${visited.map((v) => v.url).join(" ")}` });
  await context.close();
  expect(badStatus, "staff pages with an unexpected HTTP status").toEqual([]);
  const kinds = new Set(visited.map((v) => v.kind));
  for (const kind of ["dashboard", "account", "points", "point-edit", "point-hours", "organizations", "organization-edit", "import", "audit"]) {
    expect(kinds.has(kind), `a ${kind} page was reached`).toBe(true);
  }
  // Every page in the navigation: the coordinator may open them all, so all six sections and their rows.
  const visitedPaths = new Set(visited.map((v) => new URL(v.url, "http://x").pathname));
  expect(navLinks.size, "links in the navigation rows").toBeGreaterThanOrEqual(24);
  expect([...navLinks].filter((href) => !visitedPaths.has(href)), "navigation links not visited").toEqual([]);
  expect(formatViolations(violations), `axe violations on ${violations.filter((v) => v.lines.length).length} of ${visited.length} staff pages`).toBe("");
});
