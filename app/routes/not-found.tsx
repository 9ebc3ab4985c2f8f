import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { hydrate: false };

export function loader() {
  throw new Response("Not found", { status: 404, statusText: "Not found" });
}

export default function NotFound() {
  return null;
}
