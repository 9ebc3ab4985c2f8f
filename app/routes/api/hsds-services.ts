import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { listServices } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: paginated services. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => listServices(getDb(), params.municipality ?? "", new URL(request.url).searchParams));
}
