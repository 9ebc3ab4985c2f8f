/**
 * The certificate of a completed course as an accessible PDF (tagged, with a title and a language), in the
 * learner's language. pdfkit lays out text left to right; for Arabic we place the words ourselves from right to
 * left (fontkit shapes each word), and give each paragraph its logical text as ActualText for screen readers.
 */
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { formatDate } from "~/i18n/format";
import { i18nFor } from "~/i18n/i18n";
import { isLanguage, type Language } from "~/i18n/languages";

export interface CertificateInput {
  name: string;
  courseTitle: string;
  municipalityName: string;
  /** The organisation that gave the course. */
  organiser: string;
  /** Start times of the sessions; the certificate names the first and the last day. */
  dates: Date[];
  level: "starter" | "basic" | "advanced";
  digcompIds: string[];
  /** The learner's language; unknown languages get the Dutch text. */
  language: string;
  issuedAt?: Date;
}

/** Places where Linux distributions put DejaVu Sans, which has Latin and Arabic glyphs. */
const FONT_DIRS = [
  process.env.CERTIFICATE_FONT_DIR,
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/dejavu",
  "/usr/share/fonts/TTF",
  "/usr/share/fonts/dejavu-sans-fonts",
].filter((dir): dir is string => Boolean(dir));

interface Fonts {
  regular: string;
  bold: string;
  /** The regular font has Arabic glyphs (DejaVu Sans does; pdfkit's built-in Helvetica does not). */
  arabic: boolean;
}

let cachedFonts: Fonts | undefined;

function findFonts(): Fonts {
  if (cachedFonts) return cachedFonts;
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold)) return (cachedFonts = { regular, bold, arabic: true });
  }
  return (cachedFonts = { regular: "Helvetica", bold: "Helvetica-Bold", arabic: false });
}

/** The language the certificate text is in: Arabic needs a font with Arabic glyphs, else Dutch. */
export function certificateLanguage(language: string, fonts: Pick<Fonts, "arabic"> = findFonts()): Language {
  if (!isLanguage(language)) return "nl";
  if (language === "ar" && !fonts.arabic) return "nl";
  return language;
}

/** The words of the certificate, shared by the PDF and the printable page. */
export function certificateTexts(input: CertificateInput, lang: Language) {
  const t = i18nFor(lang).t;
  const sorted = [...input.dates].sort((a, b) => a.getTime() - b.getTime());
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const firstDay = first ? formatDate(first, lang) : "";
  const lastDay = last ? formatDate(last, lang) : "";
  const when = !first ? "" : firstDay === lastDay ? t("courseRun.certificate.on", { date: firstDay }) : t("courseRun.certificate.fromTo", { from: firstDay, to: lastDay });
  return {
    title: t("courseRun.certificate.title"),
    before: t("courseRun.certificate.before"),
    middle: t("courseRun.certificate.middle"),
    after: t("courseRun.certificate.after"),
    level: `${t("courseRun.certificate.levelLabel")} ${t(`courseRun.level.${input.level}`)}`,
    when: when ? `${t("courseRun.certificate.whenLabel")} ${when}` : "",
    organiser: `${t("courseRun.certificate.organiserLabel")} ${input.organiser}`,
    skillsTitle: t("courseRun.certificate.skillsTitle"),
    skills: input.digcompIds.map((id) => digcompLabel(id, lang)),
    issued: t("courseRun.certificate.issued", { date: formatDate(input.issuedAt ?? new Date(), lang) }),
    footer: t("courseRun.certificate.footer", { municipality: input.municipalityName }),
    documentTitle: t("courseRun.certificate.documentTitle", { name: input.name, course: input.courseTitle }),
  };
}

