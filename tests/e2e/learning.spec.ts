import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations, COORDINATOR_ANTWERPEN, formatViolations, loggedInContext, type PageViolations } from "./helpers";

test.describe.configure({ mode: "parallel" });

const TRAINER_ANTWERPEN = "trainer@antwerpen.demo.digibrug.be";

// A different mobile number for every person in every run, so a rerun never meets "already registered".
let phoneCounter = 0;
function uniquePhone(): string {
  const n = (Date.now() * 10 + Math.floor(Math.random() * 10) + 7919 * ++phoneCounter) % 1e8;
  return `04${String(n).padStart(8, "0")}`;
}
/** How the outbox writes a Belgian number: +32 and no leading 0. */
const international = (phone: string) => `+32${phone.slice(1)}`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A day a week (or `days`) from now, as a date field wants it (YYYY-MM-DD), in Brussels. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A staff button whose visible word is followed by a visually hidden ": name". Buttons are flex boxes, so
 * Chromium puts a space between the two parts of the name ("Aanwezig : Ann"); screen readers read it the same.
 */
const staffButton = (word: string, name: string) => new RegExp(`^${escape(word)}\\s*: ${escape(name)}$`);

/** The number in "Nog 8 vrije plaatsen" / "Nog 1 vrije plaats". */
async function freePlacesOnCoursePage(page: Page): Promise<number> {
  const text = await page.locator(".run-status-ok").first().textContent();
  const match = text?.match(/Nog (\d+) vrije plaats/);
  if (!match) throw new Error(`No free places on the course page: "${text}"`);
  return Number(match[1]);
}

/**
 * As a coordinator: add a run to a course through the staff course page, with its first lessons, at a place
 * of its own (so the test finds it again and no demo data is touched). Returns the run's staff page.
 */
