import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { listOrganizations } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: paginated organizations. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => listOrganizations(getDb(), params.municipality ?? "", new URL(request.url).searchParams));
}
