import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import rateLimit from "express-rate-limit";

/** A fresh nonce per response for the Content-Security-Policy; React Router's inline scripts carry it. */
export function setUpCspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function setUpWebSecurity(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        // Map tiles are an enhancement; the tile server is configurable (MAP_TILE_URL).
        "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
        "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // "no-referrer" makes browsers send `Origin: null` with a plain HTML form post, which React Router's
    // action CSRF check refuses (400): forms would not work without JavaScript. Same-origin keeps the
    // origin on our own posts and still sends nothing to other sites.
    referrerPolicy: { policy: "same-origin" },
    // Open data is fetched from other origins.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    strictTransportSecurity: production,
  });
}

/**
 * Refuse state-changing requests from other sites (defence in depth beside the per-form CSRF token):
 * browsers send Sec-Fetch-Site on every request; a cross-site POST is never legitimate here.
 */
export function refuseCrossSitePosts(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "GET" && req.method !== "HEAD" && req.get("sec-fetch-site") === "cross-site") {
    res.status(403).type("text/plain").send("Cross-site request refused");
    return;
  }
  next();
}

export function loginRateLimit(limit: number) {
  return rateLimit({ windowMs: 15 * 60 * 1000, limit, standardHeaders: "draft-7", legacyHeaders: false });
}

export function publicFormRateLimit(limit: number) {
  return rateLimit({ windowMs: 60 * 1000, limit, standardHeaders: "draft-7", legacyHeaders: false });
}
