import { Link } from "react-router";
import { getDb } from "~/db/client.server";
import { requireMunicipalityStaff } from "~/modules/auth/guard.server";
import { brusselsDate } from "~/modules/finder/opening-hours";
import { formatLongDate } from "~/modules/learning/registration-format";
import { STALE_MONTHS } from "~/modules/offer/schema";
import { staffOverview, type Overview } from "~/modules/overview/overview.server";
import { PICK_UP_WORKING_DAYS } from "~/modules/referrals/working-days";
import { StaffErrorBoundary } from "~/ui/staff-error";
import type { Route } from "./+types/overview";

/** Counts only (no names or contact details), so viewing this page is not audit-logged. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { session, municipality } = await requireMunicipalityStaff(request, params.municipality, "staff.access");
  const now = new Date();
  const overview = await staffOverview(getDb(), session.assignments, municipality.id, now);
  return {
    municipality: { slug: municipality.slug, name: municipality.name },
    dayLabel: formatLongDate(`${brusselsDate(now)}T12:00:00Z`, "nl"),
    overview,
  };
}

interface Card {
  id: string;
  count: number;
  /** The sentence after the number, singular and plural. */
  text: [string, string];
  links: { to: string; label: string }[];
  /** Work that is late: shown with a word, not only a colour. */
  urgent?: boolean;
}

interface Group {
  id: string;
  title: string;
  cards: Card[];
}

/** The cards the overview allows, grouped by where the work is done. */
function overviewGroups(o: Overview, base: string): Group[] {
  const groups: Group[] = [];
  if (o.desk) {
    const agenda = { to: `${base}/agenda`, label: "Naar de agenda" };
    groups.push({
      id: "balie",
      title: o.desk.points === 1 ? "Aan de balie van uw hulppunt" : `Aan de balie van uw ${o.desk.points} hulppunten`,
      cards: [
        { id: "afspraken", count: o.desk.toCome, text: ["afspraak vandaag nog niet aangemeld", "afspraken vandaag nog niet aangemeld"], links: [agenda] },
        { id: "aangemeld", count: o.desk.checkedIn, text: ["persoon vandaag al aangemeld", "personen vandaag al aangemeld"], links: [agenda] },
        {
          id: "hulpvragen",
          count: o.desk.contactsToday,
          text: ["hulpvraag vandaag genoteerd", "hulpvragen vandaag genoteerd"],
          links: [{ to: `${base}/hulpvragen`, label: "Een hulpvraag noteren" }],
        },
      ],
    });
  }
  if (o.referrals) {
    const inbox = { to: `${base}/doorverwijzingen`, label: "Naar de doorverwijzingen" };
    groups.push({
      id: "doorverwijzingen",
      title: "Doorverwijzingen voor u",
      cards: [
        { id: "nieuw", count: o.referrals.open, text: ["doorverwijzing nog niet opgepikt", "doorverwijzingen nog niet opgepikt"], links: [inbox] },
        {
          id: "te-laat",
          count: o.referrals.flagged,
          text: [`doorverwijzing al meer dan ${PICK_UP_WORKING_DAYS} werkdagen niet opgepikt`, `doorverwijzingen al meer dan ${PICK_UP_WORKING_DAYS} werkdagen niet opgepikt`],
          links: [inbox],
          urgent: true,
        },
      ],
    });
  }
  if (o.homeVisits) {
    const visits = { to: `${base}/huisbezoeken`, label: "Naar de huisbezoeken" };
    groups.push({
      id: "huisbezoeken",
      title: "Huisbezoeken",
      cards: [
        { id: "te-plannen", count: o.homeVisits.toPlan, text: ["huisbezoek nog te plannen", "huisbezoeken nog te plannen"], links: [visits] },
        { id: "gepland", count: o.homeVisits.nextWeek, text: ["huisbezoek gepland in de komende 7 dagen", "huisbezoeken gepland in de komende 7 dagen"], links: [visits] },
      ],
    });
  }
  if (o.lending) {
    groups.push({
      id: "uitlenen",
      title: "Toestellen uitlenen",
      cards: [
        {
          id: "aanvragen",
          count: o.lending.toDecide,
          text: ["aanvraag voor een toestel om te beslissen", "aanvragen voor een toestel om te beslissen"],
          links: [{ to: `${base}/uitlenen/aanvragen`, label: "Naar de aanvragen" }],
        },
        {
          id: "te-laat-terug",
          count: o.lending.overdue,
          text: ["toestel te laat terug", "toestellen te laat terug"],
          links: [{ to: `${base}/uitlenen/te-laat`, label: "Naar de toestellen die te laat zijn" }],
          urgent: true,
        },
        {
          id: "ophalen",
          count: o.lending.pickUpToday,
          text: ["gereserveerd toestel dat vandaag opgehaald kan worden", "gereserveerde toestellen die vandaag opgehaald kunnen worden"],
          links: [{ to: `${base}/uitlenen/uitleningen?toon=reserved`, label: "Naar de reservaties" }],
        },
      ],
    });
  }
  if (o.stock) {
    groups.push({
      id: "toestellen",
      title: "Toestellen in voorraad",
      cards: [
        {
          id: "wissen",
          count: o.stock.received + o.stock.returned,
          text: ["toestel nog te wissen", "toestellen nog te wissen"],
          links: [
            { to: `${base}/toestellen?status=received`, label: `Binnengekomen: ${o.stock.received}` },
            { to: `${base}/toestellen?status=returned`, label: `Teruggebracht: ${o.stock.returned}` },
          ],
        },
        {
          id: "niet-gezien",
          count: o.stock.notSeen,
          text: ["toestel te lang niet gezien bij de controle", "toestellen te lang niet gezien bij de controle"],
          links: [{ to: `${base}/toestellen?nietgezien=1`, label: "Naar de toestellen die lang niet gezien zijn" }],
        },
      ],
    });
  }
  if (o.offer) {
    groups.push({
      id: "aanbod",
      title: o.offer.points === 1 ? "Uw hulppunt" : "Hulppunten",
      cards: [
        {
          id: "nakijken",
          count: o.offer.stale,
          text: [`hulppunt al ${STALE_MONTHS} maanden niet nagekeken`, `hulppunten al ${STALE_MONTHS} maanden niet nagekeken`],
          links: [{ to: `${base}/punten?stale=1`, label: "Naar de hulppunten om na te kijken" }],
        },
      ],
    });
  }
  if (o.messages) {
    groups.push({
      id: "berichten",
      title: "Berichten aan bewoners",
      cards: [
        {
          id: "mislukt",
          count: o.messages.failed,
          text: ["bericht niet verstuurd", "berichten niet verstuurd"],
          links: [{ to: `${base}/berichten?status=failed`, label: "Naar de mislukte berichten" }],
          urgent: true,
        },
      ],
    });
  }
  return groups;
}

