import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { listTaxonomyTerms } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: the municipality's help topics as taxonomy terms. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () => listTaxonomyTerms(getDb(), params.municipality ?? "", new URL(request.url).searchParams));
}
