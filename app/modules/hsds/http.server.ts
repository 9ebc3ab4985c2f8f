import type { HsdsResult } from "./hsds.server";

/** The HSDS API is open: any site may read it, and answers may be cached briefly. */
export const HSDS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=60",
} as const;

/** JSON with the open-API headers. */
export function hsdsJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: HSDS_HEADERS });
}

/** A JSON error: { error: "plain message" }. A 400 depends on the request only, so it is not cached. */
export function hsdsError(status: number, error: string): Response {
  const headers = status === 400 ? { ...HSDS_HEADERS, "Cache-Control": "no-store" } : HSDS_HEADERS;
  return Response.json({ error }, { status, headers });
}

/** Turns a module result into a Response. */
export function hsdsResponse(result: HsdsResult<unknown>): Response {
  return result.status === 200 ? hsdsJson(result.body) : hsdsError(result.status, result.body.error);
}

const CACHE_SECONDS = 60;
const CACHE_ENTRIES = 500;
const cache = new Map<string, { expires: number; result: HsdsResult<unknown> }>();

/**
 * Answers are kept in memory for as long as Cache-Control already allows clients to keep them (60 s): open data
 * is read far more often than the offer changes, and a repeated query then costs no database work.
 */
async function cached(key: string, run: () => Promise<HsdsResult<unknown>>): Promise<HsdsResult<unknown>> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.result;
  const result = await run();
  if (result.status !== 400) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, { expires: now + CACHE_SECONDS * 1000, result });
  }
  return result;
}

/** Runs a loader body for this request's URL; an unexpected failure becomes a JSON 500 instead of an HTML error page. */
export async function hsdsHandle(request: Request, run: () => Promise<HsdsResult<unknown>>): Promise<Response> {
  try {
    return hsdsResponse(await cached(request.url, run));
  } catch (error) {
    console.error("HSDS API error", error);
    return Response.json(
      { error: "Internal server error" },
      { status: 500, headers: { ...HSDS_HEADERS, "Cache-Control": "no-store" } },
    );
  }
}
