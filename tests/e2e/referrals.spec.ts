import { expect, test, type Page } from "@playwright/test";
import { axeViolations, COORDINATOR_ANTWERPEN, formatViolations, loggedInContext, type PageViolations } from "./helpers";

const DIGIHELPER = "digihelper@antwerpen.demo.digibrug.be";
/** Manager of Bibliotheek Antwerpen: receives referrals sent to the library. */
const LIBRARY = "organization@antwerpen.demo.digibrug.be";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function checkAxe(page: Page, found: PageViolations[]) {
  found.push({ url: page.url(), lines: await axeViolations(page) });
}

test("a digihelper refers a resident with consent, the partner works it, the referrer follows it, the coordinator erases it", async ({ browser }) => {
  test.setTimeout(120_000);
  const found: PageViolations[] = [];
  const resident = `Amina Test ${unique()}`;

  // The digihelper fills in the referral but forgets to ask for consent: a clear error, the typed values kept.
  const helper = await loggedInContext(browser, DIGIHELPER);
  await helper.page.goto("/beheer/antwerpen/doorverwijzingen");
  await expect(helper.page.getByRole("heading", { level: 1 })).toHaveText("Doorverwijzingen");
  await checkAxe(helper.page, found);
  await helper.page.getByRole("link", { name: "Een bewoner doorverwijzen" }).click();
  await expect(helper.page.getByRole("heading", { level: 1 })).toHaveText("Een bewoner doorverwijzen");
  await checkAxe(helper.page, found);
  await helper.page.getByLabel(/^Een andere partnerorganisatie/).check();
  await helper.page.getByLabel(/^Organisatie/).selectOption({ label: "Bibliotheek Antwerpen" });
  await helper.page.getByLabel("Naam van de bewoner", { exact: true }).fill(resident);
  await helper.page.getByLabel("Telefoonnummer", { exact: true }).fill("0470 99 88 77");
  await helper.page.getByLabel("Taal van de bewoner", { exact: true }).selectOption({ label: "Français" });
  await helper.page.getByLabel(/Korte uitleg/).fill("Wil leren e-mailen met haar kleinkinderen.");
  await helper.page.getByRole("button", { name: "Doorverwijzen" }).click();
  const summary = helper.page.getByRole("alert");
  await expect(summary).toContainText("Zonder akkoord kunt u niet doorverwijzen");
  await expect(helper.page).toHaveTitle(/^Fout:/);
  await expect(helper.page.getByLabel("Naam van de bewoner", { exact: true })).toHaveValue(resident);
  await checkAxe(helper.page, found);

  // With consent it is sent.
  await helper.page.getByLabel(/De bewoner gaat akkoord/).check();
  await helper.page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(helper.page.getByRole("status")).toContainText("De doorverwijzing is verstuurd. De bewoner krijgt een bericht.");
  await expect(helper.page.getByRole("heading", { level: 1 })).toHaveText("Doorverwijzing naar Bibliotheek Antwerpen");
  const referralPath = new URL(helper.page.url()).pathname;
  await checkAxe(helper.page, found);

  // The library finds it in its inbox, sees who to call, and changes the status with a note.
  const library = await loggedInContext(browser, LIBRARY);
  await library.page.goto("/beheer/antwerpen/doorverwijzingen");
  await library.page.locator(`a[href="${referralPath}"]`).click();
  await expect(library.page.getByText(resident)).toBeVisible();
  await expect(library.page.getByRole("link", { name: "0470 99 88 77" })).toBeVisible();
  await checkAxe(library.page, found);
  await library.page.getByLabel("Contact opgenomen", { exact: true }).check();
  await library.page.getByLabel("Notitie (niet verplicht)").fill("Gebeld: ze komt dinsdag naar de bib.");
  await library.page.getByRole("button", { name: "Stand opslaan" }).click();
  await expect(library.page.getByRole("status")).toContainText("De stand is aangepast.");
  await expect(library.page.getByText("Stand: Contact opgenomen")).toBeVisible();
  await library.context.close();

  // The digihelper sees the new status under "Verstuurd", and the note.
  await helper.page.goto("/beheer/antwerpen/doorverwijzingen?bak=verstuurd");
  // Still open (contact made, not yet helped): in the table of open ones, counted per status.
  await expect(helper.page.getByText(/^Contact opgenomen: [1-9]\d*$/)).toBeVisible();
  const row = helper.page
    .getByRole("table", { name: /nog open/ })
    .getByRole("row")
    .filter({ has: helper.page.locator(`a[href="${referralPath}"]`) });
  await expect(row).toContainText("Contact opgenomen");
  await checkAxe(helper.page, found);
  await row.getByRole("link").click();
  await expect(helper.page.getByText("Gebeld: ze komt dinsdag naar de bib.")).toBeVisible();
  await helper.context.close();

  // The coordinator finds the resident's data (only one referral: the attempt without consent saved nothing) and erases it.
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await coordinator.page.goto("/beheer/antwerpen/privacy");
  await checkAxe(coordinator.page, found);
  await coordinator.page.getByLabel("Naam of een deel van de naam").fill(resident);
  await coordinator.page.getByRole("button", { name: "Zoeken" }).click();
  await expect(coordinator.page.getByRole("heading", { name: "1 gegeven gevonden" })).toBeVisible();
  await checkAxe(coordinator.page, found);
  await coordinator.page.getByRole("checkbox", { name: new RegExp(resident) }).check();
  const download = coordinator.page.waitForEvent("download");
  await coordinator.page.getByRole("button", { name: "Exporteren (JSON-bestand)" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(file!, "utf8")));
  expect(exported.doorverwijzingen[0].naam).toBe(resident);
  await coordinator.page.getByRole("button", { name: "Wissen…" }).click();
  await expect(coordinator.page.getByRole("heading", { name: "Zeker wissen?" })).toBeVisible();
  await checkAxe(coordinator.page, found);
  await coordinator.page.getByRole("button", { name: "Ja, definitief wissen" }).click();
  await expect(coordinator.page.getByRole("status")).toContainText("1 gegeven is gewist.");
  await coordinator.page.goto(referralPath);
  await expect(coordinator.page.getByText("De persoonsgegevens van deze doorverwijzing zijn gewist.")).toBeVisible();
  await expect(coordinator.page.getByText(resident)).toHaveCount(0);
  await coordinator.context.close();

  expect(formatViolations(found), "axe violations").toBe("");
});
