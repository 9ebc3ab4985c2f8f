import { expect, test, type Page } from "@playwright/test";
import { axeViolations, loggedInContext } from "./helpers";

test.describe.configure({ mode: "parallel" });

const DEVICE_OFFICER_ANTWERPEN = "devices@antwerpen.demo.digibrug.be";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test("a device officer registers a donation batch, is stopped on a duplicate serial, wipes it in bulk and prints the labels", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await loggedInContext(browser, DEVICE_OFFICER_ANTWERPEN);
  const id = unique().toUpperCase();
  const donor = `Demo – Testbedrijf ${id}`;

  // The stock page and the numbers
  await page.goto("/beheer/antwerpen/toestellen");
  await expect(page.getByRole("heading", { level: 1, name: "Toestellen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Cijfers van de toestellenbank" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cijfers van de toestellenbank" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A pledge typed in by staff
  await page.getByRole("link", { name: "Schenkingen", exact: true }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Nieuwe schenking noteren" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Bedrijf of organisatie").fill(donor);
  await page.getByLabel("Laptop", { exact: true }).fill("2");
  await page.getByLabel("Ophaaladres").fill("Demo – Meir 10, 2000 Antwerpen");
  await page.getByLabel("Naam", { exact: true }).fill("Demo – Contact");
  await page.getByLabel("E-mailadres").fill(`contact-${id.toLowerCase()}@example.org`);
  await page.getByRole("button", { name: "Schenking bewaren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Schenking van ${donor}` })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("De schenking is bewaard");

  // Intake: two laptops with the same serial (different case) are flagged at the field, the values stay
  const row = (n: number, label: string) => page.getByRole("group", { name: `Toestel ${n}`, exact: true }).getByLabel(label, { exact: true });
  await row(1, "Soort").selectOption("laptop");
  await row(1, "Merk").fill("Lenovo");
  await row(1, "Model").fill("ThinkPad T14");
  await row(1, "Serienummer").fill(`SN-${id}-A`);
  await row(1, "Toetsenbord").selectOption("azerty");
  await row(2, "Soort").selectOption("laptop");
  await row(2, "Merk").fill("Lenovo");
  await row(2, "Serienummer").fill(`sn-${id}-a`);
  await page.getByRole("button", { name: "Toestellen registreren" }).click();
  await expect(page.getByRole("alert")).toContainText("dit serienummer staat ook bij toestel 1");
  await expect(row(2, "Serienummer")).toHaveValue(`sn-${id}-a`);
  await expect(row(2, "Serienummer")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await row(2, "Serienummer").fill(`SN-${id}-B`);
  await page.getByRole("button", { name: "Toestellen registreren" }).click();
  await expect(page.getByRole("status")).toContainText("De toestellen zijn geregistreerd");
  const registered = page.getByRole("table").filter({ hasText: `SN-${id}-A` });
  await expect(registered.getByRole("row")).toHaveCount(3);
  await expect(registered).toContainText("Ontvangen, nog niet gewist");
  const tags = await registered.locator("tbody th").allTextContents();
  expect(tags.every((t) => /^ANT-\d{5}$/.test(t))).toBe(true);

  // Bulk wipe: without a method it is refused; with one batch certificate both are wiped
  await page.getByRole("button", { name: "Gekozen toestellen zijn gewist" }).click();
  await expect(page.getByRole("alert")).toContainText("Vul de wismethode in");
  await page.getByLabel(/Wismethode/).fill("Blancco Drive Eraser");
  await page.getByLabel(/Certificaatnummer voor de hele reeks/).fill(`CERT-${id}`);
  await page.getByRole("button", { name: "Gekozen toestellen zijn gewist" }).click();
  await expect(page.getByRole("status")).toContainText("als gewist genoteerd");
  await expect(registered.getByRole("cell", { name: "Gewist", exact: true })).toHaveCount(2);
  await expectNoAxeViolations(page);

  // Labels: one QR code per device
  await page.getByRole("link", { name: "Etiketten afdrukken (2)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Etiketten voor de schenking/ })).toBeVisible();
  await expect(page.locator(".asset-label svg")).toHaveCount(2);
  await expect(page.getByRole("img", { name: `QR-code voor toestel ${tags[0]}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // The device page: history with the wipe evidence, then ready to lend
  await page.goBack();
  await page.getByRole("link", { name: tags[0], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Toestel ${tags[0]}` })).toBeVisible();
  await expect(page.locator(".device-history")).toContainText(`Blancco Drive Eraser, referentie CERT-${id}`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Klaar om uit te lenen" }).click();
  await expect(page.getByText("Stand: Klaar om uit te lenen")).toBeVisible();
  await page.getByRole("link", { name: "Etiket afdrukken" }).click();
  await expect(page.locator(".asset-label svg")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await context.close();
});

test("a company pledges devices on the public form without JavaScript and sees its impact page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Axe needs script in the page; public pages ship no client script, so a second context sees the same pages.
  const axeContext = await browser.newContext();
  const axePage = await axeContext.newPage();
  const checkAxe = async (url: string) => {
    await axePage.goto(url);
    await expectNoAxeViolations(axePage);
  };
  const id = unique();
  // The borrow page: the phone number is a link that stays whole and left to right inside Arabic text.
  await page.goto("/antwerpen/ar/lenen");
  await expect(page.locator("main a.phone-link[href='tel:032211333'] bdi[dir='ltr']")).toHaveText("03 22 11 333");
  await page.goto("/antwerpen/nl/lenen/schenken");
  await expect(page.getByRole("heading", { level: 1, name: "Toestellen schenken aan de toestellenbank" })).toBeVisible();
  await expect(page.getByRole("link", { name: "03 22 11 333" }).first()).toBeVisible();
  await checkAxe("/antwerpen/nl/lenen/schenken");
  await checkAxe("/antwerpen/ar/lenen/schenken");

  const fillRequired = async (p: Page) => {
    await p.getByLabel("Naam van uw bedrijf of organisatie").fill(`Demo – Schenker ${id}`);
    await p.getByLabel("Waar kunnen we de toestellen ophalen?").fill("Demo – Frankrijklei 1, 2000 Antwerpen");
    await p.getByLabel("Uw naam").fill("Demo – Els");
    await p.getByLabel("E-mailadres").fill("nope");
    await p.getByRole("button", { name: "Schenking doorgeven" }).click();
  };
  await fillRequired(page);
  await expect(page.getByRole("alert")).toContainText("Vul in hoeveel toestellen u schenkt");
  await expect(page.getByRole("alert")).toContainText("Vul een e-mailadres in");
  await expect(page.getByLabel("Naam van uw bedrijf of organisatie")).toHaveValue(`Demo – Schenker ${id}`);
  await axePage.goto("/antwerpen/nl/lenen/schenken");
  await fillRequired(axePage);
  await expect(axePage.getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(axePage);

  await page.getByLabel("Laptops").fill("4");
  await page.getByLabel("Tablets").fill("2");
  await page.getByLabel("E-mailadres").fill(`schenker-${id}@example.org`);
  await page.getByRole("button", { name: "Schenking doorgeven" }).click();
  await expect(page).toHaveURL(/\/antwerpen\/nl\/schenking\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
  await expect(page.getByRole("status")).toContainText("Bedankt!");
  await expect(page.getByText("U beloofde 6 toestellen.")).toBeVisible();
  await expect(page.getByText("We hebben de toestellen nog niet opgehaald.")).toBeVisible();
  await checkAxe(page.url());

  // The same page in Arabic, right to left
  const arabic = page.url().replace("/nl/schenking/", "/ar/schenking/").replace("?nieuw=1", "");
  await page.goto(arabic);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await checkAxe(arabic);
  await axeContext.close();
  await context.close();
});
