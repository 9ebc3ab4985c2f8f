import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { getTaxonomy } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: the municipality's help-topic taxonomy. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => getTaxonomy(getDb(), params.municipality ?? "", params.id ?? ""));
}
