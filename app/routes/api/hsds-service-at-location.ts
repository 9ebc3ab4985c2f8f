import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { getServiceAtLocation } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: one service_at_location with its location and service. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () =>
    getServiceAtLocation(getDb(), params.municipality ?? "", params.id ?? "", new URL(request.url).searchParams),
  );
}
