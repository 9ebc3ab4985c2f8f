import { expect, test } from "@playwright/test";
import { axeViolations, COORDINATOR_ANTWERPEN, DEMO_PASSWORD, loggedInContext, logIn } from "./helpers";

test.describe.configure({ mode: "parallel" });

// Each test uses its own demo account, so a lock-out or "log out everywhere" never disturbs another test.
const TRAINER = "trainer@antwerpen.demo.digibrug.be";
const SERVICE_OWNER = "service-owner@antwerpen.demo.digibrug.be";
const DIGIHELPER_HASSELT = "digihelper@hasselt.demo.digibrug.be";
const COORDINATOR_HASSELT = "coordinator@hasselt.demo.digibrug.be";
const LOCKED = "devices@hasselt.demo.digibrug.be";
const ORGANIZATION_MANAGER = "organization@antwerpen.demo.digibrug.be";
const DEVICE_OFFICER = "devices@antwerpen.demo.digibrug.be";

const WRONG = "Het e-mailadres of het wachtwoord klopt niet.";

test("a wrong password is explained at the field and keeps the e-mail; the right one opens the staff area", async ({ page }) => {
  await page.goto("/beheer/inloggen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen voor medewerkers");
  await logIn(page, TRAINER, "niet-het-wachtwoord");

  await expect(page.getByRole("alert").getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  await expect(page.getByRole("alert").getByRole("link", { name: WRONG })).toHaveAttribute("href", "#email");
  await expect(page).toHaveTitle(/^Fout: /);
  const email = page.getByLabel("E-mailadres");
  await expect(email).toHaveValue(TRAINER);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(new RegExp(WRONG.replace(/\./g, "\\.")));
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);

  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dag Ann Van den Broeck");
  await expect(page).toHaveTitle("Beheer — Digibrug");
});

test("a staff page asks to log in first and comes back to it afterwards", async ({ page }) => {
  await page.goto("/beheer/antwerpen/punten");
  await expect(page).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer%2Fantwerpen%2Fpunten$/);
  await logIn(page, COORDINATOR_ANTWERPEN);
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/punten$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulppunten");
  // The section "Aanbod" is the current one, and its row marks the current page.
  await expect(page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link", { name: "Aanbod" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("navigation", { name: "Aanbod" }).getByRole("link", { name: "Hulppunten" })).toHaveAttribute("aria-current", "page");
});

test("a Hasselt coordinator may not open Antwerp's staff pages", async ({ browser }) => {
  const { context, page } = await loggedInContext(browser, COORDINATOR_HASSELT);
  const response = await page.goto("/beheer/antwerpen/punten");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U hebt geen toegang tot deze pagina");
  // Their own municipality works.
  const own = await page.goto("/beheer/hasselt/punten");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulppunten");
  await context.close();
});

test("'Overal uitloggen' ends the session on every device", async ({ browser }) => {
  const phone = await loggedInContext(browser, SERVICE_OWNER);
  const laptop = await loggedInContext(browser, SERVICE_OWNER);

  await phone.page.goto("/beheer/account");
  await expect(phone.page.getByRole("heading", { level: 1 })).toHaveText("Mijn account");
  await phone.page.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(phone.page).toHaveURL(/\/beheer\/inloggen$/);

  // The other device is logged out too: its next page asks to log in.
  await laptop.page.goto("/beheer/account");
  await expect(laptop.page).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer%2Faccount$/);
  await phone.page.goto("/beheer");
  await expect(phone.page).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer$/);
  await phone.context.close();
  await laptop.context.close();
});

