import { isRouteErrorResponse, Link, useParams, useRouteError } from "react-router";

/** Error page inside the staff area, in plain Dutch, that keeps the staff navigation around it. */
export function StaffErrorBoundary() {
  const error = useRouteError();
  const params = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const title =
    status === 403 ? "U hebt geen toegang tot deze pagina" : status === 404 ? "Deze pagina bestaat niet" : "Er ging iets mis";
  const text =
    status === 403
      ? "Uw rol geeft u geen toegang tot deze pagina of dit onderdeel. Denkt u dat dit fout is? Vraag het aan een coördinator."
      : status === 404
        ? "Misschien is het adres fout getypt, of is wat u zoekt verwijderd of van een andere gemeente."
        : "Het is onze fout. Probeer het over een paar minuten opnieuw.";
  return (
    <>
      <title>{`${title} — Digibrug beheer`}</title>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to={params.municipality ? `/beheer/${params.municipality}/punten` : "/beheer"}>Terug naar het overzicht</Link>
      </p>
    </>
  );
}
