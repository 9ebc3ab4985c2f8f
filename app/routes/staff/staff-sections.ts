/**
 * The staff navigation in sections: a top row of a few sections and, for the current section, a row with its pages.
 * Pure (no database, no React), so the layout and the tests share one source of truth.
 *
 * - Each page link keeps the permission check its page's loader makes: a link is never shown to someone the page
 *   would refuse. A section appears only when the person may open at least one of its pages, and its link goes to
 *   the first of those pages.
 * - A new staff page: add its route to the `owns` of one section (a unit test checks every route has exactly one) and,
 *   if it belongs in the navigation, a page entry with the same check as its loader (a route test compares them).
 * - `sectionOf` says which section a staff URL belongs to (also for detail pages such as a device or a referral), so
 *   the right second row is shown everywhere.
 */
import { canAnywhere } from "~/modules/appointments/access";
import { can, type Assignment, type Permission, type Role } from "~/modules/auth/permissions";

export type SectionId = "overzicht" | "hulp" | "leren" | "toestellen" | "aanbod" | "beheer";

/** What a page's visibility check may ask, for one person in one municipality. */
export interface Access {
  /** The permission in the whole municipality. */
  allowed(permission: Permission): boolean;
  /** The permission at one of the person's own points or organisations (desk permissions are scoped). */
  anywhere(permission: Permission): boolean;
  /** One of these roles in this municipality (a platform admin counts as every role). */
  hasRole(...roles: Role[]): boolean;
}

interface PageDefinition {
  /** Path after /beheer/:municipality/, e.g. "uitlenen/aanvragen". */
  path: string;
  label: string;
  /** The same check the page's loader makes (or the link's check before the sections existed). */
  visible(access: Access): boolean;
}

interface SectionDefinition {
  id: SectionId;
  label: string;
  /** The pages in the second row, most used first: the section link goes to the first one the person may open. */
  pages: PageDefinition[];
  /**
   * The route paths (after /beheer/:municipality/) this section owns, as segment prefixes; ":x" matches one segment.
   * The longest matching prefix wins, so "punten/:pointId/afspraken" (Hulp) beats "punten" (Aanbod).
   */
  owns: string[];
}

export const SECTIONS: readonly SectionDefinition[] = [
  {
    id: "overzicht",
    label: "Overzicht",
    pages: [{ path: "overzicht", label: "Vandaag te doen", visible: (a) => a.allowed("staff.access") }],
    owns: ["overzicht"],
  },
  {
    // One-to-one help (issue 3): add its staff pages here.
    id: "hulp",
    label: "Hulp",
    pages: [
      { path: "agenda", label: "Agenda", visible: (a) => a.anywhere("help.desk") },
      {
        path: "hulpvragen",
        label: "Hulpvraag noteren",
        visible: (a) => a.allowed("staff.access") && a.hasRole("coordinator", "organization_manager", "digihelper"),
      },
      {
        path: "huisbezoeken",
        label: "Huisbezoeken",
        visible: (a) => a.allowed("help.manage") || a.hasRole("digihelper", "organization_manager"),
      },
      { path: "doorverwijzingen", label: "Doorverwijzingen", visible: (a) => a.allowed("help.refer") },
      { path: "inzichten", label: "Inzichten", visible: (a) => a.hasRole("coordinator", "service_owner") },
    ],
    owns: ["agenda", "punten/:pointId/afspraken", "hulpvragen", "huisbezoeken", "doorverwijzen", "doorverwijzingen", "inzichten", "inzichten.csv"],
  },
  {
    id: "leren",
    label: "Leren",
    pages: [
      { path: "cursussen", label: "Cursussen", visible: (a) => a.allowed("learning.view") },
      { path: "sessies", label: "Lessen", visible: (a) => a.allowed("learning.teach") },
      { path: "scholen", label: "Scholen", visible: (a) => a.allowed("learning.manage") },
      { path: "personeel", label: "Personeel", visible: (a) => a.allowed("learning.manage") },
    ],
    owns: ["cursussen", "sessies", "scholen", "personeel", "personeel.csv"],
  },
  {
    // Device bank (issue 5): add its staff pages here.
    id: "toestellen",
    label: "Toestellen",
    pages: [
      { path: "uitlenen/aanvragen", label: "Aanvragen", visible: (a) => a.allowed("devices.apply") },
      { path: "uitlenen/uitleningen", label: "Uitleningen", visible: (a) => a.allowed("devices.lend") },
      { path: "uitlenen/te-laat", label: "Te laat", visible: (a) => a.allowed("devices.lend") },
      { path: "toestellen", label: "Voorraad", visible: (a) => a.allowed("devices.view") },
      { path: "schenkingen", label: "Schenkingen", visible: (a) => a.allowed("devices.manage") },
      { path: "toestellen/cijfers", label: "Cijfers", visible: (a) => a.allowed("devices.view") },
      { path: "uitlenen/instellingen", label: "Regels uitlenen", visible: (a) => a.allowed("devices.manage") },
    ],
    owns: ["uitlenen", "toestellen", "schenkingen"],
  },
  {
    id: "aanbod",
    label: "Aanbod",
    pages: [
      { path: "punten", label: "Hulppunten", visible: (a) => a.allowed("offer.view") },
      { path: "organisaties", label: "Organisaties", visible: (a) => a.allowed("offer.view") },
      { path: "diensten", label: "Diensten", visible: (a) => a.allowed("help.manage") },
      { path: "import", label: "Importeren en exporteren", visible: (a) => a.allowed("offer.manage") },
    ],
    owns: ["punten", "organisaties", "diensten", "import", "export.csv"],
  },
  {
    id: "beheer",
    label: "Beheer",
    pages: [
      { path: "berichten", label: "Berichten", visible: (a) => a.allowed("messages.view") },
      { path: "audit", label: "Logboek", visible: (a) => a.allowed("audit.view") },
      { path: "privacy", label: "Privacy", visible: (a) => a.allowed("privacy.manage") },
    ],
    owns: ["berichten", "audit", "privacy"],
  },
];