test("logging out needs the form's CSRF token", async ({ browser }) => {
  const { context, page } = await loggedInContext(browser, DIGIHELPER_HASSELT);
  // A forged POST carries the session cookie but not the token from the page.
  const forged = await context.request.post("/beheer/uitloggen", { form: {}, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  const wrongToken = await context.request.post("/beheer/uitloggen", { form: { csrf: "geraden" }, maxRedirects: 0 });
  expect(wrongToken.status()).toBe(403);
  // Still logged in.
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dag Fatma Kaya");

  // The real button works.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/beheer\/inloggen/);
  await context.close();
});

test("five wrong passwords block the account, even for the right password", async ({ page }) => {
  await page.goto("/beheer/inloggen");
  const error = page.locator("#email-error");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await logIn(page, LOCKED, `fout-${attempt}`);
    await expect(error).toContainText(WRONG);
  }
  await logIn(page, LOCKED, "fout-5");
  await expect(error).toContainText("Na 5 foute pogingen blijft een account 15 minuten dicht");
  // Blocked: the right password does not open it, and the answer is the same as for an unknown address.
  await logIn(page, LOCKED, DEMO_PASSWORD);
  const blockedAnswer = await error.textContent();
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);
  await expect(page.getByLabel("E-mailadres")).toHaveValue(LOCKED);
  await logIn(page, "niemand@antwerpen.demo.digibrug.be", "fout");
  await expect(error).toHaveText(blockedAnswer ?? "");
});

test("without JavaScript: log in, mark a help point as checked, log out", async ({ browser }) => {
  // Also what happens when someone submits a form before the page's script has loaded on a slow phone.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/beheer/antwerpen/punten");
  await logIn(page, ORGANIZATION_MANAGER, "fout");
  await expect(page.locator("#email-error")).toContainText(WRONG);
  await expect(page.getByLabel("E-mailadres")).toHaveValue(ORGANIZATION_MANAGER);
  await logIn(page, ORGANIZATION_MANAGER);
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/punten$/);

  await page.getByRole("link", { name: "Bibliotheek Wilrijk", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bibliotheek Wilrijk");
  await page.getByRole("button", { name: "Ik heb dit vandaag nagekeken" }).click();
  await expect(page.getByRole("status")).toContainText("Bedankt. Het hulppunt staat nu als vandaag nagekeken.");
  await expect(page.getByRole("region", { name: "Nagekeken" })).toContainText("Pieter Janssens");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);
  await context.close();
});

/** Today's date as the public site writes it, e.g. "25 november 2026". */
const todayInDutch = () =>
  new Intl.DateTimeFormat("nl-BE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Brussels" }).format(new Date());

test("a coordinator changes a help point's phone number and marks it checked; the public page follows", async ({ browser }) => {
  const POINT = "Lokaal dienstencentrum Valaar";
  const NEW_PHONE = "03 123 45 67";
  const { context, page } = await loggedInContext(browser, COORDINATOR_ANTWERPEN);

  await page.getByRole("link", { name: "Antwerpen" }).click();
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/overzicht$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wat er vandaag te doen is");
  // The section link opens the section's first page: the help points.
  await page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link", { name: "Aanbod" }).click();
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/punten$/);
  await page.getByRole("link", { name: POINT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(POINT);
  const editUrl = page.url();
  const pointId = editUrl.match(/punten\/([0-9a-f-]{36})/)![1];

  // A mistake first: the name is required, and the page says so.
  const name = page.getByLabel("Naam", { exact: true });
  await name.fill("");
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page), "the form with errors passes axe").toEqual([]);

  await name.fill(POINT);
  await page.getByLabel("Telefoon (niet verplicht)").fill(NEW_PHONE);
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De gegevens van het hulppunt zijn opgeslagen.");
  await expect(page.getByLabel("Telefoon (niet verplicht)")).toHaveValue(NEW_PHONE);

  const visitor = await browser.newPage();
  await visitor.goto(`/antwerpen/nl/punt/${pointId}`);
  const phoneLink = visitor.getByRole("region", { name: "Adres" }).getByRole("link", { name: NEW_PHONE });
  await expect(phoneLink).toBeVisible();
  await expect(phoneLink).toHaveAttribute("href", "tel:031234567");
  await expect(visitor.getByText(`nagekeken op ${todayInDutch()}`)).toHaveCount(0);

  await page.getByRole("button", { name: "Ik heb dit vandaag nagekeken" }).click();
  await expect(page.getByRole("status")).toContainText("Bedankt. Het hulppunt staat nu als vandaag nagekeken.");
  await expect(page.getByRole("region", { name: "Nagekeken" })).toContainText("Yasmina El Amrani");

  await visitor.reload();
  await expect(visitor.getByText(`Een medewerker heeft deze informatie nagekeken op ${todayInDutch()}.`)).toBeVisible();
  await visitor.close();
  await context.close();
});

