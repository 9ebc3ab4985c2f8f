import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { hsdsRoot } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0 API root: version, profile and OpenAPI URL. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => hsdsRoot(getDb(), params.municipality ?? ""));
}