const segments = (path: string) => path.split("/").filter(Boolean);

/** How many segments of `pattern` match the start of `path`, or -1 when it is not a prefix. */
function prefixLength(pattern: string, path: string): number {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length > have.length) return -1;
  return want.every((w, i) => w.startsWith(":") || w === have[i]) ? want.length : -1;
}

/** The sections whose longest matching pattern is the longest of all (one, unless the table is ambiguous). */
export function sectionsMatching(rest: string): SectionId[] {
  let best = 0;
  let found: SectionId[] = [];
  for (const section of SECTIONS) {
    const length = Math.max(...section.owns.map((pattern) => prefixLength(pattern, rest)));
    if (length <= 0 || length < best) continue;
    if (length > best) found = [];
    best = length;
    if (!found.includes(section.id)) found.push(section.id);
  }
  return found;
}

/**
 * The section of a staff URL path such as "/beheer/antwerpen/toestellen/123", or null outside a municipality's
 * pages (/beheer, /beheer/account) and for unknown paths.
 */
export function sectionOf(pathname: string): SectionId | null {
  const match = pathname.match(/^\/beheer\/[^/]+\/(.+)$/);
  if (!match) return null;
  return sectionsMatching(match[1])[0] ?? null;
}

export interface NavLinkItem {
  href: string;
  label: string;
  current: boolean;
}

export interface NavSection extends NavLinkItem {
  id: SectionId;
}

export interface StaffNavigation {
  /** The top row: only sections with at least one page the person may open. */
  sections: NavSection[];
  /** The current section and its pages (the second row), or null when the URL is in no section the person sees. */
  current: { id: SectionId; label: string; pages: NavLinkItem[] } | null;
}

/** The checks for one person in one municipality, as the pages make them. */
export function accessFor(assignments: readonly Assignment[], municipalityId: string): Access {
  return {
    allowed: (permission) => can(assignments, permission, { municipalityId }),
    anywhere: (permission) => canAnywhere(assignments, permission, municipalityId),
    hasRole: (...roles) => assignments.some((a) => a.role === "platform_admin" || (a.municipalityId === municipalityId && roles.includes(a.role))),
  };
}

/**
 * The navigation for one person in one municipality on one URL. The current page is the visible page whose path is
 * the longest prefix of the URL (so "toestellen/cijfers" on the numbers page, "toestellen" on a device's page).
 */
export function staffNavigation(access: Access, municipalitySlug: string, pathname: string): StaffNavigation {
  const base = `/beheer/${municipalitySlug}`;
  const here = sectionOf(pathname);
  const rest = pathname.startsWith(`${base}/`) ? pathname.slice(base.length + 1) : null;
  const sections: NavSection[] = [];
  let current: StaffNavigation["current"] = null;
  for (const section of SECTIONS) {
    const pages = section.pages.filter((page) => page.visible(access));
    if (pages.length === 0) continue;
    const isCurrent = rest !== null && here === section.id;
    sections.push({ id: section.id, label: section.label, href: `${base}/${pages[0].path}`, current: isCurrent });
    if (!isCurrent) continue;
    const lengths = pages.map((page) => prefixLength(page.path, rest));
    const longest = Math.max(...lengths);
    current = {
      id: section.id,
      label: section.label,
      pages: pages.map((page, i) => ({ href: `${base}/${page.path}`, label: page.label, current: longest > 0 && lengths[i] === longest })),
    };
  }
  return { sections, current };
}
