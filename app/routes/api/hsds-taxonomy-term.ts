import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { getTaxonomyTerm } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: one help topic. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () =>
    getTaxonomyTerm(getDb(), params.municipality ?? "", params.id ?? "", new URL(request.url).searchParams),
  );
}
