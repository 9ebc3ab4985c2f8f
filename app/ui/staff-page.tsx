/**
 * Pieces that staff pages (Dutch only) repeat: the head of a detail page, the filter links above a list, a section
 * with its heading, and a form that posts one intent back to the page.
 */
import { Form, Link } from "react-router";
import { CsrfInput } from "~/modules/auth/staff-context";
import { ErrorSummary, type FieldErrors, SavedNotice } from "./form";

/** The document title of a staff page; "Fout: " in front when a form came back with errors. */
export function staffTitle(heading: string, municipalityName: string, hasErrors = false): string {
  return `${hasErrors ? "Fout: " : ""}${heading} — ${municipalityName} — Digibrug beheer`;
}


/**
 * Head of a staff detail page: title, the link back to the list, the heading, anything that belongs under the heading
 * (children), what was just saved (not when a form came back with errors) and the error summary.
 */
export function StaffPageHead({
  municipalityName,
  heading,
  back,
  saved,
  errors,
  children,
}: {
  municipalityName: string;
  heading: string;
  back: { to: string; label: string };
  saved?: string | null;
  errors: FieldErrors;
  children?: React.ReactNode;
}) {
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <title>{staffTitle(heading, municipalityName, hasErrors)}</title>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{heading}</h1>
      {children}
      <SavedNotice message={hasErrors ? null : saved} />
      <ErrorSummary errors={errors} />
    </>
  );
}

/** The links that filter a list (by status or the like); the current one is marked for screen readers. */
export function FilterLinks({ links }: { links: { to: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label="Filter">
      <ul className="filter-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} aria-current={l.current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A section of a staff page with its own heading (h2, id `<id>-title`). */
export function StaffSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="staff-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A form that posts one intent back to the page, with the CSRF token. Give it an `id` when an error can belong to the
 * form as a whole: the error summary then links to the form and it can take the focus.
 */
export function IntentForm({ path, intent, id, children }: { path: string; intent: string; id?: string; children: React.ReactNode }) {
  return (
    <Form method="post" action={path} noValidate id={id} tabIndex={id ? -1 : undefined}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

/** A table of records that scrolls sideways on a narrow screen; the caption is for screen readers, the rows come as children. */
export function DataTable({ caption, columns, wide = false, children }: { caption: string; columns: string[]; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={wide ? "data wide-table" : "data"}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A status in a list, with what it means in muted text after it ("Gepland: dinsdag 3 maart, 14:00"). */
export function StatusWithDetail({ status, detail }: { status: string; detail?: string | null }) {
  return (
    <>
      {status}
      {detail ? <span className="muted">: {detail}</span> : null}
    </>
  );
}
