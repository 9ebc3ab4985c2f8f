import { expect, test, type Locator, type Page } from "@playwright/test";
import { blockExternal, settle } from "./helpers";

test.describe.configure({ mode: "parallel" });

const NOT_FOUND = "Deze pagina bestaat niet";

/** Distances shown in the result list, in metres, in the order shown ("· 450 m", "· 1,2 km"). */
async function shownDistances(results: Locator): Promise<number[]> {
  const texts = await results.locator("p .muted").allTextContents();
  return texts.map((text) => {
    const match = text.match(/([\d.,]+)\s*(k?m)/);
    if (!match) throw new Error(`No distance in "${text}"`);
    const value = Number(match[1].replace(/\./g, "").replace(",", "."));
    return match[2] === "km" ? value * 1000 : value;
  });
}

function expectAscending(values: number[]) {
  expect(values.length).toBeGreaterThan(1);
  expect(values, "results are sorted nearest first").toEqual([...values].sort((a, b) => a - b));
}

/** The address of a help point's page, found through the finder by its name. */
async function pointPath(page: Page, municipality: string, lang: string, name: string): Promise<string> {
  const response = await page.request.get(`/${municipality}/${lang}/hulp?q=${encodeURIComponent(name)}`);
  const html = await response.text();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = html.match(new RegExp(`href="(/${municipality}/${lang}/punt/[0-9a-f-]{36})"[^>]*>${escaped}<`));
  if (!match) throw new Error(`No help point "${name}" in the finder`);
  return match[1];
}

test("without JavaScript: search by postcode, filter, and read a help point", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto("/antwerpen/nl");
  const quickSearch = page.getByRole("region", { name: "Hulp bij u in de buurt" });
  await quickSearch.getByLabel("Postcode").fill("2100");
  await quickSearch.getByRole("button", { name: "Zoeken" }).click();

  await expect(page).toHaveURL(/\/antwerpen\/nl\/hulp\?postcode=2100$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulp vinden");
  await expect(page.getByText("De plekken die het dichtst bij postcode 2100 liggen, staan eerst.")).toBeVisible();
  const results = page.locator("ol.results > li");
  await expect(results.first()).toContainText("2100 Deurne");
  expectAscending(await shownDistances(results));
  const allCount = await results.count();

  // Narrow down: a topic and "walk in without appointment". The postcode stays.
  const form = page.getByRole("form", { name: "Zoeken" });
  await expect(form.getByLabel("Postcode")).toHaveValue("2100");
  await form.getByLabel("Onderwerp").selectOption({ label: "itsme, eID en inloggen" });
  await form.getByLabel("Binnenlopen zonder afspraak").check();
  await form.getByRole("button", { name: "Zoeken" }).click();

  await expect(page).toHaveURL(/topic=identity-login/);
  await expect(page).toHaveURL(/access=walk_in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulp bij: itsme, eID en inloggen");
  await expect(page).toHaveTitle(/^Hulp bij: itsme, eID en inloggen — Digibrug Antwerpen$/);
  await expect(form.getByLabel("Binnenlopen zonder afspraak")).toBeChecked();
  await expect(form.getByLabel("Onderwerp")).toHaveValue("identity-login");
  const filtered = await results.count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThanOrEqual(allCount);
  for (const result of await results.all()) await expect(result.getByRole("listitem").filter({ hasText: "Binnenlopen zonder afspraak" })).toHaveCount(1);
  expectAscending(await shownDistances(results));

  // "Open now" on top: either every result says it is open now, or the page says nothing matches.
  await form.getByLabel("Nu open").check();
  await form.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/open=now/);
  await expect(form.getByLabel("Nu open")).toBeChecked();
  const openCount = await results.count();
  if (openCount === 0) {
    await expect(page.getByText("We vinden geen plek die past bij alles wat u koos.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Toon alle plekken" })).toBeVisible();
    await page.goBack();
  } else {
    for (const result of await results.all()) await expect(result).toContainText("Nu open tot");
  }

  // A help point: address, opening hours for the coming 7 days, and when it was last checked.
  const firstLink = results.first().getByRole("heading", { level: 3 }).getByRole("link");
  const name = (await firstLink.textContent())!.trim();
  await firstLink.click();
  await expect(page).toHaveURL(/\/antwerpen\/nl\/punt\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const address = page.getByRole("region", { name: "Adres" });
  await expect(address).toContainText(/\d{4} \p{L}+/u);
  await expect(address.getByRole("link", { name: /^\d[\d ]+$/ })).toHaveAttribute("href", /^tel:\+?\d+$/);
  const hours = page.getByRole("table", { name: "Openingsuren de komende 7 dagen" });
  await expect(hours.getByRole("row")).toHaveCount(7);
  await expect(hours.getByRole("row").first()).toContainText("(vandaag)");
  await expect(hours.getByRole("rowheader").first()).toHaveText(/^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} \p{L}+/u);
  await expect(page.getByText(/Een medewerker heeft deze informatie nagekeken op \d{1,2} \p{L}+ \d{4}\./u)).toBeVisible();
  await page.getByRole("link", { name: "Terug naar alle plekken" }).click();
  await expect(page).toHaveURL(/\/antwerpen\/nl\/hulp$/);
  await context.close();
});

