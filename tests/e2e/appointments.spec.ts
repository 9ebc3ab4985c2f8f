import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations, formatViolations, loggedInContext, type PageViolations } from "./helpers";

test.describe.configure({ mode: "parallel" });

const HELPER_ANTWERPEN = "digihelper@antwerpen.demo.digibrug.be";
const COORDINATOR_ANTWERPEN = "coordinator@antwerpen.demo.digibrug.be";

let phoneCounter = 0;
/** A different mobile number for every booking in every run. */
function uniquePhone(): string {
  const n = (Date.now() * 10 + Math.floor(Math.random() * 10) + 7919 * ++phoneCounter) % 1e8;
  return `04${String(n).padStart(8, "0")}`;
}

async function checkAxe(page: Page, found: PageViolations[]) {
  found.push({ url: page.url(), lines: await axeViolations(page) });
}

/**
 * Axe needs script in the page. For a page seen with JavaScript off, the same HTML (also a form's answer) is put
 * into a page of a second context at the same address, so styles load and axe can run.
 */
async function axeChecker(browser: Browser, found: PageViolations[]) {
  const context = await browser.newContext();
  const axePage = await context.newPage();
  return {
    check: async (page: Page) => {
      const html = await page.content();
      await axePage.goto(page.url(), { waitUntil: "commit" });
      await axePage.setContent(html);
      found.push({ url: page.url(), lines: await axeViolations(axePage) });
    },
    close: () => context.close(),
  };
}

