import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "~/modules/demo/demo-data";

export { DEMO_PASSWORD };

/** WCAG 2.2 AA, the level the platform promises (EN 301 549). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export const COORDINATOR_ANTWERPEN = "coordinator@antwerpen.demo.digibrug.be";

export interface PageViolations {
  url: string;
  lines: string[];
}

/** Axe on the page as it is now; one line per failing element, empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself. The default opens a blank page per call to merge iframe results,
  // which costs about 1.5 s a page on a small machine; our pages have no iframes.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `[${v.impact ?? "?"}] ${v.id}: ${v.help} — ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
  );
}

export function formatViolations(pages: PageViolations[]): string {
  return pages
    .filter((p) => p.lines.length > 0)
    .map((p) => `${p.url}\n${p.lines.map((l) => `    ${l}`).join("\n")}`)
    .join("\n");
}

/** Log in through the login form, the way a staff member does. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!page.url().includes("/beheer/inloggen")) await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** A fresh browser context with a logged-in staff member. */
export async function loggedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  await expect(page).toHaveURL(/\/beheer$/);
  return { context, page };
}

/** Wait until the finder's optional map has finished drawing, so axe sees the page as a person does. */
export async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const map = document.getElementById("map");
      if (!map) return true;
      const points = JSON.parse(map.dataset.points || "[]") as unknown[];
      if (points.length === 0 || !window.matchMedia("(min-width: 40em)").matches) return true;
      return !map.hidden && map.querySelector(".leaflet-marker-icon") !== null;
    },
    undefined,
    { timeout: 5_000 },
  );
}

/** Map tiles come from the internet; the tests never depend on it. */
export async function blockExternal(context: BrowserContext) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
}
