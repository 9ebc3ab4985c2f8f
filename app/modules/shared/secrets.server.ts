/**
 * Codes, secret links and database-error helpers shared by every module that serves residents without an account
 * (course registrations, appointments, home visits, device applications, donor impact pages).
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { toInternational } from "~/modules/notifications/outbox.server";

/** No 0/O or 1/I: a code is read aloud over the phone and copied from paper. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A short code ("K7M2QX") a person can read aloud; unique indexes on each table catch the rare collision. */
export function newCode(length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** SHA-256 (hex) of a secret link token: only the hash is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A secret link token (256 bits, base64url) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Whether a string from a URL can be one of our tokens (checked before any database lookup). */
export function isTokenFormat(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}

/**
 * The public address for links in messages: APP_URL when set (set it in production: background jobs have no
 * request to take it from, and a request's Host header is not to be trusted for messages to other people), else
 * the origin of the request, else http://localhost:PORT.
 */
export function appBaseUrl(request?: Request): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  if (request) return new URL(request.url).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Normalised phone number (or e-mail) plus the name: one active entry per person, also on a shared phone. */
export function contactKey(input: { name: string; phone?: string | null; email?: string | null }): string | null {
  const contact = input.phone ? toInternational(input.phone) : input.email ? input.email.trim().toLowerCase() : null;
  if (!contact) return null;
  const name = input.name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  return `${contact}|${name}`;
}

/** The PostgreSQL error code and constraint behind a driver error (PGlite and postgres-js wrap them differently). */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string };
    if (typeof pg.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code)) return { code: pg.code, constraint: pg.constraint ?? pg.constraint_name };
  }
  return {};
}
