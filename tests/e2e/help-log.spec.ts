import { expect, test, type Page } from "@playwright/test";
import { axeViolations, COORDINATOR_ANTWERPEN, formatViolations, loggedInContext, type PageViolations } from "./helpers";

test.describe.configure({ mode: "parallel" });
// Two full journeys, each over many pages.
test.setTimeout(120_000);

const DIGIHELPER_ANTWERPEN = "digihelper@antwerpen.demo.digibrug.be";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A weekday a week or more from now, as a date field wants it (YYYY-MM-DD), in Brussels. */
function weekdayFromNow(days: number): string {
  for (let d = days; ; d++) {
    const at = new Date(Date.now() + d * 24 * 3600_000);
    const weekday = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Brussels", weekday: "short" }).format(at);
    if (weekday !== "Sat" && weekday !== "Sun") {
      return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
    }
  }
}

async function checkAxe(page: Page, found: PageViolations[]) {
  found.push({ url: page.url(), lines: await axeViolations(page) });
}

/** The number in "Vandaag in Digidak Borgerhout: 12 contacten". */
async function todayCount(page: Page): Promise<number> {
  const text = await page.getByRole("list", { name: "Vandaag genoteerd" }).getByRole("listitem").first().textContent();
  const match = text?.match(/Digidak Borgerhout: (\d+)/);
  if (!match) throw new Error(`No count for today: "${text}"`);
  return Number(match[1]);
}

