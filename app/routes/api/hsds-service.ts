import type { LoaderFunctionArgs } from "react-router";
import { getDb } from "~/db/client.server";
import { getService } from "~/modules/hsds/hsds.server";
import { hsdsHandle } from "~/modules/hsds/http.server";

/** HSDS 3.0: one complete service. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return hsdsHandle(request, () =>
    getService(getDb(), params.municipality ?? "", params.id ?? "", new URL(request.url).searchParams),
  );
}
