import { describe, expect, it } from "vitest";
import { certificateLanguage, certificatePdf, certificateTexts, digcompLabel, rtlPieces, type CertificateInput } from "./certificate.server";

const input: CertificateInput = {
  name: "Fatima El Idrissi",
  courseTitle: "Smartphone voor beginners",
  municipalityName: "Antwerpen",
  organiser: "Digipunten Antwerpen",
  dates: [new Date("2026-03-26T08:00:00Z"), new Date("2026-03-12T08:00:00Z"), new Date("2026-03-19T08:00:00Z")],
  level: "starter",
  digcompIds: ["2.1", "5.2", "9.9"],
  language: "nl",
  issuedAt: new Date("2026-03-27T10:00:00Z"),
};

/** How pdfkit writes a text string with characters outside ASCII: UTF-16BE bytes (after a byte order mark). */
const utf16be = (text: string) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join("");

describe("certificate", () => {
  it("is a tagged PDF 1.7 with a title and language, that names the learner", async () => {
    const pdf = await certificatePdf(input, { compress: false });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    // The document title (shown instead of the file name) names the learner and the course.
    expect(text).toContain(`(\xfe\xff${utf16be("Getuigschrift Fatima El Idrissi")}`);
    expect(text).toContain(`${utf16be("Smartphone voor beginners")})`);
    expect(text).toMatch(/\/Lang \(nl\)/);
    expect(text).toMatch(/\/Marked true/);
    expect(text).toMatch(/\/StructTreeRoot/);
    expect(text).toMatch(/\/DisplayDocTitle true/);
    expect(text).toMatch(/\/S \/H1/);
  });

  it("speaks the learner's language in plain words", () => {
    const nl = certificateTexts(input, "nl");
    expect(nl).toMatchObject({
      title: "Getuigschrift",
      middle: "volgde de cursus",
      after: "en rondde die met succes af.",
      level: "Niveau: Starter",
      when: "Wanneer: van 12 maart 2026 tot 26 maart 2026",
      organiser: "Gegeven door: Digipunten Antwerpen",
    });
    expect(nl.skills).toEqual(["2.1 Communiceren met digitale middelen", "5.2 Weten wat je nodig hebt en de juiste technologie kiezen", "9.9"]);
    expect(certificateTexts({ ...input, dates: [input.dates[0]] }, "fr").when).toBe("Quand : le 26 mars 2026");
    expect(certificateTexts(input, "en").middle).toBe("took the course");
    expect(digcompLabel("4.2", "ar")).toBe("4.2 حماية البيانات الشخصية والخصوصية");
  });

  it("falls back to Dutch for unknown languages, and for Arabic without an Arabic font", () => {
    expect(certificateLanguage("xx", { arabic: true })).toBe("nl");
    expect(certificateLanguage("ar", { arabic: false })).toBe("nl");
    expect(certificateLanguage("ar", { arabic: true })).toBe("ar");
    expect(certificateLanguage("fr", { arabic: false })).toBe("fr");
  });

  it("orders right-to-left text by words, keeping Latin names and numbers together", () => {
    expect(rtlPieces("من 12 مارس 2026 إلى Digipunten Antwerpen")).toEqual(["من", "12", "مارس", "2026", "إلى", "Digipunten Antwerpen"]);
    expect(rtlPieces("المهارات حسب إطار DigComp:")).toEqual(["المهارات", "حسب", "إطار", ":DigComp"]);
  });

  it("makes an Arabic certificate (or the Dutch one when the system has no Arabic font)", async () => {
    const pdf = await certificatePdf({ ...input, language: "ar" }, { compress: false });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    const lang = certificateLanguage("ar");
    expect(text).toContain(`/Lang (${lang})`);
  });
});