test("a digihelper logs a help question with the keyboard only, undoes a mistake, and the service sees the remark", async ({ browser }) => {
  const found: PageViolations[] = [];
  const { context, page } = await loggedInContext(browser, DIGIHELPER_ANTWERPEN);
  await page.getByRole("main").getByRole("link", { name: "Antwerpen" }).click();
  await page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link", { name: "Hulp" }).click();
  await page.getByRole("navigation", { name: "Hulp" }).getByRole("link", { name: "Hulpvraag noteren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulpvraag noteren");
  // One point: the helper's own, no choice to make.
  await expect(page.getByText("Hulppunt: Digidak Borgerhout")).toBeVisible();
  await checkAxe(page, found);
  const before = await todayCount(page);

  // Defaults are already chosen; the helper only changes what differs, with the keyboard.
  await expect(page.getByRole("radio", { name: "Binnengelopen" })).toBeChecked();
  await page.getByRole("radio", { name: "Binnengelopen" }).focus();
  await page.keyboard.press("ArrowRight"); // Afspraak
  await page.keyboard.press("ArrowRight"); // Huisbezoek
  await page.keyboard.press("ArrowRight"); // Telefoon
  await expect(page.getByRole("radio", { name: "Telefoon" })).toBeChecked();
  await page.getByRole("checkbox", { name: "eBox: post van de overheid" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("checkbox", { name: "eBox", exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("radio", { name: "Opgelost", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Deels opgelost" })).toBeChecked();
  // The optional part opens with Enter; the remark is the only text to type.
  await page.getByText("Meer over de persoon en een opmerking (niet verplicht)").focus();
  await page.keyboard.press("Enter");
  const remark = `eBox-code komt niet aan (test ${unique()})`;
  await page.getByLabel("Opmerking: waar liep het vast?").focus();
  await page.keyboard.type(remark);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status")).toContainText("Opgeslagen.");
  expect(await todayCount(page)).toBe(before + 1);
  // Ready for the next person: the defaults are back, nothing of the last one stays.
  await expect(page.getByRole("radio", { name: "Binnengelopen" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "eBox", exact: true })).not.toBeChecked();
  await checkAxe(page, found);

  // A mistake: a second contact logged by accident, undone at once.
  const firstSaved = page.url();
  await page.getByRole("button", { name: "Opslaan" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(firstSaved);
  await expect(page.getByRole("status")).toContainText("Opgeslagen.");
  expect(await todayCount(page)).toBe(before + 2);
  await page.getByRole("button", { name: "Ongedaan maken" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Het laatste contact is gewist.");
  expect(await todayCount(page)).toBe(before + 1);
  await context.close();

  // The coordinator sees the remark under the service, and can keep the list of services.
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await coordinator.page.goto("/beheer/antwerpen/inzichten");
  await checkAxe(coordinator.page, found);
  await coordinator.page.getByRole("link", { name: "eBox", exact: true }).click();
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toHaveText("Waar bewoners vastlopen: eBox");
  await expect(coordinator.page.getByText(remark)).toBeVisible();
  await checkAxe(coordinator.page, found);
  await coordinator.page.goto("/beheer/antwerpen/diensten");
  await checkAxe(coordinator.page, found);
  await coordinator.page.goto("/beheer/antwerpen/hulpvragen");
  await checkAxe(coordinator.page, found);
  await coordinator.context.close();

  expect(formatViolations(found), "axe violations").toBe("");
});

test("a relative asks for help at home without JavaScript; the coordinator plans it, prints the letter and closes it in the log", async ({ browser }) => {
  const found: PageViolations[] = [];
  const publicContext = await browser.newContext({ javaScriptEnabled: false });
  const resident = await publicContext.newPage();
  await resident.goto("/antwerpen/nl/hulp-aan-huis");
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("Hulp aan huis");
  await expect(resident.getByRole("link", { name: "03 22 11 333" }).first()).toBeVisible();

  // Forgetting things: every problem at its field, nothing lost.
  await resident.getByLabel("Ik vraag het voor een familielid of een buur").check();
  await resident.getByLabel("Naam", { exact: true }).fill("Maria Verlinden");
  await resident.getByRole("button", { name: "Hulp aan huis vragen" }).click();
  await expect(resident.getByRole("alert")).toContainText("Vul het adres in: straat en huisnummer.");
  await expect(resident.getByRole("alert")).toContainText("Vul uw eigen naam in.");
  await expect(resident.getByLabel("Naam", { exact: true })).toHaveValue("Maria Verlinden");

  const name = `Maria Verlinden ${unique()}`;
  await resident.getByLabel("Naam", { exact: true }).fill(name);
  await resident.getByLabel("Adres: straat en huisnummer").fill("Kroonstraat 12");
  await resident.getByLabel("Postcode").fill("2140");
  await resident.getByLabel("Telefoonnummer", { exact: true }).fill("03 123 45 67");
  await resident.getByLabel("Uw naam").fill("Jan Verlinden");
  await resident.getByLabel("Wanneer past het bezoek?").fill("Dinsdag of donderdag in de voormiddag");
  await resident.getByLabel("Waarom kan de persoon niet naar een digipunt komen?").fill("Stapt slecht sinds een val");
  await resident.getByRole("button", { name: "Hulp aan huis vragen" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("We hebben uw vraag ontvangen");
  const code = (await resident.locator(".registration-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await publicContext.close();

  // Axe needs JavaScript: the same public pages again in a normal browser, also in Arabic (right to left).
  const axeContext = await browser.newContext();
  const axePage = await axeContext.newPage();
  for (const lang of ["nl", "ar"]) {
    await axePage.goto(`/antwerpen/${lang}/hulp-aan-huis`);
    await checkAxe(axePage, found);
  }
  await axePage.getByRole("button", { name: "اطلب المساعدة في البيت" }).click();
  await expect(axePage.getByRole("alert")).toBeVisible();
  await checkAxe(axePage, found);
  await axePage.goto(`/antwerpen/nl/hulp-aan-huis/ontvangen?code=${code}`);
  await expect(axePage.locator(".registration-code")).toHaveText(code);
  await checkAxe(axePage, found);
  await axeContext.close();

  // The coordinator plans it: a digihelper and a moment.
  const { context, page } = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await page.getByRole("main").getByRole("link", { name: "Antwerpen" }).click();
  await page.getByRole("navigation", { name: "Onderdelen" }).getByRole("link", { name: "Hulp" }).click();
  await page.getByRole("navigation", { name: "Hulp" }).getByRole("link", { name: "Huisbezoeken" }).click();
  await checkAxe(page, found);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Huisbezoek ${code}: ${name}`);
  await expect(page.getByText("(geen gsm: stuur de brief)")).toBeVisible();
  await checkAxe(page, found);
  await page.getByRole("button", { name: "Huisbezoek plannen" }).click();
  await expect(page.getByRole("alert")).toContainText("Kies een digihelper.");
  await page.getByLabel("Digihelper").selectOption({ label: "Mehmet Yılmaz" });
  await page.getByLabel("Datum").fill(weekdayFromNow(7));
  await page.getByLabel("Uur").fill("14:00");
  await page.getByRole("button", { name: "Huisbezoek plannen" }).click();
  // No mobile number anywhere: no SMS, the letter is the way to tell.
  await expect(page.getByRole("status")).toContainText("Er is geen gsm-nummer: druk de brief af");
  await expect(page.getByText("Stand: Gepland")).toBeVisible();

  await page.getByRole("link", { name: "Brief afdrukken" }).click();
  const letter = page.getByRole("article");
  await expect(letter.getByRole("heading", { level: 1 })).toHaveText("Een digihelper komt bij u thuis");
  await expect(letter).toContainText(`Beste ${name},`);
  await expect(letter).toContainText("14:00");
  await expect(letter).toContainText("Mehmet, digihelper van Antwerpen");
  await expect(letter).not.toContainText("Yılmaz");
  await expect(letter).toContainText("Bel 03 22 11 333");
  await expect(letter).toContainText(code);
  await checkAxe(page, found);

  // After the visit: "mark as done" is the help log with the visit filled in.
  await page.getByRole("link", { name: "Terug naar het huisbezoek" }).click();
  await page.getByRole("link", { name: "Markeren als gedaan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulpvraag noteren");
  await expect(page.getByText(/Contact bij het huisbezoek/)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Huisbezoek" })).toBeChecked();
  // Not Digidak Borgerhout: the journey above counts that point's contacts of today while this one runs beside it.
  await page.getByLabel("Hulppunt").selectOption({ label: "Bibliotheek Permeke" });
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Het huisbezoek staat op gedaan.");
  await page.goto("/beheer/antwerpen/huisbezoeken?stand=gedaan");
  await expect(page.getByRole("link", { name })).toBeVisible();

  await page.goto("/beheer/antwerpen/huisbezoeken/nieuw");
  await checkAxe(page, found);
  await context.close();
  expect(formatViolations(found), "axe violations").toBe("");
});