test("the staff navigation in sections works on a 320 px phone without JavaScript and with the keyboard", async ({ browser }) => {
  // A device officer: no Beheer section (no messages, audit or privacy); the device bank has all its pages.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
  let page = await context.newPage();
  await logIn(page, DEVICE_OFFICER);
  await expect(page).toHaveURL(/\/beheer$/);
  await page.goto("/beheer/antwerpen/overzicht");
  const sections = page.getByRole("navigation", { name: "Onderdelen" });
  await expect(sections.getByRole("link")).toHaveText(["Overzicht", "Hulp", "Leren", "Toestellen", "Aanbod"]);
  await expect(sections.getByRole("link", { name: "Overzicht" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("navigation", { name: "Overzicht" }).getByRole("link", { name: "Vandaag te doen" })).toHaveAttribute("aria-current", "page");

  // A section link opens the first page of the section; its pages come in a second row.
  await sections.getByRole("link", { name: "Toestellen" }).click();
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/uitlenen\/aanvragen$/);
  await expect(sections.getByRole("link", { name: "Toestellen" })).toHaveAttribute("aria-current", "true");
  await expect(sections.getByRole("link", { name: "Overzicht" })).not.toHaveAttribute("aria-current", /.*/);
  const devicePages = page.getByRole("navigation", { name: "Toestellen" });
  await expect(devicePages.getByRole("link")).toHaveText(["Aanvragen", "Uitleningen", "Te laat", "Voorraad", "Schenkingen", "Cijfers", "Regels uitlenen"]);
  await expect(devicePages.getByRole("link", { name: "Aanvragen" })).toHaveAttribute("aria-current", "page");
  // A page under a section keeps the section open and marks its page.
  await devicePages.getByRole("link", { name: "Voorraad" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toestellen");
  await expect(page.getByRole("navigation", { name: "Toestellen" }).getByRole("link", { name: "Voorraad" })).toHaveAttribute("aria-current", "page");
  await context.close();

  // With JavaScript (to measure and run axe), still at 320 px.
  const phone = await browser.newContext({ viewport: { width: 320, height: 700 } });
  page = await phone.newPage();
  await logIn(page, DEVICE_OFFICER);
  await expect(page).toHaveURL(/\/beheer$/);
  await page.goto("/beheer/antwerpen/uitlenen/aanvragen");
  // The current page is marked by more than colour: bold text and a bar under it.
  const marker = await page.getByRole("navigation", { name: "Toestellen" }).getByRole("link", { name: "Aanvragen" }).evaluate((a) => {
    const style = getComputedStyle(a);
    return { weight: Number(style.fontWeight), bar: parseFloat(style.borderBottomWidth) };
  });
  expect(marker.weight).toBeGreaterThanOrEqual(700);
  expect(marker.bar).toBeGreaterThanOrEqual(3);
  // Everything fits: no sideways scrolling on a small phone, and the section links are large enough to tap.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  for (const box of await page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) {
    expect(box).toBeGreaterThanOrEqual(44);
  }
  expect(await axeViolations(page)).toEqual([]);

  // With the keyboard: the skip link first, then the account row, then the sections in order.
  await page.goto("/beheer/antwerpen/overzicht");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Ga naar de inhoud" })).toBeFocused();
  let focused = "";
  for (let i = 0; i < 10 && focused !== "Leren"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
  }
  expect(focused).toBe("Leren");
  await page.keyboard.press("Enter");
  // A device officer may only look at the courses: the Leren section is that one page.
  await expect(page).toHaveURL(/\/beheer\/antwerpen\/cursussen$/);
  await expect(page.getByRole("navigation", { name: "Leren" }).getByRole("link")).toHaveText(["Cursussen"]);
  await phone.close();
});
