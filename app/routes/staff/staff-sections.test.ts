/**
 * The staff navigation in sections: every staff page belongs to exactly one section, every link in the navigation
 * is a real page of the section it is listed in, and each kind of staff member sees the sections and links of the
 * pages they may open (checked against the real loaders in staff-sections-routes.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { Assignment } from "~/modules/auth/permissions";
import routes from "~/routes";
import { accessFor, SECTIONS, sectionOf, sectionsMatching, staffNavigation } from "./staff-sections";

const A = "antwerpen-id";
const H = "hasselt-id";
const one = (assignment: Partial<Assignment> & Pick<Assignment, "role">): Assignment[] => [
  { municipalityId: A, organizationId: null, helpPointId: null, ...assignment },
];

/** The staff routes of a municipality, as written in app/routes.ts, e.g. "toestellen/:deviceId". */
function staffRoutePaths(): string[] {
  const staff = routes.find((r) => r.path === "beheer");
  const paths = (staff?.children ?? []).map((r) => r.path).filter((p): p is string => Boolean(p?.startsWith(":municipality/")));
  return paths.map((p) => p.slice(":municipality/".length));
}

const nav = (assignments: Assignment[], path: string) => staffNavigation(accessFor(assignments, A), "antwerpen", path);
const summary = (assignments: Assignment[], path = "/beheer/antwerpen/overzicht") =>
  Object.fromEntries(
    nav(assignments, path).sections.map((s) => [s.label, SECTIONS.find((d) => d.id === s.id)!.pages.filter((p) => nav(assignments, `/beheer/antwerpen/${p.path}`).current?.pages.some((x) => x.label === p.label)).map((p) => p.label)]),
  );

describe("sections of the staff pages", () => {
  it("maps every staff route of a municipality to exactly one section", () => {
    const paths = staffRoutePaths();
    expect(paths.length).toBeGreaterThan(50);
    const unmapped = paths.filter((p) => sectionsMatching(p).length !== 1);
    expect(unmapped, "routes in no section or in more than one").toEqual([]);
    // A few that need the longest match: a point's appointments are desk work, its hours are the offer.
    expect(sectionOf("/beheer/antwerpen/punten/123/afspraken")).toBe("hulp");
    expect(sectionOf("/beheer/antwerpen/punten/123/uren")).toBe("aanbod");
    expect(sectionOf("/beheer/antwerpen/toestellen/cijfers")).toBe("toestellen");
    expect(sectionOf("/beheer/antwerpen/uitlenen/uitleningen/9/overeenkomst.pdf")).toBe("toestellen");
    expect(sectionOf("/beheer/antwerpen/doorverwijzen")).toBe("hulp");
    expect(sectionOf("/beheer/antwerpen/privacy/export")).toBe("beheer");
  });

  it("has no section outside a municipality's pages", () => {
    expect(sectionOf("/beheer")).toBeNull();
    expect(sectionOf("/beheer/account")).toBeNull();
    expect(sectionOf("/beheer/antwerpen/bestaat-niet")).toBeNull();
    expect(nav(one({ role: "coordinator" }), "/beheer/antwerpen/bestaat-niet").current).toBeNull();
  });

  it("lists only real pages, each in the section its URL belongs to", () => {
    const paths = new Set(staffRoutePaths());
    const links = SECTIONS.flatMap((s) => s.pages.map((p) => ({ section: s.id, path: p.path })));
    expect(links.filter((l) => !paths.has(l.path)), "links to pages that do not exist").toEqual([]);
    expect(links.filter((l) => sectionOf(`/beheer/antwerpen/${l.path}`) !== l.section), "links listed in another section than their page").toEqual([]);
    // And what the layout renders for a coordinator: every link of every row.
    const coordinator = one({ role: "coordinator" });
    for (const section of nav(coordinator, "/beheer/antwerpen/overzicht").sections) {
      expect(sectionOf(section.href)).toBe(section.id);
      for (const page of nav(coordinator, section.href).current!.pages) expect(sectionOf(page.href)).toBe(section.id);
    }
  });
});

