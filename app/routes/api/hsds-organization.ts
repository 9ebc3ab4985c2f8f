import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { getOrganization } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: one organization with its locations and services. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () =>
    getOrganization(getDb(), params.municipality ?? "", params.id ?? "", new URL(request.url).searchParams),
  );
}
