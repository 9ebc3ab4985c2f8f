import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { listOutbox, outboxCounts } from "~/modules/notifications/outbox.server";
import { dutchDateTime } from "~/modules/offer/labels";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/messages";

const STATUS_LABELS = { pending: "Wacht om te versturen", sent: "Verstuurd", failed: "Mislukt" } as const;
type Status = keyof typeof STATUS_LABELS;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await requireMunicipalityStaff(request, params.municipality, "messages.view");
  const requested = new URL(request.url).searchParams.get("status");
  const status = requested && requested in STATUS_LABELS ? (requested as Status) : undefined;
  const db = getDb();
  const [messages, counts] = await Promise.all([listOutbox(db, municipality.id, { status, limit: 100 }), outboxCounts(db, municipality.id)]);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    status: status ?? null,
    counts,
    messages: messages.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      subject: m.subject,
      body: m.body,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      notDelivered: Boolean((m.metadata as { delivered?: boolean } | null)?.delivered === false),
      createdAt: m.createdAt.toISOString(),
      nextAttemptAt: m.nextAttemptAt.toISOString(),
    })),
  };
}

/** The outbox: what was sent to residents, what waits, and what failed (with the provider's answer). */
export default function Messages({ loaderData }: Route.ComponentProps) {
  const { municipality, messages, counts, status } = loaderData;
  const base = `/beheer/${municipality.slug}/berichten`;
  return (
    <>
      <title>{`Berichten — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Berichten aan inwoners</h1>
      <p>
        Elke sms en e-mail gaat eerst naar deze lijst. Lukt het versturen niet, dan proberen we het later opnieuw. Na{" "}
        8 pogingen staat het bericht bij &quot;Mislukt&quot;: bel de persoon dan zelf.
      </p>
      <nav aria-label="Filter op status">
        <ul className="inline-list">
          <li>
            <a href={base} aria-current={status === null ? "page" : undefined}>
              Alle
            </a>
          </li>
          {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
            <li key={s}>
              <a href={`${base}?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {STATUS_LABELS[s]} ({counts[s] ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p>Er zijn geen berichten{status ? ` met de status "${STATUS_LABELS[status]}"` : ""}.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Berichten, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Aan</th>
                <th scope="col">Bericht</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <time dateTime={m.createdAt}>{dutchDateTime(m.createdAt)}</time>
                  </th>
                  <td className="break-anywhere">
                    {m.channel === "sms" ? "Sms" : "E-mail"}: {m.recipient}
                  </td>
                  <td className="break-anywhere">
                    {m.subject ? <strong dir="auto">{m.subject}</strong> : null}
                    {/* dir="auto": an Arabic message reads right to left in this Dutch page. */}
                    <p className="pre-line" dir="auto">
                      {m.body}
                    </p>
                  </td>
                  <td>
                    {STATUS_LABELS[m.status]}
                    {m.notDelivered ? <p className="muted">Demo: geen verzender ingesteld, niet echt verstuurd.</p> : null}
                    {m.lastError ? (
                      <p className="field-error">
                        Poging {m.attempts}: {m.lastError}
                      </p>
                    ) : null}
                    {m.status === "pending" && m.attempts > 0 ? <p>Volgende poging: {dutchDateTime(m.nextAttemptAt)}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { StaffErrorBoundary as ErrorBoundary };