export default function StaffOverview({ loaderData }: Route.ComponentProps) {
  const { municipality, dayLabel, overview } = loaderData;
  const groups = overviewGroups(overview, `/beheer/${municipality.slug}`);
  return (
    <>
      <title>{`Overzicht — ${municipality.name} — Digibrug beheer`}</title>
      <h1>Wat er vandaag te doen is</h1>
      <p className="lead">{dayLabel}</p>
      {groups.length === 0 ? (
        <p>Er is hier geen werk dat op u wacht. Kies een pagina in het menu hierboven.</p>
      ) : (
        <p>Alleen aantallen. Namen en gegevens van bewoners ziet u op de pagina waar u het werk doet.</p>
      )}
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`overzicht-${group.id}`} className="overview-group">
          <h2 id={`overzicht-${group.id}`}>{group.title}</h2>
          <ul className="overview-cards">
            {group.cards.map((card) => {
              const late = card.urgent && card.count > 0;
              return (
                <li key={card.id} className={late ? "overview-card overview-card-urgent" : "overview-card"}>
                  <p className="overview-sentence">
                    {late ? <span className="overview-flag">Dringend: </span> : null}
                    <strong className="overview-number">{card.count}</strong> {card.count === 1 ? card.text[0] : card.text[1]}
                  </p>
                  <ul className="overview-links">
                    {card.links.map((link) => (
                      <li key={link.to}>
                        <Link to={link.to}>{link.label}</Link>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
