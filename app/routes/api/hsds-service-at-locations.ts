import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { listServiceAtLocations } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: paginated service_at_locations (search, taxonomy_term_id, postcode, proximity). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () =>
    listServiceAtLocations(getDb(), params.municipality ?? "", new URL(request.url).searchParams),
  );
}