test("a malformed postcode is explained at the top and at the field, and the typed value is kept", async ({ page }) => {
  await page.goto("/antwerpen/nl");
  const quickSearch = page.getByRole("region", { name: "Hulp bij u in de buurt" });
  await quickSearch.getByLabel("Postcode").fill("20x");
  await quickSearch.getByRole("button", { name: "Zoeken" }).click();

  await expect(page).toHaveTitle(/^Fout: /);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  const message = "Een postcode heeft 4 cijfers, bijvoorbeeld 2060.";
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", "#postcode");
  const field = page.getByRole("form", { name: "Zoeken" }).getByLabel("Postcode");
  await expect(field).toHaveValue("20x");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, "\\.")));
  await expect(page.locator("#postcode-error")).toHaveText(`Fout: ${message}`);
  // The summary link leads to the field.
  await summary.getByRole("link", { name: message }).click();
  await expect(page).toHaveURL(/#postcode$/);
  await expect(field).toBeInViewport();
});

/** Whether the focused element shows a focus indicator a sighted keyboard user can see. */
async function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== "none",
    };
  });
}

async function expectVisibleFocus(page: Page) {
  const indicator = await focusIndicator(page);
  expect(indicator.outline || indicator.shadow, "focused element has a visible focus indicator").toBe(true);
}

test("keyboard only: skip link, then the search form, then Enter", async ({ page, context }) => {
  await blockExternal(context);
  await page.goto("/antwerpen/nl");
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveText("Ga naar de inhoud");
  await expect(focused).toBeInViewport();
  await expectVisibleFocus(page);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  // Focus continues inside the main content, past the header and language links.
  expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("main");
  await expect(focused).toHaveAccessibleName(/^Hulp vinden/);
  await expectVisibleFocus(page);

  for (let i = 0; i < 10 && (await focused.getAttribute("id")) !== "home-postcode"; i++) await page.keyboard.press("Tab");
  await expect(focused).toHaveAttribute("id", "home-postcode");
  await expectVisibleFocus(page);
  await page.keyboard.type("2100");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/antwerpen\/nl\/hulp\?postcode=2100$/);
  await expect(page.locator("ol.results > li").first()).toContainText("2100 Deurne");
  await page.waitForLoadState();
  await settle(page);

  // On the finder, the skip link leads straight to the search form.
  await page.keyboard.press("Tab");
  await expect(focused).toHaveText("Ga naar de inhoud");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(focused).toHaveAttribute("id", "q");
  await expectVisibleFocus(page);
  await page.keyboard.type("itsme");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=itsme(&|$)/);
  await expect(page).toHaveURL(/[?&]postcode=2100(&|$)/);
  await expect(page.getByRole("heading", { level: 2, name: /plek(ken)? gevonden$/ })).toBeVisible();
});

