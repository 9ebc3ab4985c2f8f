import { expect, test, type Page } from "@playwright/test";
import { axeViolations, COORDINATOR_ANTWERPEN, formatViolations, loggedInContext, type PageViolations } from "./helpers";

test.describe.configure({ mode: "parallel" });

const OFFICER_ANTWERPEN = "devices@antwerpen.demo.digibrug.be";
const HELPER_ANTWERPEN = "digihelper@antwerpen.demo.digibrug.be";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
/** A mobile number of its own for every run, so its messages are easy to find. */
const uniquePhone = () => `04${String((Date.now() * 7 + Math.floor(Math.random() * 1000)) % 1e8).padStart(8, "0")}`;

async function checkAxe(page: Page, found: PageViolations[]) {
  found.push({ url: page.url(), lines: await axeViolations(page) });
}

test("a digihelper applies, the device officer approves, reserves, prints the agreement, hands over, reminds and takes the device back", async ({ browser }) => {
  test.setTimeout(120_000);
  const violations: PageViolations[] = [];
  const name = `Test ${unique()}`;
  const phone = uniquePhone();

  // The digihelper fills in the application with the resident at the desk.
  const helper = await loggedInContext(browser, HELPER_ANTWERPEN);
  await helper.page.goto("/beheer/antwerpen/uitlenen/aanvragen");
  await helper.page.getByRole("link", { name: "Nieuwe aanvraag" }).click();
  await expect(helper.page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe aanvraag voor een toestel");
  await checkAxe(helper.page, violations);
  // Sending it empty: the errors are listed and shown at the fields.
  await helper.page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(helper.page.getByRole("alert")).toContainText("Vul de naam van de bewoner in.");
  await checkAxe(helper.page, violations);
  await helper.page.getByLabel("Naam", { exact: true }).fill(name);
  await helper.page.getByLabel("Gsm-nummer (niet verplicht)").fill(phone);
  await helper.page.getByLabel("Taal van de berichten").selectOption("fr");
  await helper.page.getByLabel("Met hoeveel mensen woont de bewoner?").fill("3");
  await helper.page.getByLabel("Postcode").fill("2140");
  await helper.page.getByLabel("Straat en huisnummer").fill(`Teststraat ${Math.floor(Math.random() * 9000) + 100} bus ${unique()}`);
  await helper.page.getByRole("radio", { name: "Werk zoeken" }).check();
  for (const box of await helper.page.getByRole("group", { name: "Wat hebt u nagekeken?" }).getByRole("checkbox").all()) await box.check();
  await helper.page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(helper.page.getByRole("status")).toContainText("De aanvraag is ingediend.");
  await expect(helper.page.getByRole("heading", { level: 1 })).toHaveText(`Aanvraag van ${name}`);
  await checkAxe(helper.page, violations);
  // A digihelper follows the application but does not decide.
  await expect(helper.page.getByRole("button", { name: "Goedkeuren" })).toHaveCount(0);
  const applicationUrl = new URL(helper.page.url()).pathname;
  await helper.context.close();

  // The device officer decides and reserves a laptop.
  const { context, page } = await loggedInContext(browser, OFFICER_ANTWERPEN);
  await page.goto("/beheer/antwerpen/uitlenen/aanvragen");
  await checkAxe(page, violations);
  // A demo application from a referral without the referrer's contact says so (it read "Geen (uit een doorverwijzing)").
  await page.getByRole("link", { name: "Demo – Nadia Benali" }).click();
  await expect(page.getByText("Uit een doorverwijzing, zonder naam of contact van de doorverwijzer")).toBeVisible();
  await page.goto("/beheer/antwerpen/uitlenen/aanvragen");
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
  await page.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(page.getByRole("status")).toContainText("De aanvraag is goedgekeurd.");
  await checkAxe(page, violations);
  const device = page.getByLabel("Toestel", { exact: true });
  const firstDevice = await device.locator("option").nth(1).getAttribute("value");
  await device.selectOption(firstDevice!);
  const assetTag = (await device.locator(`option[value="${firstDevice}"]`).textContent())!.split(" · ")[0];
  await page.getByRole("button", { name: "Reserveren" }).click();
  await expect(page.getByRole("status")).toContainText("Het toestel is gereserveerd.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(assetTag);
  await checkAxe(page, violations);

  // The agreement is a PDF in the resident's language.
  const pdfHref = await page.getByRole("link", { name: /Afspraak afdrukken/ }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Hand-over: the signature is required.
  await page.getByRole("button", { name: "Toestel meegeven" }).click();
  await expect(page.getByRole("alert")).toContainText("Kies hoe de bewoner de afspraak getekend heeft.");
  await page.getByRole("radio", { name: "Op papier" }).check();
  await page.getByRole("button", { name: "Toestel meegeven" }).click();
  await expect(page.getByRole("status")).toContainText("Het toestel is meegegeven.");
  await expect(page.locator(".status-panel")).toContainText("Uitgeleend");
  await checkAxe(page, violations);

  // A reminder now, in French: it lands in the contact history and in the outbox.
  await page.getByRole("button", { name: "Herinnering nu sturen" }).click();
  await expect(page.getByRole("status")).toContainText("De herinnering is verstuurd.");
  await expect(page.getByRole("table", { name: "Contacten over deze uitlening" })).toContainText("Herinnering verstuurd");

  // Taking it back: first a number that is not on loan, then the right one.
  await page.goto("/beheer/antwerpen/uitlenen/uitleningen");
  await checkAxe(page, violations);
  await page.getByLabel("Nummer van het toestel").fill("ANT-99999");
  await page.getByRole("button", { name: "Terugnemen" }).click();
  await expect(page.getByRole("alert")).toContainText("Er is geen toestel met nummer ANT-99999.");
  await expect(page.getByLabel("Nummer van het toestel")).toHaveValue("ANT-99999");
  await checkAxe(page, violations);
  await page.getByLabel("Nummer van het toestel").fill(assetTag);
  await page.getByLabel("Staat").selectOption("fair");
  await page.getByRole("button", { name: "Terugnemen" }).click();
  await expect(page.getByRole("status")).toContainText("Het toestel is teruggenomen.");
  await expect(page.locator(".facts")).toContainText("Gebruikt, werkt goed");
  await page.goto("/beheer/antwerpen/uitlenen/uitleningen");
  await page.getByLabel("Nummer van het toestel").fill(assetTag);
  await page.getByRole("button", { name: "Terugnemen" }).click();
  await expect(page.getByRole("alert")).toContainText(`Toestel ${assetTag} is niet uitgeleend`);
  await context.close();

  // The coordinator sees the messages to the resident (in French) on "Berichten".
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await coordinator.page.goto("/beheer/antwerpen/berichten");
  const international = `+32${phone.slice(1)}`;
  await expect(coordinator.page.getByText(international).first()).toBeVisible();
  const main = coordinator.page.locator("main");
  await expect(main).toContainText("nous avons votre demande d'appareil");
  await expect(main).toContainText("Vous pouvez emprunter un appareil");
  await expect(main).toContainText("est prêt");
  await expect(main).toContainText(`rapportez votre ordinateur portable (${assetTag})`);
  await coordinator.context.close();

  expect(formatViolations(violations)).toBe("");
});

test("the overdue list, a demo loan's contact history and the lending rules pass axe", async ({ browser }) => {
  const violations: PageViolations[] = [];
  const { context, page } = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  // The list of loans on a 768 px tablet: every asset tag stays on one line (they broke after "ANT-").
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto("/beheer/antwerpen/uitlenen/uitleningen");
  const tags = page.getByRole("table").getByRole("rowheader").getByRole("link");
  await expect(tags.first()).toHaveText(/^[A-Z]+-\d+$/);
  const lineHeight = await tags.first().evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  for (const tag of await tags.all()) expect((await tag.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/beheer/antwerpen/uitlenen/te-laat");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Te laat teruggebracht");
  await expect(page.getByRole("table")).toContainText("dagen te laat");
  await checkAxe(page, violations);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.locator(".status-panel")).toContainText("Te laat");
  await expect(page.getByRole("table", { name: "Contacten over deze uitlening" })).toContainText("Automatische herinnering");
  await checkAxe(page, violations);
  // Staff note a call.
  await page.getByLabel("Hoe had u contact?").selectOption("phone");
  await page.getByLabel("Wat is er gezegd of afgesproken?").fill("Gebeld: brengt het toestel vrijdag terug.");
  await page.getByRole("button", { name: "Contact noteren" }).click();
  await expect(page.getByRole("status")).toContainText("Het contact is genoteerd.");
  await expect(page.getByRole("table", { name: "Contacten over deze uitlening" })).toContainText("brengt het toestel vrijdag terug");

  await page.goto("/beheer/antwerpen/uitlenen/instellingen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regels voor het uitlenen");
  await checkAxe(page, violations);
  await page.getByLabel("Weken lenen").fill("0");
  await page.getByRole("button", { name: "Regels opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText('Vul bij "Weken lenen" een getal van 1 tot 104 in.');
  await checkAxe(page, violations);
  await page.goto("/beheer/antwerpen/uitlenen/aanvragen?status=waiting");
  await expect(page.getByRole("table")).toContainText("Demo –");
  await checkAxe(page, violations);
  await context.close();
  expect(formatViolations(violations)).toBe("");
});