/** Press Tab until the focused element's text (or label) matches, then return; fails after `max` presses. */
async function tabTo(page: Page, match: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el.getAttribute("aria-label") ?? ""} ${label ?? ""} ${el.textContent ?? ""}`.replace(/\s+/g, " ").trim();
    });
    if (match.test(text)) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

test("a resident books without JavaScript from the help point page, then cancels with the code and phone number", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const violations: PageViolations[] = [];
  const axe = await axeChecker(browser, violations);
  const phone = uniquePhone();

  await page.goto("/antwerpen/ar/afspraak");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await axe.check(page);

  await page.goto("/antwerpen/nl/hulp?q=Digidak Borgerhout");
  await page.getByRole("link", { name: "Digidak Borgerhout" }).first().click();
  await page.getByRole("link", { name: "Maak een afspraak" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kies waarvoor u komt");
  await axe.check(page);
  await page.getByRole("link", { name: /Digidak Borgerhout: Hulp met je bankapp/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kies een dag en een uur");
  await axe.check(page);
  await page.locator(".time-link").nth(2).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw gegevens");
  await axe.check(page);

  const bookUrl = page.url();

  // No name and a phone number that is not one: clear messages at the fields, listed in the order of the form.
  await page.getByLabel("Gsm-nummer").fill("bel mij maar");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(page.getByRole("alert").getByRole("listitem")).toHaveText(["Vul uw naam in.", /^Dit is geen telefoonnummer/]);
  await expect(page.getByLabel("Gsm-nummer")).toHaveValue("bel mij maar");
  await page.getByLabel("Uw naam").fill("Fatima Test");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit is geen telefoonnummer");
  await expect(page.getByLabel("Uw naam")).toHaveValue("Fatima Test");
  await axe.check(page);

  // Meanwhile others take that time. She hears it when she sends the form, chooses another free time in the
  // form itself, and what she typed stays (it used to be gone: only links to other times were left).
  const others = await context.newPage();
  for (let i = 0; i < 6; i++) {
    await others.goto(bookUrl);
    if ((await others.getByLabel("Uw naam").count()) === 0) break;
    await others.getByLabel("Uw naam").fill(`Iemand anders ${i}`);
    await others.getByLabel("Gsm-nummer").fill(uniquePhone());
    await others.getByRole("button", { name: "Afspraak maken" }).click();
    await expect(others.getByRole("heading", { level: 1 })).toHaveText("Uw afspraak is gemaakt");
  }
  await others.close();
  await page.getByLabel("Gsm-nummer").fill(phone);
  await page.getByLabel("Iets wat de helper moet weten (niet verplicht)").fill("Ik heb geen kaartlezer");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit uur is net door iemand anders genomen");
  await expect(page.getByLabel("Uw naam")).toHaveValue("Fatima Test");
  await expect(page.getByLabel("Gsm-nummer")).toHaveValue(phone);
  await expect(page.getByLabel("Iets wat de helper moet weten (niet verplicht)")).toHaveValue("Ik heb geen kaartlezer");
  await axe.check(page);
  const otherTime = page.getByRole("group", { name: /^Kies een ander uur/ }).getByRole("radio").first();
  const otherLabel = (await page.locator(`label[for="${await otherTime.getAttribute("id")}"]`).textContent())!;
  await otherTime.check();
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw afspraak is gemaakt");
  await expect(page.locator(".facts strong").first()).toContainText(otherLabel.trim());
  const code = (await page.locator(".registration-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(page.getByRole("link", { name: "Zet in mijn agenda" })).toBeVisible();
  await axe.check(page);
  const ics = await page.request.get(await page.getByRole("link", { name: "Zet in mijn agenda" }).getAttribute("href") as string);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("BEGIN:VEVENT");

  // Cancel with the code and the phone number.
  await page.goto("/antwerpen/nl/afspraak/zoeken");
  await axe.check(page);
  await page.getByLabel("Code").fill("ZZZZZZ");
  await page.getByLabel("Telefoonnummer of e-mailadres").fill(phone);
  await page.getByRole("button", { name: "Zoek mijn afspraak" }).click();
  await expect(page.getByRole("alert")).toContainText("We vinden geen afspraak");
  await page.getByLabel("Code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Zoek mijn afspraak" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw afspraak");
  await page.getByRole("button", { name: "Afspraak annuleren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afspraak annuleren?");
  await axe.check(page);
  await page.getByRole("button", { name: "Ja, annuleer" }).click();
  await expect(page.getByRole("status")).toHaveText("Uw afspraak is geannuleerd.");
  await expect(page.getByText("Deze afspraak is geannuleerd.")).toBeVisible();
  await axe.check(page);
  await context.close();
  await axe.close();
  expect(formatViolations(violations)).toBe("");
});

test("a resident books with the keyboard only and moves the appointment with the link", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/antwerpen/nl/afspraak");
  await tabTo(page, /^itsme, eID en inloggen$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kies een plek");
  await tabTo(page, /Digidak Borgerhout: Hulp met itsme/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kies een dag en een uur");
  // The fifth free time: tab through the first four.
  for (let i = 0; i < 5; i++) await tabTo(page, / om \d\d:\d\d/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw gegevens");
  await tabTo(page, /^Uw naam$/);
  await page.keyboard.type("Jozef Toetsenbord");
  await tabTo(page, /^Gsm-nummer/);
  await page.keyboard.type(uniquePhone());
  await tabTo(page, /^Afspraak maken$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw afspraak is gemaakt");
  const before = await page.locator(".facts strong").first().textContent();

  // Move it: the secret link page, by keyboard.
  await tabTo(page, /^Ander uur kiezen$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: "Kies een nieuw uur" })).toBeVisible();
  await tabTo(page, /^\d\d:\d\d$/);
  await page.keyboard.press("Space");
  await tabTo(page, /^Verplaats naar dit uur$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Uw afspraak is verplaatst.");
  expect(await page.locator(".facts strong").first().textContent()).not.toBe(before);
  await context.close();
});

test("staff book on behalf of a resident, see the agenda, check in and add a walk-in; a coordinator sets up the plan", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await loggedInContext(browser, HELPER_ANTWERPEN);
  const violations: PageViolations[] = [];
  await page.goto("/beheer/antwerpen/punten");
  await page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link", { name: "Hulp" }).click();
  await page.getByRole("navigation", { name: "Hulp" }).getByRole("link", { name: "Agenda", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agenda Digidak Borgerhout");
  await checkAxe(page, violations);
  await page.getByRole("link", { name: "Afspraak maken of binnenloper toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afspraak maken: Digidak Borgerhout");
  await checkAxe(page, violations);

  // Book on behalf: someone on the phone without a mobile number, a few days ahead.
  // Wait for the next days to be on screen: the slot is read from the new page, not the old one still shown.
  const firstDays = await page.locator("legend").filter({ hasText: /^Uur \(vanaf/ }).textContent();
  await page.getByRole("link", { name: "Volgende dagen" }).click();
  await expect(page.locator("legend").filter({ hasText: /^Uur \(vanaf/ })).not.toHaveText(firstDays!);
  const slot = page.locator('input[name="startsAt"]').nth(7);
  const slotLabel = (await page.locator(`label[for="${await slot.getAttribute("id")}"]`).textContent())!.slice(0, 5);
  await slot.check();
  await page.getByLabel("Aan de telefoon").check();
  const name = `Maria Telefoon ${Date.now().toString(36)}`;
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Notitie").fill("Komt met haar zoon");
  await page.getByRole("button", { name: "Afspraak maken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afspraak gemaakt");
  await expect(page.getByRole("status")).toContainText("Er gaat geen bericht uit");
  await checkAxe(page, violations);

  // The agenda of that day shows her, with the note; check her in.
  const when = (await page.getByRole("status").textContent())!;
  const day = when.match(/(\d{1,2}) (\w+) (\d{4})/)!;
  await page.getByRole("link", { name: "Terug naar de agenda" }).click();
  const dates = await page.evaluate(() => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date(Date.now() + d * 86400_000))));
  const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  const target = `${day[3]}-${String(months.indexOf(day[2]) + 1).padStart(2, "0")}-${day[1].padStart(2, "0")}`;
  expect(dates).toContain(target);
  await page.getByLabel("Dag").fill(target);
  await page.getByRole("button", { name: "Toon" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Komt met haar zoon");
  await expect(row.getByRole("rowheader")).toContainText(slotLabel);
  // On a 768 px tablet the whole row fits, "Aanmelden" included: no sideways scrolling at a busy desk.
  await page.setViewportSize({ width: 768, height: 1024 });
  const checkIn = (await row.getByRole("button", { name: /^Aanmelden/ }).boundingBox())!;
  expect(checkIn.x + checkIn.width).toBeLessThanOrEqual(768);
  expect(await page.locator(".agenda-table").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await row.getByRole("button", { name: /^Aanmelden/ }).click();
  await expect(page.getByRole("status")).toHaveText("De persoon is aangemeld.");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Aangemeld");
  await expect(page.getByRole("row").filter({ hasText: name }).getByRole("link", { name: /^Registreer dit contact/ })).toHaveAttribute("href", /\/beheer\/antwerpen\/hulpvragen\?afspraak=[0-9a-f-]{36}$/);
  await checkAxe(page, violations);
  // The link opens the help-question log for this appointment (it used to lead to a page that does not exist).
  const agendaUrl = page.url();
  await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name: /^Registreer dit contact/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulpvraag noteren");
  await expect(page.getByText("Contact bij de afspraak")).toBeVisible();
  await page.goto(agendaUrl);

  // A walk-in: checked in today at once.
  await page.getByRole("link", { name: "Afspraak maken of binnenloper toevoegen" }).click();
  await page.getByLabel("Naam (niet verplicht)").fill(`Binnenloper ${name}`);
  await page.getByRole("button", { name: "Binnenloper toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De binnenloper is toegevoegd en aangemeld.");
  await expect(page.getByRole("row").filter({ hasText: `Binnenloper ${name}` })).toContainText("Binnengelopen");
  await context.close();

  // The coordinator's settings page of the point, reached from the point's edit page.
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await coordinator.page.goto("/beheer/antwerpen/punten");
  await coordinator.page.getByRole("link", { name: "Digidak Borgerhout" }).first().click();
  await coordinator.page.getByRole("link", { name: "Afspraken: soorten hulp en weekplan" }).click();
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toHaveText("Afspraken: Digidak Borgerhout");
  await expect(coordinator.page.getByRole("heading", { name: "Hulp met itsme" })).toBeVisible();
  await checkAxe(coordinator.page, violations);
  await coordinator.context.close();
  expect(formatViolations(violations)).toBe("");
});
