/** Throws a Response that React Router renders through the nearest error boundary. */
export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw new Response(message, { status, statusText: message });
}

export function notFound(message = "Not found"): never {
  throw new Response(message, { status: 404, statusText: message });
}
