// Bytes on the wire for a page and what its HTML references, with Accept-Encoding: gzip, br.
import http from "node:http";

export interface Transfer {
  url: string;
  status: number;
  /** Compressed body bytes as received (node's http module does not decompress). */
  bytes: number;
  encoding: string;
  contentType: string;
  body: string;
}

/** GET with compression, counting the raw body bytes. The decoded text is only kept for HTML. */
export function getCompressed(url: string): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { "Accept-Encoding": "gzip, br", "User-Agent": "digibrug-bench" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const encoding = String(res.headers["content-encoding"] ?? "identity");
        const contentType = String(res.headers["content-type"] ?? "");
        let body = "";
        if (contentType.includes("html")) {
          const zlib = await import("node:zlib");
          const decoded =
            encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          body = decoded.toString("utf8");
        }
        resolve({ url, status: res.statusCode ?? 0, bytes: raw.length, encoding, contentType, body });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1] ?? null;

/** Stylesheets, scripts (src, modulepreload, inline import()) and icons referenced by the HTML. */
export function referencedAssets(html: string): { css: string[]; js: string[]; other: string[] } {
  const css = new Set<string>();
  const js = new Set<string>();
  const other = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) css.add(href);
    else if (rel.includes("modulepreload") || (rel.includes("preload") && attr(tag, "as") === "script")) js.add(href);
    else if (rel.includes("icon") || (rel.includes("preload") && attr(tag, "as") !== "fetch")) other.add(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) js.add(src);
  }
  // React Router's inline module script imports the entry and route modules.
  for (const [, inline] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, spec] of inline.matchAll(/import\s*(?:\(\s*)?["']([^"']+\.js)["']/g)) js.add(spec);
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src && !src.startsWith("data:")) other.add(src);
  }
  const decode = (s: string) => s.replace(/&amp;/g, "&");
  return { css: [...css].map(decode), js: [...js].map(decode), other: [...other].map(decode) };
}

export interface PageWeight {
  label: string;
  path: string;
  html: number;
  css: number;
  js: number;
  other: number;
  total: number;
  files: { url: string; bytes: number; encoding: string }[];
  htmlBody: string;
}

export async function pageWeight(origin: string, label: string, path: string): Promise<PageWeight> {
  const page = await getCompressed(origin + path);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const refs = referencedAssets(page.body);
  const files: PageWeight["files"] = [{ url: path, bytes: page.bytes, encoding: page.encoding }];
  const sum = async (urls: string[]) => {
    let total = 0;
    for (const u of urls) {
      const absolute = new URL(u, origin + path);
      if (absolute.origin !== origin) continue; // nothing third-party is expected; skip rather than fetch
      const t = await getCompressed(absolute.href);
      if (t.status !== 200) throw new Error(`${absolute.pathname} answered ${t.status}`);
      files.push({ url: absolute.pathname, bytes: t.bytes, encoding: t.encoding });
      total += t.bytes;
    }
    return total;
  };
  const css = await sum(refs.css);
  const js = await sum(refs.js);
  const other = await sum(refs.other);
  return { label, path, html: page.bytes, css, js, other, total: page.bytes + css + js + other, files, htmlBody: page.body };
}

/** The first help-point link on a results page. */
export function firstHelpPointLink(html: string): string | null {
  return /href="(\/[a-z0-9-]+\/[a-z]{2,3}\/punt\/[0-9a-f-]{36})"/i.exec(html)?.[1] ?? null;
}