async function addRun(page: Page, courseTitle: string, options: { capacity: number; weeks: number; venue: string }) {
  await page.goto("/beheer/antwerpen/cursussen");
  await page.getByRole("link", { name: new RegExp(`^${escape(courseTitle)}`) }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(courseTitle);
  const courseId = page.url().match(/cursussen\/([0-9a-f-]{36})/)![1];
  const form = page.getByRole("region", { name: "Nieuwe reeks" });
  await form.getByLabel("Andere plek of uitleg (niet verplicht)").fill(options.venue);
  await form.getByLabel("Aantal plaatsen", { exact: true }).fill(String(options.capacity));
  await form.getByLabel("Datum", { exact: true }).fill(dayFromNow(7));
  await form.getByLabel("Van", { exact: true }).fill("10:00");
  await form.getByLabel("Tot", { exact: true }).fill("12:00");
  await form.getByLabel("Aantal weken", { exact: true }).fill(String(options.weeks));
  await form.getByRole("button", { name: "Reeks toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("De nieuwe reeks en haar lessen zijn toegevoegd.");
  const run = page.getByRole("region", { name: new RegExp(`^Reeks \\d+: ${escape(options.venue)}$`) });
  await expect(run.getByRole("row")).toHaveCount(options.weeks + 1);
  const href = await run.getByRole("link", { name: /^Inschrijvingen en wachtlijst/ }).getAttribute("href");
  const runId = href!.match(/reeksen\/([0-9a-f-]{36})$/)![1];
  return { courseId, runId, staffRunPath: href!, registerPath: `/antwerpen/nl/cursussen/${courseId}/inschrijven/${runId}` };
}

/** A resident fills in the public registration form and sends it. */
async function fillRegistration(page: Page, name: string, phone: string) {
  await page.getByLabel("Uw naam").fill(name);
  await page.getByLabel("Gsm-nummer", { exact: true }).fill(phone);
}

async function publicPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("without JavaScript: find a course, fix a mistake, register, and see one place less", async ({ browser }) => {
  const { context, page } = await publicPage(browser, false);
  const COURSE = "Solliciteren met de computer";
  const name = `Test Inschrijving ${unique()}`;
  const phone = uniquePhone();

  await page.goto("/antwerpen/nl/cursussen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cursussen");
  await page.getByRole("link", { name: COURSE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COURSE);
  const coursePath = new URL(page.url()).pathname;
  const freeBefore = await freePlacesOnCoursePage(page);
  expect(freeBefore).toBeGreaterThan(1);

  await page.getByRole("link", { name: /^Inschrijven/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Inschrijven: ${COURSE}`);
  await expect(page.getByText(`Nog ${freeBefore} plaatsen vrij.`)).toBeVisible();

  // A mistake first: a UiTPAS number is 13 digits.
  await fillRegistration(page, name, phone);
  const uitpas = page.getByLabel("UiTPAS-nummer (niet verplicht)");
  await uitpas.fill("123");
  await page.getByRole("button", { name: "Inschrijven", exact: true }).click();

  const message = "Een UiTPAS-nummer heeft 13 cijfers.";
  await expect(page).toHaveTitle(/^Fout: /);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Er is een probleem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", "#uitpasNumber");
  await expect(page.locator("#uitpasNumber-error")).toHaveText(`Fout: ${message}`);
  await expect(uitpas).toHaveAttribute("aria-invalid", "true");
  await expect(uitpas).toHaveValue("123");
  await expect(page.getByLabel("Uw naam")).toHaveValue(name);
  await expect(page.getByLabel("Gsm-nummer", { exact: true })).toHaveValue(phone);

  await uitpas.fill("");
  await page.getByRole("button", { name: "Inschrijven", exact: true }).click();

  await expect(page).toHaveURL(/\/antwerpen\/nl\/inschrijving\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gelukt: u bent ingeschreven");
  const codeBox = page.getByRole("region", { name: "Uw code" });
  await expect(codeBox.locator(".registration-code")).toHaveText(/^[A-HJ-NP-Z2-9]{6}$/);
  const manageUrl = `${new URL(page.url()).origin}${new URL(page.url()).pathname}`;
  await expect(codeBox.getByRole("link", { name: manageUrl })).toHaveAttribute("href", manageUrl);
  await expect(page.getByRole("region", { name: "Uw cursus" })).toContainText(name);

  // The manage link, later: the registration is there.
  await page.goto(manageUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw inschrijving");
  await expect(page.getByText("U bent ingeschreven.")).toBeVisible();

  await page.goto(coursePath);
  expect(await freePlacesOnCoursePage(page), "the course page shows one free place less").toBe(freeBefore - 1);
  await context.close();
});

test("waiting list: a place comes free, the next person gets a link and takes it with one tap", async ({ browser }) => {
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  const venue = `E2E-zaal wachtlijst ${unique()}`;
  const { registerPath, staffRunPath } = await addRun(coordinator.page, "itsme stap voor stap", { capacity: 1, weeks: 1, venue });

  // Anna takes the only place.
  const anna = await publicPage(browser, true);
  const annaName = `Anna Test ${unique()}`;
  await anna.page.goto(registerPath);
  await expect(anna.page.getByText("Nog 1 plaats vrij.")).toBeVisible();
  await fillRegistration(anna.page, annaName, uniquePhone());
  await anna.page.getByRole("button", { name: "Inschrijven", exact: true }).click();
  await expect(anna.page.getByRole("heading", { level: 1 })).toHaveText("Gelukt: u bent ingeschreven");
  const annaLink = await anna.page.getByRole("region", { name: "Uw code" }).getByRole("link").getAttribute("href");

  // Bert, without JavaScript, finds the run full and joins the waiting list.
  const bert = await publicPage(browser, false);
  const bertName = `Bert Test ${unique()}`;
  const bertPhone = uniquePhone();
  await bert.page.goto(registerPath);
  await expect(bert.page.getByRole("heading", { level: 1 })).toHaveText("Op de wachtlijst: itsme stap voor stap");
  await expect(bert.page.getByText("Volzet: u komt op de wachtlijst.")).toBeVisible();
  await fillRegistration(bert.page, bertName, bertPhone);
  await bert.page.getByRole("button", { name: "Zet mij op de wachtlijst" }).click();
  await expect(bert.page.getByRole("heading", { level: 1 })).toHaveText("U staat op de wachtlijst");
  await expect(bert.page.getByText("U bent nummer 1 op de wachtlijst.")).toBeVisible();

  // Anna cancels through her link, after a confirmation step.
  await anna.page.goto(annaLink!);
  await anna.page.getByRole("button", { name: "Inschrijving annuleren" }).click();
  await expect(anna.page.getByRole("heading", { level: 1 })).toHaveText("Weet u het zeker?");
  await anna.page.getByRole("button", { name: "Ja, annuleer mijn inschrijving" }).click();
  await expect(anna.page.getByRole("status")).toHaveText("Uw inschrijving is geannuleerd.");
  await expect(anna.page.getByText("Deze inschrijving is geannuleerd.")).toBeVisible();

  // Bert gets an SMS with the offer: the coordinator reads it in the outbox.
  await coordinator.page.goto("/beheer/antwerpen/berichten");
  const offer = coordinator.page
    .getByRole("row")
    .filter({ hasText: `Sms: ${international(bertPhone)}` })
    .filter({ hasText: "er is een plaats vrij voor u" });
  await expect(offer).toHaveCount(1);
  const body = (await offer.locator(".pre-line").textContent())!;
  const link = body.match(/https?:\/\/\S+\/antwerpen\/nl\/inschrijving\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a link in the offer: ${body}`).toBeTruthy();

  // Bert opens the link on his phone (no JavaScript) and takes the place with one tap.
  const phone = await publicPage(browser, false);
  await phone.page.goto(link!);
  await expect(phone.page.getByText("Er is een plaats vrij voor u!")).toBeVisible();
  await expect(phone.page.getByText(/Wilt u de plaats\? Antwoord vóór/)).toBeVisible();
  await phone.page.getByRole("button", { name: "Ja, ik neem de plaats" }).click();
  await expect(phone.page.getByRole("status")).toHaveText("Gelukt: u bent ingeschreven.");
  await expect(phone.page.getByText("U bent ingeschreven.", { exact: true })).toBeVisible();
  await expect(phone.page.getByRole("button", { name: "Ja, ik neem de plaats" })).toHaveCount(0);

  // The staff list agrees: Bert registered, nobody waiting, Anna cancelled.
  await coordinator.page.goto(staffRunPath);
  await expect(coordinator.page.getByRole("heading", { name: "Ingeschreven (1)" })).toBeVisible();
  await expect(coordinator.page.getByRole("table", { name: "Ingeschreven" })).toContainText(bertName);
  await expect(coordinator.page.getByRole("heading", { name: "Wachtlijst (0)" })).toBeVisible();
  await expect(coordinator.page.getByRole("table", { name: "Geannuleerd of verlopen" })).toContainText(annaName);

  for (const c of [coordinator, anna, bert, phone]) await c.context.close();
});

test("a trainer takes attendance; the learner completes the course and downloads a PDF certificate", async ({ browser }) => {
  const violations: PageViolations[] = [];
  const check = async (page: Page) => violations.push({ url: new URL(page.url()).pathname, lines: await axeViolations(page) });

  const COURSE = "Computer-basis voor nieuwkomers";
  const coordinator = await loggedInContext(browser, COORDINATOR_ANTWERPEN);
  await coordinator.page.goto("/beheer/antwerpen/cursussen");
  await check(coordinator.page);
  const venue = `E2E-zaal aanwezigheden ${unique()}`;
  const { staffRunPath } = await addRun(coordinator.page, COURSE, { capacity: 5, weeks: 2, venue });
  await coordinator.context.close();

  // The trainer teaches this course: registers someone at the desk, with an e-mail address.
  const { context, page } = await loggedInContext(browser, TRAINER_ANTWERPEN);
  const learner = `Leerling Test ${unique()}`;
  await page.goto(staffRunPath);
  const desk = page.getByRole("form", { name: "Iemand inschrijven" });
  await desk.getByLabel("Naam", { exact: true }).fill(learner);
  await desk.getByLabel("E-mailadres (niet verplicht)").fill(`leerling-${unique()}@example.org`);
  await desk.getByRole("button", { name: "Inschrijven" }).click();
  await expect(page.locator("#gelukt")).toContainText(`${learner} is ingeschreven.`);
  await check(page);

  const sessionLinks = page.getByRole("link", { name: /: aanwezigheden$/ });
  await expect(sessionLinks).toHaveCount(2);
  const sessionPaths = await sessionLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));

  for (const [i, path] of sessionPaths.entries()) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${COURSE}: les ${i + 1} van 2`);
    const row = page.locator(".attendance-row").filter({ hasText: learner });
    await expect(row).toContainText("Nog niet aangeduid");
    const button = page.getByRole("button", { name: staffButton("Aanwezig", learner) });
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(row).toContainText("Aanwezig");
    await expect(row).toContainText(`${i + 1} van 2 lessen gevolgd`);
  }
  // After the last session, the session page says the course is completed.
  const row = page.locator(".attendance-row").filter({ hasText: learner });
  await expect(row).toContainText("Afgerond");
  await expect(row.getByRole("link", { name: `Getuigschrift van ${learner}` })).toBeVisible();
  await check(page);

  // The learner's own page (as staff open it to print): a link to the certificate.
  await page.goto(staffRunPath);
  await page.getByRole("button", { name: staffButton("Bevestiging tonen", learner) }).click();
  await expect(page).toHaveURL(/\/antwerpen\/nl\/inschrijving\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gelukt: u bent ingeschreven");
  const certificate = page.getByRole("link", { name: "Download uw getuigschrift (PDF)" });
  await expect(certificate).toBeVisible();
  await check(page);

  const response = await page.request.get(new URL((await certificate.getAttribute("href"))!, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await response.body();
  expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(1000);

  // The feedback page opens after the last lesson has begun; until then it says so, and passes axe.
  await page.goto(`${new URL(page.url()).pathname}/feedback`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await check(page);

  await context.close();
  expect(formatViolations(violations), "axe violations").toBe("");
});

test("axe: the learning pages for residents, also with errors and in Arabic", async ({ page }) => {
  const violations: PageViolations[] = [];
  const check = async () => violations.push({ url: new URL(page.url()).pathname + new URL(page.url()).search, lines: await axeViolations(page) });

  await page.goto("/antwerpen/nl/cursussen");
  await check();
  await page.goto("/antwerpen/nl/cursussen?from=morgen");
  await expect(page).toHaveTitle(/^Fout: /);
  await check();
  await page.goto("/antwerpen/ar/cursussen");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await check();

  await page.goto("/antwerpen/nl/cursussen");
  await page.getByRole("link", { name: "Veilig online bankieren", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Veilig online bankieren");
  await check();

  await page.getByRole("link", { name: /^Inschrijven/ }).last().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inschrijven: Veilig online bankieren");
  await check();
  // Nothing filled in: the page explains both mistakes.
  await page.getByRole("button", { name: "Inschrijven", exact: true }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.getByRole("alert").getByRole("link")).toHaveCount(2);
  await check();

  await fillRegistration(page, `Axe Test ${unique()}`, uniquePhone());
  await page.getByRole("button", { name: "Inschrijven", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gelukt: u bent ingeschreven");
  await check();
  await page.goto(new URL(page.url()).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw inschrijving");
  await check();
  await page.getByRole("button", { name: "Inschrijving annuleren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weet u het zeker?");
  await check();

  await page.goto("/antwerpen/nl/inschrijving");
  await check();

  await page.goto("/antwerpen/nl/scholen");
  await check();
  await page.getByRole("button", { name: "Aanvraag versturen" }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await check();

  expect(formatViolations(violations), "axe violations").toBe("");
});