describe("what each person sees", () => {
  it("a coordinator sees six sections, each going to its first page", () => {
    const { sections } = nav(one({ role: "coordinator" }), "/beheer/antwerpen/overzicht");
    expect(sections.map((s) => [s.label, s.href])).toEqual([
      ["Overzicht", "/beheer/antwerpen/overzicht"],
      ["Hulp", "/beheer/antwerpen/agenda"],
      ["Leren", "/beheer/antwerpen/cursussen"],
      ["Toestellen", "/beheer/antwerpen/uitlenen/aanvragen"],
      ["Aanbod", "/beheer/antwerpen/punten"],
      ["Beheer", "/beheer/antwerpen/berichten"],
    ]);
    expect(sections.filter((s) => s.current).map((s) => s.label)).toEqual(["Overzicht"]);
    // All the pages the flat list had (22 with the public site, which is now in the account row), and three more.
    expect(Object.values(summary(one({ role: "coordinator" }))).flat()).toHaveLength(24);
  });

  it("marks the current section and exactly one current page, also on a detail page under it", () => {
    const coordinator = one({ role: "coordinator" });
    const numbers = nav(coordinator, "/beheer/antwerpen/toestellen/cijfers");
    expect(numbers.sections.filter((s) => s.current).map((s) => s.label)).toEqual(["Toestellen"]);
    expect(numbers.current?.label).toBe("Toestellen");
    expect(numbers.current?.pages.filter((p) => p.current).map((p) => p.label)).toEqual(["Cijfers"]);
    const device = nav(coordinator, "/beheer/antwerpen/toestellen/0b5e7c1e-0000-4000-8000-000000000000");
    expect(device.current?.pages.filter((p) => p.current).map((p) => p.label)).toEqual(["Voorraad"]);
    const loan = nav(coordinator, "/beheer/antwerpen/uitlenen/uitleningen/5");
    expect(loan.current?.pages.filter((p) => p.current).map((p) => p.label)).toEqual(["Uitleningen"]);
    // A page reached from the section but not in its row: the section is current, no page is.
    const pointAgenda = nav(coordinator, "/beheer/antwerpen/punten/5/afspraken");
    expect(pointAgenda.current?.label).toBe("Hulp");
    expect(pointAgenda.current?.pages.some((p) => p.current)).toBe(false);
  });

  it("a digihelper sees the desk first and no management pages", () => {
    expect(summary(one({ role: "digihelper", helpPointId: "punt" }))).toEqual({
      Overzicht: ["Vandaag te doen"],
      Hulp: ["Agenda", "Hulpvraag noteren", "Huisbezoeken", "Doorverwijzingen"],
      Leren: ["Cursussen"],
      Toestellen: ["Aanvragen"],
      Aanbod: ["Hulppunten", "Organisaties"],
    });
  });

  it("a device officer's Toestellen section has the whole device bank; their Hulp is referrals only", () => {
    const officer = one({ role: "device_officer" });
    expect(summary(officer)).toEqual({
      Overzicht: ["Vandaag te doen"],
      Hulp: ["Doorverwijzingen"],
      Leren: ["Cursussen"],
      Toestellen: ["Aanvragen", "Uitleningen", "Te laat", "Voorraad", "Schenkingen", "Cijfers", "Regels uitlenen"],
      Aanbod: ["Hulppunten", "Organisaties"],
    });
    expect(nav(officer, "/beheer/antwerpen/overzicht").sections.find((s) => s.label === "Hulp")?.href).toBe("/beheer/antwerpen/doorverwijzingen");
  });

  it("a trainer, a service owner and an organisation manager see their own pages", () => {
    expect(summary(one({ role: "trainer" }))).toEqual({
      Overzicht: ["Vandaag te doen"],
      Hulp: ["Doorverwijzingen"],
      Leren: ["Cursussen", "Lessen"],
      Aanbod: ["Hulppunten", "Organisaties"],
    });
    expect(summary(one({ role: "service_owner", organizationId: "dienst" }))).toEqual({
      Overzicht: ["Vandaag te doen"],
      Hulp: ["Inzichten"],
      Leren: ["Cursussen"],
      Aanbod: ["Hulppunten", "Organisaties"],
    });
    expect(summary(one({ role: "organization_manager", organizationId: "org" }))).toEqual({
      Overzicht: ["Vandaag te doen"],
      Hulp: ["Agenda", "Hulpvraag noteren", "Huisbezoeken", "Doorverwijzingen"],
      Leren: ["Cursussen"],
      Toestellen: ["Aanvragen"],
      Aanbod: ["Hulppunten", "Organisaties"],
    });
  });

  it("shows nothing of a municipality where the person has no role; a platform admin sees everything", () => {
    const hasselt: Assignment[] = [{ role: "coordinator", municipalityId: H, organizationId: null, helpPointId: null }];
    expect(nav(hasselt, "/beheer/antwerpen/overzicht")).toEqual({ sections: [], current: null });
    const admin: Assignment[] = [{ role: "platform_admin", municipalityId: null, organizationId: null, helpPointId: null }];
    expect(summary(admin)).toEqual(summary(one({ role: "coordinator" })));
  });
});
