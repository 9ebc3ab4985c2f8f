import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { listTaxonomies } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: the municipality's taxonomy of help topics. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => listTaxonomies(getDb(), params.municipality ?? "", new URL(request.url).searchParams));
}