for (const width of [320, 640]) {
  test(`no horizontal scrolling at ${width} px wide (${width === 320 ? "small phone" : "200% zoom"})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await blockExternal(context);
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const lang of ["nl", "ar"]) {
      const pages = [
        `/antwerpen/${lang}`,
        `/antwerpen/${lang}/hulp?postcode=2100`,
        `/antwerpen/${lang}/hulp?postcode=20x`,
        await pointPath(page, "antwerpen", lang, "Sociaal Huis Luchtbal – digitale hulp"),
        await pointPath(page, "antwerpen", lang, "Pop-up digipunt Deurne"),
        `/antwerpen/${lang}/internet`,
      ];
      for (const path of pages) {
        await page.goto(path);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflowing.push(`${path}: ${scrollWidth}px`);
      }
    }
    expect(overflowing, "pages wider than the screen").toEqual([]);
    await context.close();
  });
}

test("Arabic is right-to-left, and the language switcher keeps the page and is remembered", async ({ page }) => {
  await page.goto("/antwerpen/ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");

  const path = await pointPath(page, "antwerpen", "nl", "Digipunt Deurne");
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const languages = page.getByRole("navigation", { name: "Taal" });
  await expect(languages.getByRole("link", { name: "Nederlands" })).toHaveAttribute("aria-current", "true");
  await languages.getByRole("link", { name: "العربية" }).click();

  await expect(page).toHaveURL(path.replace("/nl/", "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digipunt Deurne");
  await expect(page.getByText("الانتقال إلى المحتوى")).toBeAttached();

  // The choice is remembered for the next visit to the municipality's address.
  await page.goto("/antwerpen");
  await expect(page).toHaveURL(/\/antwerpen\/ar$/);

  // Search filters survive a language switch too.
  await page.goto("/antwerpen/ar/hulp?postcode=2100");
  await page.getByRole("navigation").getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/antwerpen\/fr\/hulp\?postcode=2100$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.goto("/antwerpen");
  await expect(page).toHaveURL(/\/antwerpen\/fr$/);
});

test("unknown addresses give a real 404 page", async ({ page }) => {
  for (const path of ["/nergens", "/nergens/nl", "/antwerpen/xx", "/antwerpen/nl/punt/00000000-0000-0000-0000-000000000000", "/antwerpen/nl/punt/geen-id", "/antwerpen/nl/bestaat-niet"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(NOT_FOUND);
    await expect(page, path).toHaveTitle(NOT_FOUND);
    await expect(page.getByRole("link", { name: "Ga naar de startpagina" })).toBeVisible();
  }
  // In the Arabic site, the 404 page is in Arabic.
  const response = await page.goto("/antwerpen/ar/punt/00000000-0000-0000-0000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("هذه الصفحة غير موجودة");
});

test("a pop-up help point lists its next dates", async ({ page }) => {
  await page.goto("/antwerpen/nl/hulp?q=Pop-up");
  await page.getByRole("link", { name: "Pop-up digipunt Deurne" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pop-up digipunt Deurne");
  await expect(page.getByText("Pop-up digipunt ·", { exact: false })).toBeVisible();
  const next = page.getByRole("heading", { name: "Volgende dagen" });
  await expect(next).toBeVisible();
  const dates = page.locator("h3:has-text('Volgende dagen') + ul > li");
  expect(await dates.count()).toBeGreaterThan(0);
  for (const text of await dates.allTextContents()) {
    // This pop-up is there on Tuesday afternoons.
    expect(text).toMatch(/^dinsdag \d{1,2} \p{L}+: 13:30 tot 16:00$/u);
  }
});

test("the open data API answers HSDS JSON to any origin", async ({ request }) => {
  const response = await request.get("/api/hsds/antwerpen/service_at_locations?postcode=2060&proximity=3000", {
    headers: { Origin: "https://example.org" },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body.total_items).toBeGreaterThan(0);
  expect(body.contents.length).toBeGreaterThan(0);
  const names: string[] = body.contents.map((c: { location: { name: string } }) => c.location.name);
  expect(["Digipunt Sint-Jansplein", "Bibliotheek Permeke"]).toContain(names[0]);
  // Only places near 2060: nothing from the far ends of the city.
  for (const far of ["Berendrecht", "Hoboken", "Ekeren", "Wilrijk"]) expect(names.join(" | ")).not.toContain(far);

  const everything = await (await request.get("/api/hsds/antwerpen/service_at_locations")).json();
  expect(everything.total_items).toBeGreaterThan(body.total_items);
});