/** "2.1 Communiceren met digitale middelen"; an unknown competence keeps only its number. */
export function digcompLabel(id: string, lang: Language): string {
  const key = `courseRun.digcomp.d${id.replace(/\./g, "_")}`;
  const t = i18nFor(lang).t;
  const label = t(key);
  return label && label !== key ? `${id} ${label}` : id;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * Right-to-left text as pieces in visual order, from right to left: Arabic words one by one, and runs of
 * Latin words and numbers kept together left to right ("Digipunten Antwerpen", "2026").
 */
export function rtlPieces(text: string): string[] {
  const pieces: string[] = [];
  let latin: string[] = [];
  // Punctuation after a Latin run belongs to the right-to-left sentence: it goes to the run's left side.
  const flush = () => {
    if (!latin.length) return;
    const run = latin.join(" ");
    const [, body, trailing] = /^(.*?)([:.,;!?]*)$/.exec(run) ?? [run, run, ""];
    pieces.push(trailing && body ? `${trailing}${body}` : run);
    latin = [];
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (ARABIC.test(word)) {
      flush();
      pieces.push(word);
    } else {
      latin.push(word);
    }
  }
  flush();
  return pieces;
}

type Doc = InstanceType<typeof PDFDocument>;
type Align = "center" | "start";

interface Block {
  text: string;
  size: number;
  bold?: boolean;
  gapAfter?: number;
  align?: Align;
  structType?: string;
}

/**
 * Right-to-left text wrapped by words and placed piece by piece from the right edge (or centred) of the box from
 * `left` with `width`, at the current y, tagged as one structure element. Shared by the certificate and the
 * device-loan agreement; pdfkit itself only lays out left to right.
 */
export function writeRightToLeft(
  doc: Doc,
  parent: ReturnType<Doc["struct"]>,
  text: string,
  options: { lang: string; left: number; width: number; align?: Align; structType?: string },
) {
  const { left, width } = options;
  const space = doc.widthOfString(" ");
  const lines: string[][] = [];
  let line: string[] = [];
  let lineWidth = 0;
  for (const piece of rtlPieces(text)) {
    const w = doc.widthOfString(piece);
    if (line.length && lineWidth + space + w > width) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    lineWidth += (line.length ? space : 0) + w;
    line.push(piece);
  }
  if (line.length) lines.push(line);
  const lineHeight = doc.currentLineHeight(true);
  parent.add(
    doc.struct(options.structType ?? "P", { lang: options.lang, actual: text }, () => {
      for (const pieceLine of lines) {
        const widths = pieceLine.map((p) => doc.widthOfString(p));
        const total = widths.reduce((a, b) => a + b, 0) + space * (pieceLine.length - 1);
        let x = options.align === "center" ? left + (width + total) / 2 : left + width;
        const y = doc.y;
        pieceLine.forEach((piece, i) => {
          x -= widths[i];
          doc.text(piece, x, y, { lineBreak: false });
          x -= space;
        });
        doc.y = y + lineHeight;
      }
    }),
  );
}

/**
 * Write one paragraph. Left-to-right languages use pdfkit's own wrapping; right-to-left text is wrapped by words
 * and each line placed from the right edge (or centred), piece by piece.
 */
function paragraph(doc: Doc, fonts: Fonts, block: Block, rtl: boolean, lang: string, parent: ReturnType<Doc["struct"]>) {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font(block.bold ? fonts.bold : fonts.regular).fontSize(block.size);
  const align = block.align ?? "center";
  if (!rtl) {
    parent.add(
      doc.struct(block.structType ?? "P", {}, () => {
        doc.text(block.text, left, doc.y, { width, align: align === "center" ? "center" : "left" });
      }),
    );
  } else {
    writeRightToLeft(doc, parent, block.text, { lang, left, width, align, structType: block.structType });
  }
  doc.x = left;
  if (block.gapAfter) doc.y += block.gapAfter;
}

/** The certificate as a PDF file (A4 landscape). */
export async function certificatePdf(input: CertificateInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const fonts = findFonts();
  const lang = certificateLanguage(input.language, fonts);
  const rtl = lang === "ar";
  const text = certificateTexts(input, lang);
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: { top: 56, bottom: 48, left: 72, right: 72 },
    tagged: true,
    pdfVersion: "1.7",
    lang,
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: text.documentTitle, Author: input.municipalityName, Subject: input.courseTitle, Creator: "Digibrug" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  // A plain frame: decoration only, marked as an artifact so screen readers skip it.
  doc.markContent("Artifact", { type: "Layout" });
  doc
    .lineWidth(3)
    .strokeColor("#0b5394")
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .stroke();
  doc.endMarkedContent();
  doc.fillColor("#1b1b1b");

  const root = doc.struct("Document");
  doc.addStructure(root);
  doc.y = doc.page.margins.top;
  const blocks: Block[] = [
    { text: input.municipalityName, size: 14, gapAfter: 18 },
    { text: text.title, size: 36, bold: true, gapAfter: 22, structType: "H1" },
  ];
  if (text.before) blocks.push({ text: text.before, size: 16, gapAfter: 6 });
  blocks.push({ text: input.name, size: 28, bold: true, gapAfter: 8 });
  if (text.middle) blocks.push({ text: text.middle, size: 16, gapAfter: 6 });
  blocks.push({ text: input.courseTitle, size: 22, bold: true, gapAfter: text.after ? 6 : 20 });
  if (text.after) blocks.push({ text: text.after, size: 16, gapAfter: 20 });
  for (const line of [text.when, text.organiser, text.level].filter(Boolean)) blocks.push({ text: line, size: 13, gapAfter: 4 });
  for (const block of blocks) paragraph(doc, fonts, block, rtl, lang, root);

  if (text.skills.length) {
    doc.y += 10;
    paragraph(doc, fonts, { text: text.skillsTitle, size: 13, bold: true, gapAfter: 4, structType: "H2" }, rtl, lang, root);
    const list = doc.struct("L");
    root.add(list);
    for (const skill of text.skills) {
      const item = doc.struct("LI");
      list.add(item);
      paragraph(doc, fonts, { text: skill, size: 12, gapAfter: 2, structType: "LBody" }, rtl, lang, item);
      item.end();
    }
    list.end();
  }

  doc.y = Math.max(doc.y + 16, doc.page.height - doc.page.margins.bottom - 56);
  paragraph(doc, fonts, { text: text.issued, size: 11 }, rtl, lang, root);
  paragraph(doc, fonts, { text: text.footer, size: 11 }, rtl, lang, root);
  root.end();
  doc.end();
  return done;
}
