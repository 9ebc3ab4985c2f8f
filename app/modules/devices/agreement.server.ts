/**
 * The loan agreement printed at the hand-over desk: a tagged A4 PDF in the resident's language, in plain words
 * (what, the number on the device and its accessories, until when, what if it is lost or broken, where to return
 * it, a phone number) with room for two signatures. Arabic is laid out right to left with DejaVu Sans, the same way
 * as the course certificate (writeRightToLeft); without DejaVu the agreement falls back to Dutch.
 */
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { i18nFor } from "~/i18n/i18n";
import { certificateLanguage, writeRightToLeft } from "~/modules/learning/certificate.server";
import { formatLongDate } from "~/modules/learning/registration-format";

export interface AgreementInput {
  municipalityName: string;
  municipalityPhone: string;
  name: string;
  language: string;
  kind: string;
  make: string | null;
  model: string | null;
  assetTag: string;
  accessories: string | null;
  /** YYYY-MM-DD: the hand-over day (or the planned pick-up day) and the due date. */
  from: string;
  until: string;
  returnPlace: string;
  returnAddress: string;
}

const FONT_DIRS = [process.env.CERTIFICATE_FONT_DIR, "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu-sans-fonts"].filter(
  (dir): dir is string => Boolean(dir),
);

function fonts(): { regular: string; bold: string; arabic: boolean } {
  for (const dir of FONT_DIRS) {
    if (existsSync(`${dir}/DejaVuSans.ttf`) && existsSync(`${dir}/DejaVuSans-Bold.ttf`)) return { regular: `${dir}/DejaVuSans.ttf`, bold: `${dir}/DejaVuSans-Bold.ttf`, arabic: true };
  }
  return { regular: "Helvetica", bold: "Helvetica-Bold", arabic: false };
}

/** The words of the agreement in one language (also used by tests). */
export function agreementTexts(input: AgreementInput, lang: string) {
  const t = i18nFor(lang as "nl").t;
  const p = { municipality: input.municipalityName, phone: input.municipalityPhone, place: input.returnPlace, address: input.returnAddress, tag: input.assetTag, name: input.name };
  const device = [t(`deviceLending.kind.${input.kind}`), [input.make, input.model].filter(Boolean).join(" ")].filter(Boolean).join(" – ");
  return {
    title: t("deviceLending.agreement.title"),
    intro: t("deviceLending.agreement.intro", p),
    rows: [
      [t("deviceLending.agreement.who"), input.name],
      [t("deviceLending.agreement.what"), device],
      [t("deviceLending.agreement.tag"), input.assetTag],
      [t("deviceLending.agreement.accessories"), input.accessories?.trim() || t("deviceLending.agreement.noAccessories")],
      [t("deviceLending.agreement.from"), formatLongDate(input.from, lang)],
      [t("deviceLending.agreement.until"), formatLongDate(input.until, lang)],
    ] as [string, string][],
    whereTitle: t("deviceLending.agreement.whereTitle"),
    where: t("deviceLending.agreement.where", p),
    rulesTitle: t("deviceLending.agreement.rulesTitle"),
    rules: [1, 2, 3, 4, 5].map((n) => t(`deviceLending.agreement.rule${n}`, p)),
    phone: t("deviceLending.agreement.phone", p),
    sign: t("deviceLending.agreement.sign"),
    signStaff: t("deviceLending.agreement.signStaff", p),
    date: t("deviceLending.agreement.date"),
    documentTitle: t("deviceLending.agreement.documentTitle", p),
  };
}

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc["struct"]>;

export async function agreementPdf(input: AgreementInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const f = fonts();
  const lang = certificateLanguage(input.language, f);
  const rtl = lang === "ar";
  const text = agreementTexts(input, lang);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 48, left: 56, right: 56 },
    tagged: true,
    pdfVersion: "1.7",
    lang,
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: text.documentTitle, Author: input.municipalityName, Creator: "Digibrug" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fillColor("#1b1b1b");
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  /** One paragraph at the start side (left, or right for Arabic), wrapped by words. */
  const write = (parent: Struct, value: string, size: number, options: { bold?: boolean; gap?: number; type?: string } = {}) => {
    doc.font(options.bold ? f.bold : f.regular).fontSize(size);
    if (!rtl) {
      parent.add(doc.struct(options.type ?? "P", {}, () => doc.text(value, left, doc.y, { width })));
    } else {
      writeRightToLeft(doc, parent, value, { lang, left, width, align: "start", structType: options.type });
    }
    doc.x = left;
    if (options.gap) doc.y += options.gap;
  };

  const root = doc.struct("Document");
  doc.addStructure(root);
  doc.y = doc.page.margins.top;
  write(root, input.municipalityName, 12, { gap: 6 });
  write(root, text.title, 22, { bold: true, gap: 10, type: "H1" });
  write(root, text.intro, 12, { gap: 12 });
  for (const [label, value] of text.rows) {
    write(root, `${label}: ${value}`, 12, { gap: 4 });
  }
  doc.y += 8;
  write(root, text.whereTitle, 14, { bold: true, gap: 4, type: "H2" });
  write(root, text.where, 12, { gap: 10 });
  write(root, text.rulesTitle, 14, { bold: true, gap: 4, type: "H2" });
  const list = doc.struct("L");
  root.add(list);
  for (const rule of text.rules) {
    const item = doc.struct("LI");
    list.add(item);
    write(item, `• ${rule}`, 11.5, { gap: 4, type: "LBody" });
    item.end();
  }
  list.end();
  doc.y += 6;
  write(root, text.phone, 12, { bold: true, gap: 24 });
  for (const label of [text.sign, text.signStaff]) {
    write(root, `${label}: ______________________________   ${text.date}: ____________`, 11, { gap: 22 });
  }
  root.end();
  doc.end();
  return done;
}

