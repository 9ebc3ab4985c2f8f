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

/** Runs a loader body; an unexpected failure becomes a JSON 500 instead of an HTML error page. */
export async function hsdsHandle(run: () => Promise<HsdsResult<unknown>>): Promise<Response> {
  try {
    return hsdsResponse(await run());
  } catch (error) {
    console.error("HSDS API error", error);
    return Response.json(
      { error: "Internal server error" },
      { status: 500, headers: { ...HSDS_HEADERS, "Cache-Control": "no-store" } },
    );
  }
}
